package io.github.devcontainercache.volumes;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.ComposeRef;
import io.github.devcontainercache.content.RootOwnership;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.EngineException;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.VolumeInfo;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the caches that do not exist yet, with the plugin's labels, the declared driver and options, and the
 * declared owner on the root directory. Never changes a volume that exists, so a second run changes nothing.
 */
public final class CacheCreator {

    /** Set on every volume the plugin creates. */
    public static final String LABEL_MANAGED = "io.github.devcontainercache.managed";
    /** The {@code groupId:artifactId} of the project that created the volume. */
    public static final String LABEL_PROJECT = "io.github.devcontainercache.project";

    private final DockerEngine engine;
    private final String helperTag;
    private final String project;
    private final BuildLog log;

    public CacheCreator(DockerEngine engine, String helperTag, String project, BuildLog log) {
        this.engine = engine;
        this.helperTag = helperTag;
        this.project = project;
        this.log = log;
    }

    /** Creates those of {@code caches} that are missing; returns the ones it created. */
    public List<CacheDeclaration> createMissing(List<CacheDeclaration> caches) {
        List<CacheDeclaration> missing = new ArrayList<>();
        for (CacheDeclaration cache : caches) {
            Optional<VolumeInfo> existing = engine.inspectVolume(cache.volume());
            if (existing.isPresent()) {
                log.info(VolumeMessages.alreadyExists(cache.volume(), existing.get().createdAt()));
            } else {
                missing.add(cache);
            }
        }
        return create(missing);
    }

    /**
     * Creates caches known to be missing, then sets the declared owners through one helper container. All or
     * nothing: when a step fails, the volumes this call created (new and empty) are removed again. Returns the
     * caches it created; one that another process made in the meantime is left alone.
     */
    public List<CacheDeclaration> create(List<CacheDeclaration> missing) {
        List<CacheDeclaration> created = new ArrayList<>();
        try {
            for (CacheDeclaration cache : missing) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put(LABEL_MANAGED, "true");
                labels.put(LABEL_PROJECT, project);
                if (cache.compose() != null) {
                    // so that compose takes the volume for its own instead of warning that it did not create it
                    labels.put(ComposeRef.PROJECT_LABEL, cache.compose().project());
                    labels.put(ComposeRef.VOLUME_LABEL, cache.compose().volume());
                }
                VolumeInfo volume;
                try {
                    volume = engine.createVolume(cache.volume(), cache.effectiveDriver(), cache.driverOpts(), labels);
                } catch (EngineException e) {
                    throw new InvalidCacheException(VolumeMessages.createRefused(cache, e.getMessage()), e);
                }
                if (!volume.labels().entrySet().containsAll(labels.entrySet())) {
                    // Made by someone else since it was found missing: the engine answers with that volume.
                    log.info(VolumeMessages.alreadyExists(cache.volume(), volume.createdAt()));
                    continue;
                }
                created.add(cache);
            }
            setOwners(created.stream().filter(cache -> cache.owner() != null).toList());
        } catch (RuntimeException e) {
            for (CacheDeclaration cache : created) {
                try {
                    engine.removeVolume(cache.volume());
                } catch (EngineException cleanupFailed) {
                    e.addSuppressed(cleanupFailed);
                }
            }
            throw e;
        }
        for (CacheDeclaration cache : created) {
            log.info(VolumeMessages.created(cache.volume(), cache.effectiveDriver(), cache.owner()));
        }
        return created;
    }

    /** The engine refused a cache as declared (an unknown driver, bad driver options). */
    public static final class InvalidCacheException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidCacheException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Creates a removed cache again, empty, with the driver, options and labels it had, and the declared owner.
     */
    public void recreate(CacheDeclaration cache, VolumeInfo removed) {
        engine.createVolume(cache.volume(), removed.driver(), removed.options(), removed.labels());
        if (cache.owner() != null) {
            setOwners(List.of(cache));
        }
    }

    private void setOwners(List<CacheDeclaration> owned) {
        if (owned.isEmpty()) {
            return;
        }
        List<String> volumes = owned.stream().map(CacheDeclaration::volume).toList();
        try (HelperContainer helper = HelperContainer.create(engine, helperTag, volumes, false, log)) {
            for (CacheDeclaration cache : owned) {
                helper.writeInto(cache.volume(), new ByteArrayInputStream(
                        RootOwnership.directoryOwnedBy(helper.entryRoot(cache.volume()), cache.owner())));
            }
        }
    }
}
