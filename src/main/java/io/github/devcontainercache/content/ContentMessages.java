package io.github.devcontainercache.content;

import static io.github.devcontainercache.Wording.count;

import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.caches.CacheDeclaration;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user reads about a volume's content: how it was read, the progress of a read, the files checked, and the
 * listing of the largest files. Unit tests assert these texts exactly.
 */
public final class ContentMessages {

    private ContentMessages() {}

    /** How the output says a volume's content was read, the words the tests and the CI's lanes look for. */
    public static String read(ReadPath path) {
        return switch (path) {
            case MOUNT_POINT -> "read on the mount point";
            case ARCHIVE_API -> "read through the archive API";
            case ROOTLESS_PODMAN_DIRECTORY -> "read on the volume's directory, its ids mapped back through rootless"
                    + " Podman's";
        };
    }

    /** How the output says a volume's content was written. */
    public static String written(ReadPath path) {
        return switch (path) {
            case MOUNT_POINT -> "written on the mount point";
            case ARCHIVE_API -> "written through the archive API";
            case ROOTLESS_PODMAN_DIRECTORY -> "written on the volume's directory";
        };
    }

    public static String progress(String what, long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 0.001);
        String percent = total > 0 ? String.format(Locale.ROOT, " (%.0f%%)", 100.0 * done / total) : "";
        // a negative total is one not known beforehand (an export)
        return what + ": " + ByteSize.format(done) + (total < 0 ? "" : " of " + ByteSize.format(total)) + percent + ", "
                + ByteSize.format((long) (done / seconds)) + "/s";
    }

    public static String checkedFile(String volume, CheckedFile file) {
        return "  " + String.format(Locale.ROOT, "%-8s ", file.status().id()) + volume + "/" + file.file()
                + (file.sizeBytes() < 0 ? "" : " (" + ByteSize.format(file.sizeBytes()) + ")");
    }

    public static String unreadableContent(IOException e) {
        return "The cache's content could not be read or written: " + e.getMessage() + ". Check that the engine still"
                + " runs and that the files named are readable (or set -Ddevcontainer-cache.readMountPoints=false to go"
                + " through the engine), then run again.";
    }

    public static String listNeedsVolume(List<CacheDeclaration> declared) {
        return "Which cache? Name it with -Ddevcontainer-cache.volume=NAME"
                + (declared.isEmpty() ? "." : "; the declared ones are "
                        + declared.stream().map(CacheDeclaration::volume).collect(Collectors.joining(", ")) + ".");
    }

    public static String listing(String volume, ReadPath via) {
        return "Content of " + volume + ", largest first (" + read(via) + "):";
    }

    public static List<String> listLines(VolumeScan scan) {
        return scan.largest().stream()
                .map(file -> String.format(Locale.ROOT, "%10s  %s", ByteSize.format(file.sizeBytes()), file.path()))
                .toList();
    }

    public static String listTotal(VolumeScan scan, int limit) {
        return String.format(Locale.ROOT, "%10s  total, %s%s", ByteSize.format(scan.sizeBytes()),
                count((int) Math.min(Integer.MAX_VALUE, scan.files()), "file"),
                scan.files() > limit ? " (the largest " + limit + " shown; -Ddevcontainer-cache.limit shows more)" : "");
    }
}
