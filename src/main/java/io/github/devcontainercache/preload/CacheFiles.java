package io.github.devcontainercache.preload;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.content.Progress;
import io.github.devcontainercache.content.ReadPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;

/**
 * A cache's files as the preload reads and writes them: straight on the volume's mount point, or through the engine's
 * archive API. Paths are relative to the cache's root and {@link CachePaths#isSafe safe}.
 */
public abstract sealed class CacheFiles permits MountPointFiles, ArchiveFiles {

    /** One thing to put in place once every download it needs is verified. */
    record Placement(String path, Path verified, String linkTarget, String text) {
        static Placement file(String path, Path verified) {
            return new Placement(path, verified, null, null);
        }

        static Placement link(String path, String target) {
            return new Placement(path, null, target, null);
        }

        static Placement text(String path, String text) {
            return new Placement(path, null, null, text);
        }
    }

    /** How the files are reached, for messages. */
    abstract ReadPath via();

    /** Whether a regular file is at the path and is what {@code expected} says; hashes it whole to tell. */
    abstract boolean holds(String path, Expected expected, BuildLog log) throws IOException;

    /** Whether anything is at the path. */
    abstract boolean exists(String path) throws IOException;

    /** A small text file's content; empty when there is none. */
    abstract Optional<String> text(String path) throws IOException;

    /** The local file a download for {@code partialPath} goes to, with its folders made. */
    abstract Path partial(String partialPath) throws IOException;

    /** Puts verified downloads, links and texts in place, with the cache's owner. */
    abstract void place(List<Placement> placements) throws IOException;

    /**
     * After a download failed: a partial file that holds bytes is kept for the next run to resume (its size is
     * returned); an empty one goes, with the folders made for it.
     */
    abstract long abandon(Path partial) throws IOException;

    /** Deletes an empty partial file and the folders above it, up to {@code root}, that are left empty. */
    static long abandon(Path partial, Path root, java.util.function.Predicate<Path> mayRemove) throws IOException {
        if (Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS) && Files.size(partial) > 0) {
            return Files.size(partial);
        }
        Files.deleteIfExists(partial);
        for (Path folder = partial.getParent(); folder != null && folder.startsWith(root) && !folder.equals(root)
                && Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS) && mayRemove.test(folder);
                folder = folder.getParent()) {
            try (java.util.stream.Stream<Path> entries = Files.list(folder)) {
                if (entries.findAny().isPresent()) {
                    break;
                }
            }
            Files.delete(folder);
        }
        return 0;
    }

    /** Hashes a file's content, with progress, and says whether it is what {@code expected} says. */
    static boolean verify(InputStream content, long size, Expected expected, String path, BuildLog log)
            throws IOException {
        MessageDigest digest = expected.newDigest(size);
        Progress progress = new Progress(log, "Verifying " + path, size);
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        for (int n = content.read(buffer); n >= 0; n = content.read(buffer)) {
            digest.update(buffer, 0, n);
            progress.add(n);
            read += n;
        }
        return read == size && expected.matches(digest);
    }
}
