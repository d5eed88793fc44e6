package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.content.ContentMessages;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.report.ReportMessages;
import io.github.devcontainercache.report.Reporter;
import io.github.devcontainercache.volumes.CacheRepair;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.io.IOException;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Verifies every declared cache in its tool's own terms, then removes exactly the entries that are broken (an
 * artifact whose jar is cut short, an npm package whose content does not hash to its name, a Hugging Face blob, a
 * Go module zip, a corrupt Whisper model) and the downloads left unfinished, so that each tool fetches just those
 * again: the surgical repair in place of "remove the whole cache". Never touches a cache that a running container
 * uses.
 *
 * @since 0.1.0
 */
@Mojo(name = "repair", threadSafe = true)
public class RepairMojo extends AbstractCacheMojo {

    /**
     * Prints what would be removed and the bytes it holds, and changes nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.dryRun", defaultValue = "false")
    private boolean dryRun;

    /**
     * Where the mount point cannot be written here: the image whose {@code rm} removes the entries; by default, the
     * image of a container that uses the volume.
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
    @Parameter(property = "devcontainer-cache.repair.skip", defaultValue = "false")
    private boolean repairSkip;

    /**
     * With {@code verifyIntegrity}: also inflate every compressed entry of every zip (jars, wars, wheels, Berry's and
     * conda's archives) and check it against its CRC-32 and size. Without it, a zip's end record, central directory,
     * local headers and stored entries are checked, which finds a zip cut short or garbled ("invalid LOC header") at
     * the cost of reading it; inflating costs what unzipping does, several times that. Go's module zips are always
     * inflated: their {@code .ziphash} is a hash of their content.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.inflateZips", defaultValue = "false")
    private boolean inflateZips;

    @Override
    String goal() {
        return "repair";
    }

    @Override
    boolean goalSkipped() {
        return repairSkip;
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        Reporter.Result result = verify(engine, caches, log);
        if (!result.contentProblems().isEmpty()) {
            log.info(ReportMessages.contentProblems(result.contentProblems()));
        }
        List<String> refused = Repairs.run(engine, result,
                new CacheRepair.Options(dryRun, helperImage, readMountPoints()), log);
        if (refused.isEmpty()) {
            return;
        }
        String message = VolumeMessages.repairRefused(refused);
        if (fail) {
            throw new MojoFailureException(message);
        }
        log.warn(message);
        log.warn(GoalMessages.failIsOff());
    }

    private Reporter.Result verify(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoExecutionException {
        try {
            Reporter.Result result = new Reporter(engine, helperTag(),
                    new Reporter.Options(readMountPoints(), true, inflateZips, 0, baseDirectory(), Reporter.Content.AUTO), log).run(caches);
            result.report().caches().forEach(entry -> ReportMessages.verifiedLine(entry).ifPresent(log::info));
            return result;
        } catch (IOException e) {
            throw new MojoExecutionException(ContentMessages.unreadableContent(e), e);
        }
    }
}
