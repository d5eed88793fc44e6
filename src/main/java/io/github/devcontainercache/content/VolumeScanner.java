package io.github.devcontainercache.content;

import io.github.devcontainercache.caches.Owner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Fills a {@link VolumeScan} from a directory on this host or from a tar stream of the archive API. */
public final class VolumeScanner {

    private VolumeScanner() {}

    /**
     * Walks a directory without following links, counting the apparent size of regular files. Directories are read
     * in parallel on the machine's cores: a cache of tens of thousands of small files is mostly system calls, and
     * those run side by side.
     */
    public static VolumeScan scan(Path root, int keepLargest) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is not a directory");
        }
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            return pool.invoke(new DirectoryTask(root, null, "", keepLargest));
        } finally {
            pool.shutdown();
        }
    }

    /** Counts one directory's files, and forks a task for each of its subdirectories. */
    private static final class DirectoryTask extends RecursiveTask<VolumeScan> {
        private static final long serialVersionUID = 1L;
        private final transient Path directory;
        private final String topLevel;
        private final String prefix;
        private final int keepLargest;

        DirectoryTask(Path directory, String topLevel, String prefix, int keepLargest) {
            this.directory = directory;
            this.topLevel = topLevel;
            this.prefix = prefix;
            this.keepLargest = keepLargest;
        }

        @Override
        protected VolumeScan compute() {
            VolumeScan scan = new VolumeScan(keepLargest);
            List<DirectoryTask> subdirectories = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    BasicFileAttributes attributes;
                    try {
                        attributes = Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    } catch (IOException unreadable) {
                        continue; // counted as nothing, as du reports and goes on
                    }
                    String name = entry.getFileName().toString();
                    if (attributes.isDirectory()) {
                        DirectoryTask task = new DirectoryTask(
                                entry, topLevel == null ? name : topLevel, prefix + name + "/", keepLargest);
                        task.fork();
                        subdirectories.add(task);
                    } else if (attributes.isRegularFile()) {
                        // A file with several hard links counts once per link (du counts it once): finding the
                        // links would cost a second stat per file, and pip and model caches do not link files.
                        scan.addFile(topLevel, topLevel == null ? name : null, () -> prefix + name, attributes.size());
                    }
                }
            } catch (IOException unreadable) {
                // an unreadable directory counts as nothing, as du reports and goes on
            }
            for (DirectoryTask task : subdirectories) {
                scan.merge(task.join());
            }
            return scan;
        }
    }

    /**
     * Reads a tar stream of {@code GET /containers/{id}/archive} for a directory: its entries are named
     * {@code <directory>/...}. Reads headers only; the content is skipped.
     */
    public static VolumeScan scan(InputStream tar, int keepLargest) throws IOException {
        VolumeScan scan = new VolumeScan(keepLargest);
        TarStream entries = new TarStream(tar, 1 << 20);
        boolean first = true;
        for (TarArchiveEntry entry = entries.next(); entry != null; entry = entries.next()) {
            if (first && entry.isDirectory()) {
                try {
                    scan.rootOwner(new Owner(entry.getLongUserId(), entry.getLongGroupId()));
                } catch (IllegalArgumentException impossible) {
                    // an owner no system has: leave it unknown
                }
            }
            first = false;
            // commons-compress calls every non-directory a file: count regular files only, as the walk does
            if (entry.isDirectory() || entry.isSymbolicLink() || entry.isLink() || entry.isFIFO()
                    || entry.isCharacterDevice() || entry.isBlockDevice()) {
                continue;
            }
            String name = entry.getName();
            int slash = name.indexOf('/');
            if (slash >= 0 && slash < name.length() - 1) {
                scan.addFile(name.substring(slash + 1), entry.getSize());
            }
        }
        return scan;
    }
}
