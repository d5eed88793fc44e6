package io.github.devcontainercache.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Fills a {@link VolumeScan} from a directory on this host or from a tar stream of the archive API. */
public final class VolumeScanner {

    private VolumeScanner() {}

    /** Walks a directory without following links, counting the apparent size of regular files. */
    public static VolumeScan scan(Path root, int keepLargest) throws IOException {
        VolumeScan scan = new VolumeScan(keepLargest);
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                // A file with several hard links counts once per link here (du counts it once): finding the links
                // would cost a second stat per file, and pip and model caches do not link files.
                if (attributes.isRegularFile()) {
                    scan.addFile(relative(root, file), attributes.size());
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE; // unreadable: counted as nothing, as du reports and goes on
            }
        });
        return scan;
    }

    /**
     * Reads a tar stream of {@code GET /containers/{id}/archive} for a directory: its entries are named
     * {@code <directory>/...}. Reads headers only; the content is skipped.
     */
    public static VolumeScan scan(InputStream tar, int keepLargest) throws IOException {
        VolumeScan scan = new VolumeScan(keepLargest);
        TarArchiveInputStream entries = new TarArchiveInputStream(tar);
        boolean first = true;
        for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
            if (first && entry.isDirectory()) {
                try {
                    scan.rootOwner(new io.github.devcontainercache.caches.Owner(entry.getLongUserId(), entry.getLongGroupId()));
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

    private static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
