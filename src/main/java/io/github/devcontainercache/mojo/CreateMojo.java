package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.volumes.CacheCreator;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.util.List;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Creates the declared caches that do not exist yet, with the declared driver, driver options and owner, and
 * labels {@code io.github.devcontainercache.managed=true} and {@code io.github.devcontainercache.project}.
 * Never changes a volume that exists: a second run changes nothing.
 *
 * @since 0.1.0
 */
@Mojo(name = "create", defaultPhase = LifecyclePhase.INITIALIZE, threadSafe = true)
public class CreateMojo extends AbstractCacheMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.create.skip", defaultValue = "false")
    private boolean createSkip;

    @Override
    String goal() {
        return "create";
    }

    @Override
    boolean goalSkipped() {
        return createSkip;
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log) {
        List<CacheDeclaration> created = new CacheCreator(engine, helperTag(), projectId(), log).createMissing(caches);
        log.info(VolumeMessages.createdSummary(created.size(), caches.size() - created.size()));
    }
}
