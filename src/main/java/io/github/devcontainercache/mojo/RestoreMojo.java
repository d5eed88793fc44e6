package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.archive.ArchiveRefusedException;
import io.github.devcontainercache.archive.keyed.KeyMessages;
import io.github.devcontainercache.archive.keyed.KeyedStore;
import io.github.devcontainercache.archive.keyed.Restore;
import io.github.devcontainercache.engine.DockerEngine;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Restores each selected cache from its store, as {@code actions/cache} does: the archive of its exact key, else, for
 * each restore key in order, the newest stored key with that prefix. Only into an absent or empty volume: a cache
 * that holds files is left as it is. Says {@code cacheHit} (exact, partial, miss) and {@code matchedKey} per cache,
 * in the console and in {@code restore.json}, which {@code report} adds to {@code report.json}. A miss is no failure
 * unless {@code failOnCacheMiss}.
 *
 * @since 0.1.0
 */
@Mojo(name = "restore", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class RestoreMojo extends KeyedCacheMojo {

    /**
     * Fails the build when no stored key matches a cache, exactly or by a restore prefix.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.failOnCacheMiss", defaultValue = "false")
    private boolean failOnCacheMiss;

    /**
     * Where {@code restore.json} is written: beside {@code report.json}, which then says each cache's hit.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "devcontainer-cache.outputDirectory",
            defaultValue = "${project.build.directory}/devcontainer-cache")
    private java.io.File outputDirectory;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.restore.skip", defaultValue = "false")
    private boolean restoreSkip;

    @Override
    String goal() {
        return "restore";
    }

    @Override
    boolean goalSkipped() {
        return restoreSkip;
    }

    @Override
    void runKeyed(DockerEngine engine, List<Keyed> keyed, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        KeyedStore store = store(scratch().resolve("repository"));
        List<RestoreRecords.Outcome> outcomes = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        try {
            for (Keyed cache : keyed) {
                String volume = cache.cache().volume();
                Restore.Match match;
                try {
                    match = Restore.match(store, volume, cache.key(), cache.prefixes());
                } catch (IOException e) {
                    throw new MojoExecutionException(KeyMessages.lookupFailed(volume, store.describe(), e), e);
                }
                String matched = match.key().orElse(null);
                log.info(KeyMessages.restoreHit(volume, match.hit(), cache.key(), matched));
                boolean restored = false;
                if (match.hit() == Restore.Hit.MISS) {
                    missed.add(volume);
                } else if (CacheArchives.holdsFiles(this, engine, volume, log)) {
                    log.info(KeyMessages.notEmpty(volume));
                } else {
                    restored = restore(engine, store, volume, matched, log);
                }
                outcomes.add(new RestoreRecords.Outcome(volume, cache.key(), match.hit().id(), matched, restored,
                        store.describe()));
            }
        } finally {
            RestoreRecords.write(outputDirectory.toPath().resolve(RestoreRecords.FILE), outcomes, log);
        }
        if (!missed.isEmpty() && failOnCacheMiss) {
            throw new MojoFailureException(KeyMessages.missFailed(missed));
        }
    }

    private boolean restore(DockerEngine engine, KeyedStore store, String volume, String key, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        try {
            Optional<Path> archive = store.fetch(volume, key);
            if (archive.isEmpty()) {
                log.warn(KeyMessages.matchedButGone(volume, key));
                return false;
            }
            // the volume is absent or was found empty just before: import need not read it again
            CacheArchives.importArchive(this, engine, archive.get(), volume, true, log);
            log.info(KeyMessages.restored(volume, key));
            return true;
        } catch (ArchiveRefusedException e) {
            throw new MojoFailureException(KeyMessages.restoreFailed(volume, key, store.describe(), e), e);
        } catch (IOException e) {
            throw new MojoExecutionException(KeyMessages.restoreFailed(volume, key, store.describe(), e), e);
        }
    }
}
