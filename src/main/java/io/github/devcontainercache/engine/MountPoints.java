package io.github.devcontainercache.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * A volume's directory read straight from the file system, where the build runs on the engine's own host: much
 * faster than the archive API. Used only when the directory is provably the volume's: the engine is reached
 * through a unix socket; the volume uses the {@code local} driver without options (with {@code type},
 * {@code device} or {@code o}, the content is mounted on {@code Mountpoint} only while a container uses it); the
 * engine's {@code volumes} directory is owned by root (under rootless Docker or a user-namespace remap, ids on
 * the host are not the ids in the container); its {@code Mountpoint} is a readable directory here; and that
 * directory, or its parent, has the change time the engine reports as the volume's {@code CreatedAt} (Docker's
 * local driver reads {@code CreatedAt} from {@code _data} before Docker 23 and from its parent since, each time
 * it is asked; Podman stores it when it makes the volume). A Docker Desktop VM, a remote engine or a second engine that happens to have a volume of the same
 * name fails that test and gets the archive API.
 */
public final class MountPoints {

    private MountPoints() {}

    /** The volume's data directory on this host, when it can be trusted to be that volume's. */
    public static Optional<Path> localDirectory(EngineEndpoint endpoint, VolumeInfo volume) {
        return provenDirectory(endpoint, volume).filter(directory -> {
            try {
                Path volumes = directory.getParent().getParent();
                return Files.isReadable(directory) && ((Number) Files.getAttribute(volumes, "unix:uid")).longValue() == 0;
            } catch (IOException | RuntimeException e) {
                return false;
            }
        });
    }

    /**
     * The owner of a rootless engine's volume root as its containers see it: the owner of its directory on this
     * host, which is provably the volume's, mapped back through the engine's id mappings. Only the directory's own
     * attributes are read, which the engine's user may read whatever ids its files hold. Empty when the directory
     * is not here or its ids are not mapped.
     */
    static Optional<long[]> ownerThroughMappings(EngineEndpoint endpoint, VolumeInfo volume, IdMappings mappings) {
        return provenDirectory(endpoint, volume).flatMap(directory -> {
            try {
                long[] host = owner(directory);
                return mappings.toContainer(host[0], host[1]);
            } catch (IOException | RuntimeException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The owner of the volume's root on a rootless Podman of this host, where its archive API names root as every
     * owner: its directory's shifted ids, mapped back through the engine's own (see {@link #ownerThroughMappings}).
     * Empty for any other engine, or where that cannot be done.
     */
    public static Optional<long[]> rootlessPodmanRootOwner(DockerEngine engine, VolumeInfo volume) {
        return engine.rootlessPodmanIdMappings()
                .flatMap(mappings -> ownerThroughMappings(engine.endpoint(), volume, mappings));
    }

    /** The volume's directory here, when it exists and has the volume's own creation time. */
    private static Optional<Path> provenDirectory(EngineEndpoint endpoint, VolumeInfo volume) {
        if (!"unix".equals(endpoint.host().getScheme())
                || !"local".equals(volume.driver())
                || !volume.options().isEmpty()
                || volume.mountpoint().isEmpty()) {
            return Optional.empty();
        }
        try {
            Path directory = Path.of(volume.mountpoint());
            Path volumeRoot = directory.getParent();
            if (volumeRoot == null || volumeRoot.getParent() == null || !Files.isDirectory(directory)) {
                return Optional.empty();
            }
            boolean same = madeAt((FileTime) Files.getAttribute(directory, "unix:ctime"), volume.createdAt())
                    || madeAt((FileTime) Files.getAttribute(volumeRoot, "unix:ctime"), volume.createdAt());
            return same ? Optional.of(directory) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // unreadable, or no unix attributes on this platform: use the archive API
            return Optional.empty();
        }
    }

    /**
     * Whether the file time is the engine's RFC 3339 {@code CreatedAt}, to the second. Docker reads that time from
     * the directory each time it is asked, so the two are the same second; Podman stores the time it took just
     * before it made the directory, in whole seconds, so the directory's may be the next second.
     */
    static boolean madeAt(FileTime fileTime, String createdAt) {
        try {
            long after = fileTime.toInstant().getEpochSecond() - OffsetDateTime.parse(createdAt).toEpochSecond();
            return after == 0 || after == 1;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    /** The numeric owner of a directory, as {@code uid} and {@code gid}. */
    public static long[] owner(Path directory) throws IOException {
        return new long[] {
            ((Number) Files.getAttribute(directory, "unix:uid")).longValue(),
            ((Number) Files.getAttribute(directory, "unix:gid")).longValue()
        };
    }
}
