package io.github.devcontainercache.volumes;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.engine.ContainerInfo;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.EngineException;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.MountPoints;
import io.github.devcontainercache.engine.VolumeInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes just the broken entries of a cache, and nothing else: the files a check named, given relative to the
 * cache's root. On the mount point they are deleted here; elsewhere a short-lived container removes them, of
 * {@code helperImage} or of the image of a container that uses the volume (the archive API cannot delete). A cache
 * that a running container uses is refused, as wipe refuses it.
 */
public final class CacheRepair {

    /** One entry to remove: the tool's name for it, and its files. */
    public record Entry(String name, List<String> files, long sizeBytes) {}

    /** How to repair. */
    public record Options(boolean dryRun, String helperImage, boolean readMountPoints) {}

    /** What happened: entries and bytes removed (or that would be), and the refusals, each a complete message. */
    public record Result(int entries, long bytesFreed, List<String> refused) {}

    private final DockerEngine engine;
    private final Options options;
    private final BuildLog log;

    public CacheRepair(DockerEngine engine, Options options, BuildLog log) {
        this.engine = engine;
        this.options = options;
        this.log = log;
    }

    /** @param byVolume the entries to remove, by volume */
    public Result repair(Map<String, List<Entry>> byVolume) {
        int entries = 0;
        long freed = 0;
        List<String> refused = new ArrayList<>();
        for (Map.Entry<String, List<Entry>> cache : byVolume.entrySet()) {
            String volume = cache.getKey();
            if (cache.getValue().isEmpty()) {
                log.info(VolumeMessages.repairNothing(volume));
                continue;
            }
            Optional<VolumeInfo> found = engine.inspectVolume(volume);
            if (found.isEmpty()) {
                continue;
            }
            List<ContainerInfo> mounting = engine.listContainers(Map.of("volume", List.of(volume)));
            List<ContainerInfo> running = mounting.stream()
                    .filter(container -> !HelperContainer.isHelper(container) && container.isRunning()).toList();
            List<ContainerInfo> builds = HelperContainer.ofOtherBuilds(mounting);
            if (!running.isEmpty() || !builds.isEmpty()) {
                refused.add(VolumeMessages.repairRefusedInUse(volume, running.isEmpty() ? builds : running));
                continue;
            }
            if (!options.dryRun()) {
                try {
                    remove(found.get(), cache.getValue(), mounting);
                } catch (EngineException e) {
                    if (e.statusCode() != -1) {
                        throw e;
                    }
                    refused.add(e.getMessage());
                    continue;
                }
            }
            for (Entry entry : cache.getValue()) {
                log.info(VolumeMessages.repairLine(options.dryRun() ? "would remove" : "removed", volume, entry.name(),
                        entry.files(), entry.sizeBytes()));
            }
            entries += cache.getValue().size();
            freed += cache.getValue().stream().mapToLong(Entry::sizeBytes).sum();
        }
        return new Result(entries, freed, refused);
    }

    private void remove(VolumeInfo volume, List<Entry> entries, List<ContainerInfo> users) {
        List<String> files = entries.stream().flatMap(entry -> entry.files().stream()).distinct().toList();
        for (String file : files) {
            if (!safe(file)) {
                throw new EngineException(VolumeMessages.repairUnsafePath(volume.name(), file), -1);
            }
        }
        Optional<Path> directory = options.readMountPoints()
                ? MountPoints.localDirectory(engine.endpoint(), volume)
                : Optional.empty();
        if (directory.isPresent()) {
            removeHere(directory.get(), volume.name(), files);
        } else {
            removeInContainer(volume.name(), files, users);
        }
    }

    /** A path relative to the cache's root that stays inside it. */
    static boolean safe(String file) {
        if (file.isEmpty() || file.startsWith("/") || file.contains("\0") || file.contains("\\")) {
            return false;
        }
        for (String segment : file.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    /** Deletes on the mount point, never through a link: each folder on the way must be a real folder. */
    private static void removeHere(Path root, String volume, List<String> files) {
        for (String file : files) {
            Path path = root;
            String[] segments = file.split("/");
            boolean throughLink = false;
            for (int i = 0; i < segments.length - 1; i++) {
                path = path.resolve(segments[i]);
                if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    throughLink = true; // gone, or a link: nothing of ours to delete down there
                    break;
                }
            }
            if (throughLink) {
                continue;
            }
            try {
                Files.deleteIfExists(path.resolve(segments[segments.length - 1]));
            } catch (IOException e) {
                throw new EngineException(VolumeMessages.repairFailed(volume, file, e.getMessage()), -1);
            }
        }
    }

    /** Runs {@code rm -f --} on the files in a container that mounts the volume, without network. */
    private void removeInContainer(String volume, List<String> files, List<ContainerInfo> users) {
        String image = options.helperImage() != null ? options.helperImage()
                : users.stream().filter(c -> !HelperContainer.isHelper(c)).map(ContainerInfo::image)
                        .filter(i -> i != null && !i.isBlank()).findFirst().orElse(null);
        if (image == null) {
            throw new EngineException(VolumeMessages.repairNoImage(volume), -1);
        }
        List<String> paths = new ArrayList<>(List.of("-f", "--"));
        files.forEach(file -> paths.add("/cache/" + file));
        long exit = ShortLivedContainer.run(engine, image, List.of("rm"), paths, volume);
        if (exit != 0) {
            throw new EngineException(VolumeMessages.repairRmFailed(volume, image, exit), -1);
        }
    }
}
