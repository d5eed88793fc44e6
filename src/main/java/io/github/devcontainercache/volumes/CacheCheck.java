package io.github.devcontainercache.volumes;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.ComposeRef;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.content.RootOwnership;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.EngineException;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.MountPoints;
import io.github.devcontainercache.engine.VolumeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks that every cache exists and, where an owner is declared, that its root directory has that owner.
 * Collects every problem instead of stopping at the first. Reads owners straight from the mount point where the
 * engine runs on this host, else through one never-started helper container that mounts the volumes read-only;
 * either way a check changes nothing.
 */
public final class CacheCheck {

    private final DockerEngine engine;
    private final String helperTag;
    private final boolean readMountPoints;
    private final BuildLog log;

    /**
     * @param readMountPoints whether volumes whose directory is on this host may be read directly (else always
     *     through the archive API)
     */
    public CacheCheck(DockerEngine engine, String helperTag, boolean readMountPoints, BuildLog log) {
        this.engine = engine;
        this.helperTag = helperTag;
        this.readMountPoints = readMountPoints;
        this.log = log;
    }

    /**
     * @param creator when not {@code null}, creates the missing caches instead of reporting them
     * @return the problems found, each a complete message; empty when every cache is usable
     */
    public List<String> run(List<CacheDeclaration> caches, CacheCreator creator) {
        List<String> problems = new ArrayList<>();
        List<CacheDeclaration> missing = new ArrayList<>();
        List<CacheDeclaration> owned = new ArrayList<>();
        // one request for every cache, however many: the engine's whole list of volumes
        Map<String, VolumeInfo> volumes = engine.volumesByName();
        for (CacheDeclaration declared : caches) {
            Optional<VolumeInfo> volume = locate(declared, volumes, problems);
            CacheDeclaration cache = volume.map(found -> declared.withVolume(found.name())).orElse(declared);
            if (volume.isEmpty()) {
                missing.add(cache);
            } else if (cache.owner() == null) {
                log.info(VolumeMessages.cacheOk(cache.volume(), null, null));
            } else if (!checkOwnerOnMountPoint(cache, volume.get(), problems)) {
                owned.add(cache);
            }
        }
        if (creator != null) {
            creator.create(missing);
        } else {
            for (CacheDeclaration cache : missing) {
                String problem = VolumeMessages.cacheMissing(cache.volume());
                log.info(VolumeMessages.cacheProblem(cache.volume(), "does not exist"));
                problems.add(problem);
            }
        }
        if (!owned.isEmpty()) {
            checkOwners(owned, problems);
        }
        return problems;
    }

    /**
     * The volume of a cache. A cache from a compose file is confirmed by compose's labels, and found by them when
     * compose made it under another name (another project name than the one computed).
     */
    private Optional<VolumeInfo> locate(
            CacheDeclaration cache, Map<String, VolumeInfo> volumes, List<String> problems) {
        Optional<VolumeInfo> volume = Optional.ofNullable(volumes.get(cache.volume()));
        ComposeRef compose = cache.compose();
        if (compose == null) {
            return volume;
        }
        if (volume.isPresent()) {
            Map<String, String> labels = volume.get().labels();
            String project = labels.get(ComposeRef.PROJECT_LABEL);
            String key = labels.get(ComposeRef.VOLUME_LABEL);
            if (project != null && (!project.equals(compose.project()) || !compose.volume().equals(key))) {
                problems.add(VolumeMessages.composeLabelsDiffer(cache.volume(), compose.project(), compose.volume(), project, key));
            }
            return volume;
        }
        Map<String, String> composeLabels =
                Map.of(ComposeRef.PROJECT_LABEL, compose.project(), ComposeRef.VOLUME_LABEL, compose.volume());
        List<VolumeInfo> labelled = volumes.values().stream()
                .filter(candidate -> candidate.labels().entrySet().containsAll(composeLabels.entrySet()))
                .toList();
        if (labelled.size() == 1) {
            log.info(VolumeMessages.foundByComposeLabels(cache.volume(), labelled.get(0).name(), compose.project(), compose.volume()));
            return Optional.of(labelled.get(0));
        }
        return Optional.empty();
    }

    /** Checks the owner straight on the mount point; false when that cannot be done here. */
    private boolean checkOwnerOnMountPoint(CacheDeclaration cache, VolumeInfo volume, List<String> problems) {
        if (!readMountPoints) {
            return false;
        }
        Optional<Path> directory = MountPoints.localDirectory(engine.endpoint(), volume);
        if (directory.isEmpty()) {
            // a rootless Podman here: its archive API names root as every owner, its directory the shifted ids
            Optional<long[]> mapped = MountPoints.rootlessPodmanRootOwner(engine, volume);
            mapped.ifPresent(ids -> compare(cache, new Owner(ids[0], ids[1]), ReadPath.ROOTLESS_PODMAN_DIRECTORY,
                    problems));
            return mapped.isPresent();
        }
        try {
            long[] ids = MountPoints.owner(directory.get());
            compare(cache, new Owner(ids[0], ids[1]), ReadPath.MOUNT_POINT, problems);
            return true;
        } catch (IOException | RuntimeException e) {
            log.debug("Reading the owner of " + directory.get() + " failed, using the archive API: " + e);
            return false;
        }
    }

    private void compare(CacheDeclaration cache, Owner actual, ReadPath via, List<String> problems) {
        if (actual.equals(cache.owner())) {
            log.info(VolumeMessages.cacheOk(cache.volume(), actual, via));
        } else {
            problems.add(VolumeMessages.ownerMismatch(cache.volume(), cache.target(), actual, cache.owner()));
            log.info(VolumeMessages.cacheProblem(cache.volume(), VolumeMessages.ownedBy(actual, cache.owner(), via)));
        }
    }

    /**
     * Reads the owners through one helper that mounts every volume. When that fails (one volume that cannot be
     * mounted, such as a bind to a missing folder, fails them all), each volume is read on its own, so that the
     * problem is reported against the volume that has it and the others are still checked.
     */
    private void checkOwners(List<CacheDeclaration> owned, List<String> problems) {
        if (engine.isPodman()) {
            // Podman's archive API names the container's user as every file's owner: nothing to compare
            owned.forEach(cache -> log.warn(VolumeMessages.podmanOwnerNotChecked(cache.volume())));
            return;
        }
        List<String> volumes = owned.stream().map(CacheDeclaration::volume).toList();
        List<String> found = new ArrayList<>();
        try (HelperContainer helper = HelperContainer.create(engine, helperTag, volumes, true, log)) {
            for (CacheDeclaration cache : owned) {
                readOwner(helper, cache, found);
            }
        } catch (EngineException together) {
            log.debug("Reading the owners together failed, reading each on its own: " + together.getMessage());
            found.clear();
            for (CacheDeclaration cache : owned) {
                try (HelperContainer helper =
                        HelperContainer.create(engine, helperTag, List.of(cache.volume()), true, log)) {
                    readOwner(helper, cache, found);
                } catch (EngineException alone) {
                    found.add(VolumeMessages.ownerUnreadable(cache.volume(), alone.getMessage()));
                    log.info(VolumeMessages.cacheProblem(cache.volume(), "owner unreadable"));
                }
            }
        }
        problems.addAll(found);
    }

    private void readOwner(HelperContainer helper, CacheDeclaration cache, List<String> problems) {
        Optional<Owner> actual;
        try (InputStream tar = helper.read(cache.volume())) {
            actual = RootOwnership.readFirstEntryOwner(tar);
        } catch (IOException e) {
            problems.add(VolumeMessages.ownerUnreadable(cache.volume(), e.getMessage()));
            log.info(VolumeMessages.cacheProblem(cache.volume(), "owner unreadable"));
            return;
        }
        if (actual.isEmpty()) {
            problems.add(VolumeMessages.ownerUnreadable(cache.volume(), "the engine sent an empty archive"));
            log.info(VolumeMessages.cacheProblem(cache.volume(), "owner unreadable"));
        } else {
            compare(cache, actual.get(), ReadPath.ARCHIVE_API, problems);
        }
    }
}
