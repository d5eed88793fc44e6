package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.archive.keyed.DirectoryStore;
import io.github.devcontainercache.archive.keyed.KeyMessages;
import io.github.devcontainercache.archive.keyed.KeyedStore;
import io.github.devcontainercache.archive.keyed.Prune;
import io.github.devcontainercache.engine.DockerEngine;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Retention of a directory store: for each selected cache and each of its restore prefixes, keeps the newest
 * {@code keep} keys and removes the older ones with that prefix. Keys no prefix matches stay. {@code dryRun} says what
 * would go. A Maven repository keeps what its own cleanup rules say.
 *
 * @since 0.1.0
 */
@Mojo(name = "prune", threadSafe = true)
public class PruneMojo extends KeyedCacheMojo {

    /**
     * How many of the newest keys to keep per restore prefix.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.keep", defaultValue = "3")
    private int keep;

    /**
     * Says what would be removed, and removes nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.prune.skip", defaultValue = "false")
    private boolean pruneSkip;

    @Override
    String goal() {
        return "prune";
    }

    @Override
    boolean goalSkipped() {
        return pruneSkip;
    }

    @Override
    void runKeyed(DockerEngine engine, List<Keyed> keyed, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        if (inRepository()) {
            throw new MojoFailureException(KeyMessages.pruneNeedsDirectory());
        }
        DirectoryStore store = (DirectoryStore) store(scratch());
        for (Keyed cache : keyed) {
            String volume = cache.cache().volume();
            try {
                for (KeyedStore.Stored expired : Prune.expired(store.keys(volume), cache.prefixes(), Math.max(0, keep))) {
                    if (!dryRun) {
                        store.remove(volume, expired.key());
                    }
                    log.info(KeyMessages.pruned(volume, expired.key(), dryRun));
                }
            } catch (IOException e) {
                throw new MojoExecutionException(KeyMessages.lookupFailed(volume, store.describe(), e), e);
            }
        }
    }
}
