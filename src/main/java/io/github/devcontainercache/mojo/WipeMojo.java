package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.volumes.CacheCreator;
import io.github.devcontainercache.volumes.CacheWiper;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecution;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Removes the declared caches (or {@code only} some) for a clean rebuild, and touches nothing else: no pattern,
 * no prune. Acts when run from the command line ({@code mvn devcontainer-cache:wipe}); bound to the lifecycle
 * ({@code mvn clean}), only with {@code -Ddevcontainer-cache.wipe=true}. Refuses a cache that a container uses and
 * names the containers.
 *
 * @since 0.1.0
 */
@Mojo(name = "wipe", defaultPhase = LifecyclePhase.PRE_CLEAN, threadSafe = true)
public class WipeMojo extends AbstractCacheMojo {

    /**
     * Lets the goal act when it is bound to the lifecycle ({@code mvn clean}); from the command line it always acts.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.wipe", defaultValue = "false")
    private boolean wipe;

    /**
     * {@code remove} removes the volumes; {@code empty} keeps them and deletes their content (for a cache that a
     * dev container still references), with a short-lived container.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.mode", defaultValue = "remove")
    private String mode;

    /**
     * Prints what would be removed or emptied and the bytes it would free, and changes nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Creates each removed cache again, empty, with the same driver, options and labels, and the declared owner.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.recreate", defaultValue = "false")
    private boolean recreate;

    /**
     * With {@code mode=empty}: the image whose shell deletes the content; by default, the image of a container
     * that uses the volume.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.helperImage")
    private String helperImage;

    /**
     * Whether refusals fail the build. With {@code false}, they are warnings.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.fail", defaultValue = "true")
    private boolean fail;


    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.wipe.skip", defaultValue = "false")
    private boolean wipeSkip;

    @Parameter(defaultValue = "${mojoExecution}", readonly = true, required = true)
    private MojoExecution mojoExecution;

    @Override
    String goal() {
        return "wipe";
    }

    @Override
    boolean goalSkipped() {
        return wipeSkip;
    }

    @Override
    Optional<String> inactive() {
        boolean fromCommandLine = mojoExecution.getSource() == MojoExecution.Source.CLI;
        return fromCommandLine || wipe ? Optional.empty() : Optional.of(VolumeMessages.wipeInactive());
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log) throws MojoFailureException {
        CacheWiper.Mode wipeMode;
        try {
            wipeMode = CacheWiper.Mode.valueOf(mode.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoFailureException(VolumeMessages.unknownWipeMode(mode), e);
        }
        CacheWiper.Result result = new CacheWiper(
                        engine,
                        new CacheCreator(engine, helperTag(), projectId(), log),
                        new CacheWiper.Options(wipeMode, dryRun, recreate, helperImage, readMountPoints()),
                        log)
                .wipe(caches);
        log.info(VolumeMessages.wipeSummary(dryRun, result.bytesFreed(), result.someSizesUnknown(), result.refused().size()));
        if (!result.refused().isEmpty()) {
            String message = VolumeMessages.wipeFailed(result.refused());
            if (fail && !dryRun) {
                throw new MojoFailureException(message);
            }
            log.warn(message);
            log.warn(GoalMessages.failIsOff());
        }
    }
}
