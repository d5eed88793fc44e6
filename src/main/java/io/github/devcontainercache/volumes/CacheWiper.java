package io.github.devcontainercache.volumes;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.content.VolumeScanner;
import io.github.devcontainercache.engine.ContainerInfo;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.EngineException;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.MountPoints;
import io.github.devcontainercache.engine.VolumeInfo;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Removes the declared caches, or empties them, and nothing else: no pattern, no prune. Checks the containers that
 * use each cache first, whatever the engine would say: a cache used by a running container is refused, and so is
 * removing one that a stopped container references (it would break it). One refusal does not stop the others.
 */
public final class CacheWiper {

    /** What to do with each cache. */
    public enum Mode {
        /** Remove the volume. */
        REMOVE,
        /** Keep the volume and delete everything in it. */
        EMPTY
    }

    /** How to wipe. */
    public record Options(Mode mode, boolean dryRun, boolean recreate, String helperImage, boolean readMountPoints) {}

    /** What happened: bytes freed (where known) and the refusals, each a complete message. */
    public record Result(long bytesFreed, boolean someSizesUnknown, List<String> refused) {}

    private static final String EMPTY_SCRIPT = "cd /cache && rm -rf -- * .[!.]* ..?*";

    private final DockerEngine engine;
    private final CacheCreator creator;
    private final Options options;
    private final BuildLog log;

    public CacheWiper(DockerEngine engine, CacheCreator creator, Options options, BuildLog log) {
        this.engine = engine;
        this.creator = creator;
        this.options = options;
        this.log = log;
    }

    public Result wipe(List<CacheDeclaration> caches) {
        long freed = 0;
        boolean unknown = false;
        List<String> refused = new ArrayList<>();
        Map<String, Long> engineSizes = null;
        for (CacheDeclaration cache : caches) {
            Optional<VolumeInfo> found = engine.inspectVolume(cache.volume());
            if (found.isEmpty()) {
                log.info(VolumeMessages.wipeAbsent(cache.volume()));
                continue;
            }
            VolumeInfo volume = found.get();
            List<ContainerInfo> mounting = engine.listContainers(Map.of("volume", List.of(cache.volume())));
            // another build exporting or importing this cache: wiping it now would break that build's archive
            List<ContainerInfo> builds = HelperContainer.ofOtherBuilds(mounting);
            if (!builds.isEmpty()) {
                refused.add(VolumeMessages.wipeRefusedOtherBuild(cache.volume(), builds));
                log.info(VolumeMessages.wipeLine("refused", cache.volume(), null));
                continue;
            }
            List<ContainerInfo> users = mounting.stream().filter(container -> !HelperContainer.isHelper(container)).toList();
            List<ContainerInfo> running = users.stream().filter(ContainerInfo::isRunning).toList();
            if (!running.isEmpty()) {
                refused.add(VolumeMessages.wipeRefusedRunning(cache.volume(), running, options.mode() == Mode.EMPTY));
                log.info(VolumeMessages.wipeLine("refused", cache.volume(), null));
                continue;
            }
            if (options.mode() == Mode.REMOVE && !users.isEmpty()) {
                refused.add(VolumeMessages.wipeRefusedStopped(cache.volume(), users));
                log.info(VolumeMessages.wipeLine("refused", cache.volume(), null));
                continue;
            }
            Long size = size(volume);
            if (size == null) {
                if (engineSizes == null) {
                    engineSizes = engine.volumeSizes();
                }
                size = engineSizes.get(cache.volume());
            }
            unknown |= size == null;
            if (options.dryRun()) {
                log.info(VolumeMessages.wipeLine(options.mode() == Mode.REMOVE ? "would remove" : "would empty",
                        cache.volume(), size));
                freed += size == null ? 0 : size;
                continue;
            }
            try {
                if (options.mode() == Mode.REMOVE) {
                    engine.removeVolume(cache.volume());
                    log.info(VolumeMessages.wipeLine("removed", cache.volume(), size));
                    if (options.recreate()) {
                        try {
                            creator.recreate(cache, volume);
                            log.info(VolumeMessages.wipeLine("recreated", cache.volume(), null));
                        } catch (EngineException notRecreated) {
                            refused.add(VolumeMessages.notRecreated(cache.volume(), notRecreated.getMessage()));
                            log.info(VolumeMessages.wipeLine("removed, NOT recreated", cache.volume(), null));
                        }
                    }
                } else {
                    empty(cache, volume, users);
                    log.info(VolumeMessages.wipeLine("emptied", cache.volume(), size));
                }
                freed += size == null ? 0 : size;
            } catch (EngineException e) {
                if (e.statusCode() == 409) {
                    // the engine found a user this check did not (one started since): the same refusal
                    refused.add(VolumeMessages.wipeRefusedByEngine(cache.volume(), e.getMessage()));
                    log.info(VolumeMessages.wipeLine("refused", cache.volume(), null));
                } else if (options.mode() == Mode.EMPTY && e.statusCode() == -1) {
                    refused.add(e.getMessage()); // no image to empty it with: this cache only
                    log.info(VolumeMessages.wipeLine("refused", cache.volume(), null));
                } else {
                    throw e;
                }
            }
        }
        return new Result(freed, unknown, refused);
    }

    /** Deletes everything in the volume, dot files included, with a short-lived container (network none). */
    private void empty(CacheDeclaration cache, VolumeInfo volume, List<ContainerInfo> users) {
        String image = options.helperImage() != null ? options.helperImage()
                : users.isEmpty() ? null : users.get(0).image();
        if (image == null || image.isBlank()) {
            throw new EngineException(VolumeMessages.wipeNoImage(cache.volume()), -1);
        }
        long exit = ShortLivedContainer.run(engine, image, List.of("/bin/sh", "-c"), List.of(EMPTY_SCRIPT), volume.name());
        if (exit != 0) {
            throw new EngineException(VolumeMessages.wipeEmptyFailed(cache.volume(), image, exit), -1);
        }
    }

    private Long size(VolumeInfo volume) {
        if (!options.readMountPoints()) {
            return null;
        }
        Optional<Path> directory = MountPoints.localDirectory(engine.endpoint(), volume);
        if (directory.isEmpty()) {
            return null;
        }
        try {
            return VolumeScanner.scan(directory.get(), 0).sizeBytes();
        } catch (IOException e) {
            return null;
        }
    }
}
