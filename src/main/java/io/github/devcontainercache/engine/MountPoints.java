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
 * through a unix socket, the volume uses the {@code local} driver, its {@code Mountpoint} is a readable directory
 * here, and that directory has the change time the engine reports as the volume's {@code CreatedAt} (Docker's
 * local driver reads {@code CreatedAt} from exactly there, each time it is asked). A Docker Desktop VM, a remote engine or a
 * second engine that happens to have a volume of the same name fails that test and gets the archive API.
 */
public final class MountPoints {

    private MountPoints() {}

    /** The volume's data directory on this host, when it can be trusted to be that volume's. */
    public static Optional<Path> localDirectory(EngineEndpoint endpoint, VolumeInfo volume) {
        if (!"unix".equals(endpoint.host().getScheme())
                || !"local".equals(volume.driver())
                || volume.mountpoint().isEmpty()) {
            return Optional.empty();
        }
        try {
            Path directory = Path.of(volume.mountpoint());
            if (!Files.isDirectory(directory) || !Files.isReadable(directory)) {
                return Optional.empty();
            }
            FileTime changed = (FileTime) Files.getAttribute(directory, "unix:ctime");
            return sameSecond(changed, volume.createdAt()) ? Optional.of(directory) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            // unreadable, or no unix attributes on this platform: use the archive API
            return Optional.empty();
        }
    }

    /** Whether the engine's RFC 3339 time stamp names the same second as the file time. */
    static boolean sameSecond(FileTime fileTime, String createdAt) {
        try {
            return OffsetDateTime.parse(createdAt).toEpochSecond() == fileTime.toInstant().getEpochSecond();
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
