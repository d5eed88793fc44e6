package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.archive.Compression;
import io.github.devcontainercache.archive.keyed.KeyMessages;
import io.github.devcontainercache.archive.keyed.KeyedStore;
import io.github.devcontainercache.engine.DockerEngine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Saves each selected cache under its key, as {@code actions/cache} does: into a directory, or deployed to a Maven
 * repository. A key already stored is not written again (caches are immutable per key), which costs one request.
 * The archive is {@code export}'s, manifest and checksums included.
 *
 * @since 0.1.0
 */
@Mojo(name = "save", threadSafe = true)
public class SaveMojo extends KeyedCacheMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.save.skip", defaultValue = "false")
    private boolean saveSkip;

    @Override
    String goal() {
        return "save";
    }

    @Override
    boolean goalSkipped() {
        return saveSkip;
    }

    @Override
    void runKeyed(DockerEngine engine, List<Keyed> keyed, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        Path scratch = scratch();
        KeyedStore store = store(scratch.resolve("repository"));
        for (Keyed cache : keyed) {
            String volume = cache.cache().volume();
            try {
                if (store.has(volume, cache.key())) {
                    log.info(KeyMessages.alreadySaved(volume, cache.key(), store.describe()));
                    continue;
                }
                Path archive = CacheArchives.export(this, engine, cache.cache(), scratch.resolve("save"),
                        Compression.ZSTD, log);
                try {
                    long bytes = Files.size(archive);
                    if (store.put(volume, cache.key(), archive)) {
                        log.info(KeyMessages.saved(volume, cache.key(), store.describe(), bytes));
                    } else {
                        log.info(KeyMessages.savedByAnother(volume, cache.key()));
                    }
                } finally {
                    Files.deleteIfExists(archive);
                }
            } catch (IOException e) {
                throw new MojoExecutionException(KeyMessages.saveFailed(volume, cache.key(), store.describe(), e), e);
            }
        }
    }
}
