package io.github.devcontainercache.content;

import java.io.IOException;
import java.io.InputStream;

/**
 * What a pass over a cache tells besides sizes: every regular file and link by its path (relative to the cache's
 * root, '/' separators), and the content of the files asked for. {@link #file} and {@link #link} come one at a
 * time; {@link #content} may come from several threads at once and in any order, on the mount point after the walk,
 * through the archive API inline with the stream.
 */
public interface EntrySink {

    /** A regular file, with its owner's ids ({@code -1} when the source does not say). @return whether its content is wanted */
    boolean file(String path, long sizeBytes, long uid, long gid);

    /** A symbolic link and what it points to, as written. */
    void link(String path, String target);

    /** The content of a file {@link #file} asked for; read it, or not, but do not close it. */
    void content(String path, long sizeBytes, InputStream in) throws IOException;

    /** A file asked for whose content could not be read. */
    void unreadable(String path, IOException cause);

    /**
     * Every file and link has been told, and contents come next: on the mount point, where the walk ends before any
     * content is read. (Through the archive API contents come inline, and this never comes.)
     */
    default void walked() {}
}
