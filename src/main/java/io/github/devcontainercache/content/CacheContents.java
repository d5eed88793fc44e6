package io.github.devcontainercache.content;

import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.MountPoints;
import io.github.devcontainercache.engine.PathStat;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/**
 * The content of one cache, read straight from its directory where the engine runs on this host, else through a
 * never-started helper container and the archive API.
 */
public interface CacheContents {

    /** One pass over the whole cache. */
    default VolumeScan scan(int keepLargest) throws IOException {
        return scan(keepLargest, null);
    }

    /** One pass over the whole cache, telling {@code sink} (when not {@code null}) of every entry and the content it asks for. */
    VolumeScan scan(int keepLargest, EntrySink sink) throws IOException;

    /** The content of one file, given relative to the cache's root; the caller closes it. */
    InputStream open(String file) throws IOException;

    /** The owner of the cache's root directory, read without the rest of the cache. */
    Optional<Owner> rootOwner() throws IOException;

    /**
     * The size of one regular file, given relative to the cache's root, read without its content: empty when there
     * is no regular file at that path.
     */
    Optional<Long> regularFileSize(String file) throws IOException;

    /** How the content is read. */
    ReadPath via();

    static CacheContents local(Path directory) {
        return new CacheContents() {
            @Override
            public VolumeScan scan(int keepLargest, EntrySink sink) throws IOException {
                VolumeScan scan = VolumeScanner.scan(directory, keepLargest, sink);
                long[] ids = MountPoints.owner(directory);
                scan.rootOwner(new Owner(ids[0], ids[1]));
                return scan;
            }

            @Override
            public InputStream open(String file) throws IOException {
                Path path = directory.resolve(file).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException(file + " is outside the cache");
                }
                return Files.newInputStream(path);
            }

            @Override
            public Optional<Owner> rootOwner() throws IOException {
                long[] ids = MountPoints.owner(directory);
                return Optional.of(new Owner(ids[0], ids[1]));
            }

            @Override
            public Optional<Long> regularFileSize(String file) throws IOException {
                Path path = directory.resolve(file).normalize();
                if (!path.startsWith(directory)) {
                    throw new IOException(file + " is outside the cache");
                }
                try {
                    BasicFileAttributes attributes =
                            Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                    return attributes.isRegularFile() ? Optional.of(attributes.size()) : Optional.empty();
                } catch (NoSuchFileException e) {
                    return Optional.empty();
                }
            }

            @Override
            public ReadPath via() {
                return ReadPath.MOUNT_POINT;
            }
        };
    }

    static CacheContents archive(HelperContainer helper, String volume) {
        return new CacheContents() {
            @Override
            public VolumeScan scan(int keepLargest, EntrySink sink) throws IOException {
                try (InputStream tar = helper.read(volume)) {
                    return VolumeScanner.scan(tar, keepLargest, sink);
                }
            }

            @Override
            public InputStream open(String file) throws IOException {
                InputStream tar = helper.read(volume, file);
                TarArchiveInputStream entries = new TarArchiveInputStream(tar);
                if (entries.getNextEntry() == null) {
                    tar.close();
                    throw new IOException(file + " is not in the archive");
                }
                return new java.io.FilterInputStream(entries) {
                    @Override
                    public void close() throws IOException {
                        tar.close();
                    }
                };
            }

            @Override
            public Optional<Owner> rootOwner() throws IOException {
                try (InputStream tar = helper.read(volume)) {
                    return RootOwnership.readFirstEntryOwner(tar);
                }
            }

            @Override
            public Optional<Long> regularFileSize(String file) {
                return helper.stat(volume, file).filter(PathStat::isRegularFile).map(PathStat::sizeBytes);
            }

            @Override
            public ReadPath via() {
                return ReadPath.ARCHIVE_API;
            }
        };
    }
}
