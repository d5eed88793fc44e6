package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.ContentMessages;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.report.ReportEntry;
import io.github.devcontainercache.report.ReportMessages;
import io.github.devcontainercache.report.Reporter;
import io.github.devcontainercache.volumes.CacheCheck;
import io.github.devcontainercache.volumes.CacheCreator;
import io.github.devcontainercache.volumes.CacheRepair;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Checks that every declared cache exists and, where {@code <owner>} is declared, that the volume's root
 * directory has that owner. Reports every problem, then fails once with the whole list.
 *
 * @since 0.1.0
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class CheckMojo extends AbstractCacheMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.check.skip", defaultValue = "false")
    private boolean checkSkip;

    /**
     * Whether problems fail the build. With {@code false}, they are logged as warnings and the build goes on.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.fail", defaultValue = "true")
    private boolean fail;

    /**
     * Creates the missing caches, as {@code create} would, instead of reporting them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.createMissing", defaultValue = "false")
    private boolean createMissing;


    /**
     * Also checks each cache's content where its format carries a check: known Whisper models and the entries of a
     * cache's {@code <checksums>} file against their SHA-256, Hugging Face blobs and snapshot links, npm's
     * {@code _cacache}, every jar's CRC-32 and checksum sidecars in a Maven repository, Go's {@code .ziphash}, and
     * the others the README's table of kinds lists. Reports each broken entry by its tool's name, with the fix.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.verifyIntegrity", defaultValue = "false")
    private boolean verifyIntegrity;

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

    /**
     * Verifies the caches' content (as {@code verifyIntegrity}) and removes just the broken entries and the
     * downloads left unfinished, as the {@code repair} goal does, instead of failing for them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.repair", defaultValue = "false")
    private boolean repair;

    /**
     * With {@code repair}, where the mount point cannot be written here: the image whose {@code rm} removes the
     * entries; by default, the image of a container that uses the volume.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.helperImage")
    private String helperImage;

    /**
     * With {@code repair}: prints what would be removed, and changes nothing.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.dryRun", defaultValue = "false")
    private boolean dryRun;

    @Override
    String goal() {
        return "check";
    }

    @Override
    boolean goalSkipped() {
        return checkSkip;
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        CacheCreator creator = createMissing ? new CacheCreator(engine, helperTag(), projectId(), log) : null;
        List<String> problems = new ArrayList<>(new CacheCheck(engine, helperTag(), readMountPoints(), log).run(caches, creator));
        if (verifyIntegrity || repair) {
            try {
                Reporter.Result content = new Reporter(engine, helperTag(),
                                new Reporter.Options(readMountPoints(), true, inflateZips, 0, baseDirectory(), Reporter.Content.AUTO), log)
                        .run(caches);
                for (ReportEntry entry : content.report().caches()) {
                    for (CheckedFile file : entry.models()) {
                        log.info(ContentMessages.checkedFile(entry.volume(), file));
                    }
                    for (CheckedFile file : entry.checksums()) {
                        log.info(ContentMessages.checkedFile(entry.volume(), file));
                    }
                    ReportMessages.verifiedLine(entry).ifPresent(log::info);
                }
                if (repair) {
                    // what is broken is removed instead of failing the build; what cannot be is still a problem
                    if (!content.contentProblems().isEmpty()) {
                        log.info(ReportMessages.contentProblems(content.contentProblems()));
                    }
                    problems.addAll(Repairs.run(engine, content,
                            new CacheRepair.Options(dryRun, helperImage, readMountPoints()), log));
                } else {
                    problems.addAll(content.contentProblems());
                }
                if (!content.notices().isEmpty()) {
                    log.warn(ReportMessages.notices(content.notices()));
                }
            } catch (IOException e) {
                throw new MojoExecutionException(ContentMessages.unreadableContent(e), e);
            }
        }
        if (problems.isEmpty()) {
            log.info(VolumeMessages.checkPassed(caches.size()));
            return;
        }
        String message = VolumeMessages.checkFailed(problems);
        if (fail) {
            throw new MojoFailureException(message);
        }
        log.warn(message);
        log.warn(GoalMessages.failIsOff());
    }
}
