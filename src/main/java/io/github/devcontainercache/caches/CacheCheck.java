package io.github.devcontainercache.caches;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.Messages;
import io.github.devcontainercache.content.RootOwnership;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.HelperContainer;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Checks that every cache exists and, where an owner is declared, that its root directory has that owner.
 * Collects every problem instead of stopping at the first. Reads owners through one never-started helper
 * container that mounts the volumes read-only, so a check changes nothing.
 */
public final class CacheCheck {

    private final DockerEngine engine;
    private final String helperTag;
    private final BuildLog log;

    public CacheCheck(DockerEngine engine, String helperTag, BuildLog log) {
        this.engine = engine;
        this.helperTag = helperTag;
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
        for (CacheDeclaration cache : caches) {
            if (engine.inspectVolume(cache.volume()).isEmpty()) {
                missing.add(cache);
            } else if (cache.owner() != null) {
                owned.add(cache);
            } else {
                log.info(Messages.cacheOk(cache.volume(), null));
            }
        }
        if (creator != null) {
            creator.create(missing);
        } else {
            for (CacheDeclaration cache : missing) {
                String problem = Messages.cacheMissing(cache.volume());
                log.info(Messages.cacheProblem(cache.volume(), "does not exist"));
                problems.add(problem);
            }
        }
        if (!owned.isEmpty()) {
            checkOwners(owned, problems);
        }
        return problems;
    }

    private void checkOwners(List<CacheDeclaration> owned, List<String> problems) {
        List<String> volumes = owned.stream().map(CacheDeclaration::volume).toList();
        try (HelperContainer helper = HelperContainer.create(engine, helperTag, volumes, true, log)) {
            for (CacheDeclaration cache : owned) {
                Optional<Owner> actual;
                try (InputStream tar = helper.read(cache.volume())) {
                    actual = RootOwnership.readFirstEntryOwner(tar);
                } catch (IOException e) {
                    problems.add(Messages.ownerUnreadable(cache.volume(), e.getMessage()));
                    log.info(Messages.cacheProblem(cache.volume(), "owner unreadable"));
                    continue;
                }
                if (actual.isEmpty()) {
                    problems.add(Messages.ownerUnreadable(cache.volume(), "the engine sent an empty archive"));
                    log.info(Messages.cacheProblem(cache.volume(), "owner unreadable"));
                } else if (!actual.get().equals(cache.owner())) {
                    problems.add(Messages.ownerMismatch(cache.volume(), actual.get(), cache.owner()));
                    log.info(Messages.cacheProblem(cache.volume(), "owned by " + actual.get() + ", not " + cache.owner()));
                } else {
                    log.info(Messages.cacheOk(cache.volume(), actual.get()));
                }
            }
        }
    }
}
