package io.github.devcontainercache.preload;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ReadPath;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A cache written straight on its volume's mount point, by root on the engine's host: each download goes to a
 * temporary name beside its file, and is renamed into place once verified. Nothing is written through a link a
 * container planted: every folder from the cache's root down is checked to be a real one, and owners and modes are
 * set on the paths themselves. The mojo takes this path only while no running container uses the volume, so that
 * none can swap a folder for a link between the check and the write.
 */
final class MountPointFiles extends CacheFiles {

    private static final LinkOption NO_FOLLOW = LinkOption.NOFOLLOW_LINKS;

    private final Path root;
    private final Owner owner;
    private final Set<Path> made = new HashSet<>();

    MountPointFiles(Path root, Owner owner) throws IOException {
        this.root = root.toRealPath();
        this.owner = owner;
    }

    @Override
    ReadPath via() {
        return ReadPath.MOUNT_POINT;
    }

    @Override
    boolean holds(String path, Expected expected, BuildLog log) throws IOException {
        Optional<Path> file = existing(path);
        if (file.isEmpty() || !Files.isRegularFile(file.get(), NO_FOLLOW)) {
            return false;
        }
        long size = Files.size(file.get());
        if (expected.size() >= 0 && size != expected.size()) {
            return false;
        }
        try (InputStream in = Files.newInputStream(file.get(), NO_FOLLOW)) {
            return verify(in, size, expected, path, log);
        }
    }

    @Override
    boolean exists(String path) throws IOException {
        return existing(path).isPresent();
    }

    @Override
    Optional<String> text(String path) throws IOException {
        Optional<Path> file = existing(path);
        if (file.isEmpty() || !Files.isRegularFile(file.get(), NO_FOLLOW) || Files.size(file.get()) > 4096) {
            return Optional.empty();
        }
        try (InputStream in = Files.newInputStream(file.get(), NO_FOLLOW)) {
            return Optional.of(new String(in.readNBytes(4096), StandardCharsets.UTF_8));
        }
    }

    @Override
    Path partial(String partialPath) throws IOException {
        return folders(CachePaths.parent(partialPath)).resolve(Path.of(partialPath).getFileName());
    }

    @Override
    void place(List<Placement> placements) throws IOException {
        for (Placement placement : placements) {
            Path target = folders(CachePaths.parent(placement.path())).resolve(Path.of(placement.path()).getFileName());
            if (placement.verified() != null) {
                finish(placement.verified(), target);
            } else if (placement.linkTarget() != null) {
                if (Files.isSymbolicLink(target) && Files.readSymbolicLink(target).toString().equals(placement.linkTarget())) {
                    continue;
                }
                Path temporary = target.resolveSibling(target.getFileName() + ".link.part");
                Files.deleteIfExists(temporary);
                Files.createSymbolicLink(temporary, Path.of(placement.linkTarget()));
                own(temporary);
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                Path temporary = target.resolveSibling(target.getFileName() + ".part");
                Files.deleteIfExists(temporary);
                Files.write(temporary, placement.text().getBytes(StandardCharsets.UTF_8),
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                finish(temporary, target);
            }
        }
    }

    @Override
    long abandon(Path partial) throws IOException {
        return abandon(partial, root, made::contains); // only the folders this preload made
    }

    private void finish(Path verified, Path target) throws IOException {
        own(verified);
        mode(verified, "rw-r--r--");
        // a rename does not follow a link at the target: it replaces the link itself
        Files.move(verified, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The folder at {@code relative}, made (with the cache's owner) where it is missing; refused through a link. */
    private Path folders(String relative) throws IOException {
        Path current = root;
        if (relative.isEmpty()) {
            return current;
        }
        for (String segment : relative.split("/")) {
            current = current.resolve(segment);
            if (Files.isSymbolicLink(current)) {
                throw new IOException(PreloadMessages.throughLink(root.relativize(current).toString()));
            }
            if (!Files.exists(current, NO_FOLLOW)) {
                Files.createDirectory(current);
                made.add(current);
                own(current);
                mode(current, "rwxr-xr-x");
            } else if (!Files.isDirectory(current, NO_FOLLOW)) {
                throw new IOException(PreloadMessages.notAFolder(root.relativize(current).toString()));
            }
        }
        return current;
    }

    /** The path, when it and every folder above it exist and none is a link (the path itself may be one). */
    private Optional<Path> existing(String relative) {
        Path current = root;
        String[] segments = relative.split("/");
        for (int i = 0; i < segments.length; i++) {
            current = current.resolve(segments[i]);
            boolean last = i == segments.length - 1;
            if (!Files.exists(current, NO_FOLLOW) || (!last && !Files.isDirectory(current, NO_FOLLOW))) {
                return Optional.empty();
            }
        }
        return Optional.of(current);
    }

    /** Sets the mode of the path itself: a link put in its place is not followed (fchmodat, never chmod). */
    private static void mode(Path path, String permissions) throws IOException {
        Files.getFileAttributeView(path, PosixFileAttributeView.class, NO_FOLLOW)
                .setPermissions(PosixFilePermissions.fromString(permissions));
    }

    private void own(Path path) throws IOException {
        Files.setAttribute(path, "unix:uid", (int) owner.uid(), NO_FOLLOW);
        Files.setAttribute(path, "unix:gid", (int) owner.gid(), NO_FOLLOW);
    }
}
