package io.github.devcontainercache.content;

/**
 * A file of a cache checked against an expected content: a known model, or an entry of the cache's
 * {@code <checksums>} file.
 *
 * @param file path relative to the cache's root
 * @param sizeBytes its size, -1 when it is missing
 * @param expectedSha256 the SHA-256 it should have
 * @param expectedBytes the size it should have, -1 when not known
 */
public record CheckedFile(String file, long sizeBytes, String expectedSha256, long expectedBytes, FileStatus status) {

    public CheckedFile withStatus(FileStatus newStatus) {
        return new CheckedFile(file, sizeBytes, expectedSha256, expectedBytes, newStatus);
    }
}
