package io.github.devcontainercache.archive.keyed;

import io.github.devcontainercache.archive.Compression;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Keyed archives in a directory, local or shared: {@code <directory>/<volume>/<key>.tar.zst}, each archive's time that
 * of its save. An archive is copied beside its place under a temporary name, then linked into place, which fails
 * when another save of the key was first: no reader sees part of one, and the first save wins.
 */
public final class DirectoryStore implements KeyedStore {

    private static final String SUFFIX = Compression.ZSTD.suffix();
    private static final String PARTIAL = ".partial-";

    private final Path directory;

    public DirectoryStore(Path directory) {
        this.directory = directory;
    }

    @Override
    public String describe() {
        return directory.toString();
    }

    Path archive(String volume, String key) {
        return directory.resolve(volume).resolve(key + SUFFIX);
    }

    @Override
    public boolean has(String volume, String key) {
        return Files.isRegularFile(archive(volume, key));
    }

    @Override
    public List<Stored> keys(String volume) throws IOException {
        Path folder = directory.resolve(volume);
        List<Stored> keys = new ArrayList<>();
        if (!Files.isDirectory(folder)) {
            return keys;
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder, "*" + SUFFIX)) {
            for (Path file : files) {
                String name = file.getFileName().toString();
                if (!name.startsWith(".") && Files.isRegularFile(file)) {
                    keys.add(new Stored(name.substring(0, name.length() - SUFFIX.length()),
                            Files.getLastModifiedTime(file).toInstant()));
                }
            }
        }
        // the newest first; among archives of the same time, the greatest key, so the order is the same every time
        keys.sort(Comparator.comparing(Stored::saved).thenComparing(Stored::key).reversed());
        return keys;
    }

    @Override
    public boolean put(String volume, String key, Path archive) throws IOException {
        Path target = archive(volume, key);
        Files.createDirectories(target.getParent());
        Path partial = target.resolveSibling("." + key + PARTIAL + ProcessHandle.current().pid() + "-"
                + Long.toHexString(System.nanoTime()));
        try {
            Files.copy(archive, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.setLastModifiedTime(partial, FileTime.from(Instant.now()));
            try {
                // a link fails where the name exists: of two saves of one key, the first wins whole
                Files.createLink(target, partial);
                return true;
            } catch (FileAlreadyExistsException another) {
                return false;
            } catch (UnsupportedOperationException | IOException noLinks) {
                if (Files.exists(target)) {
                    return false;
                }
                // a share without hard links: a rename is whole, though two saves may then both write
                Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
                return true;
            }
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public Optional<Path> fetch(String volume, String key) {
        Path archive = archive(volume, key);
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /** Removes a stored archive: {@code prune}'s retention. */
    public void remove(String volume, String key) throws IOException {
        Files.deleteIfExists(archive(volume, key));
    }
}
