package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.content.ContentMessages;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.report.CacheReport;
import io.github.devcontainercache.report.HtmlReport;
import io.github.devcontainercache.report.ReportMessages;
import io.github.devcontainercache.report.ReportWriter;
import io.github.devcontainercache.report.Reporter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Reports what each cache holds and what it costs: existence, content and disk sizes, the containers that use it,
 * owner, known models and their state, what takes the room in its tool's terms, budget. Prints a table, and writes
 * {@code report.json}, {@code report.md} and {@code report.html} to the output directory, always: with no cache, they
 * say so and list the mounts that are not caches.
 *
 * @since 0.1.0
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractCacheMojo {

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.report.skip", defaultValue = "false")
    private boolean reportSkip;

    /**
     * Where {@code report.json}, {@code report.md} and {@code report.html} are written.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "devcontainer-cache.outputDirectory",
            defaultValue = "${project.build.directory}/devcontainer-cache")
    private File outputDirectory;

    /**
     * Fails the build when a cache is over its {@code <budget>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.failOnBudget", defaultValue = "false")
    private boolean failOnBudget;

    /**
     * Hashes the files that have an expected SHA-256 (known models, entries of {@code <checksums>}) and reports
     * each as ok or corrupt.
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
     * How much of each cache's content to read. {@code auto}: every entry where the mount point is read (a walk costs
     * what {@code du} does); through the archive API (Docker Desktop, a {@code docker}-group user, rootless engines,
     * Podman, remote engines), only what the engine answers without sending the cache: the size from
     * {@code GET /system/df}, the root's owner, and the size of each known model and {@code <checksums>} file. Every
     * entry is still read there when the engine does not know the size. {@code full}: every entry on either path, for
     * file counts, largest files and pip's layout.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.content", defaultValue = "auto")
    private String content;

    /**
     * How many of each cache's largest files the report lists, where it reads every entry.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.largestFiles", defaultValue = "10")
    private int largestFiles;

    /**
     * Which size a {@code <budget>} is held against: {@code disk}, the blocks the cache takes as {@code du} counts
     * them (what fills a disk), or {@code content}, the bytes of its files as Docker's own figure counts them. The disk
     * is measured on the mount point and estimated from the entries where every entry is read through the archive
     * API; where it is not known (through the archive API the engine's df gives the content alone, unless
     * {@code content=full}) the content is used, and the report says so.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.budgetSize", defaultValue = "disk")
    private String budgetSize;

    private Reporter.BudgetSize budgetSize() throws MojoFailureException {
        for (Reporter.BudgetSize known : Reporter.BudgetSize.values()) {
            if (known.name().equalsIgnoreCase(budgetSize.trim())) {
                return known;
            }
        }
        throw new MojoFailureException(ReportMessages.unknownBudgetSize(budgetSize));
    }

    private Reporter.Content content() throws MojoFailureException {
        for (Reporter.Content known : Reporter.Content.values()) {
            if (known.name().equalsIgnoreCase(content.trim())) {
                return known;
            }
        }
        throw new MojoFailureException(ReportMessages.unknownContent(content));
    }

    @Override
    String goal() {
        return "report";
    }

    @Override
    boolean goalSkipped() {
        return reportSkip;
    }

    /** A report with no cache is still written: a CI step reads it whatever the configuration holds. */
    @Override
    boolean needsCaches() {
        return false;
    }

    /** Measures the caches, with the mounts that are not caches and what this build's restore found. */
    final Reporter.Result measured(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        if (caches.isEmpty()) {
            log.warn(ReportMessages.noCaches(!skippedMounts().isEmpty()));
        }
        Reporter.Options options = new Reporter.Options(readMountPoints(), verifyIntegrity, inflateZips, largestFiles,
                baseDirectory(), content(), true, budgetSize());
        try {
            Reporter.Result result = new Reporter(engine, helperTag(), options, log).run(caches);
            CacheReport report = result.report().withSkipped(skippedMounts())
                    .withHits(RestoreRecords.read(outputDirectory.toPath().resolve(RestoreRecords.FILE)));
            return new Reporter.Result(report, result.overBudget(),
                    result.contentProblems(), result.notices());
        } catch (IOException e) {
            throw new MojoExecutionException(ContentMessages.unreadableContent(e), e);
        }
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        Reporter.Result result = measured(engine, caches, log);
        CacheReport report = result.report();
        ReportWriter.table(report).forEach(log::info);
        ReportWriter.sizeSources(report).forEach(log::info);
        ReportWriter.diskSources(report).forEach(log::info);
        ReportWriter.contentSources(report).forEach(log::info);
        ReportWriter.insightLines(report).forEach(log::info);
        ReportWriter.skippedLines(report).forEach(log::info);
        Path directory = outputDirectory.toPath();
        Path json = directory.resolve("report.json");
        Path markdown = directory.resolve("report.md");
        Path html = directory.resolve("report.html");
        try {
            Files.createDirectories(directory);
            Files.writeString(json, ReportWriter.json(report));
            Files.writeString(markdown, ReportWriter.markdown(report));
            Files.writeString(html, HtmlReport.page(report));
        } catch (IOException e) {
            throw new MojoExecutionException(ReportMessages.reportNotWritten(directory, e), e);
        }
        log.info(ReportMessages.reportWritten(json, markdown, html));
        if (!result.contentProblems().isEmpty()) {
            log.warn(ReportMessages.contentProblems(result.contentProblems()));
        }
        if (!result.notices().isEmpty()) {
            log.warn(ReportMessages.notices(result.notices()));
        }
        if (!result.overBudget().isEmpty()) {
            String message = ReportMessages.reportFailed(result.overBudget());
            if (failOnBudget) {
                throw new MojoFailureException(message);
            }
            log.warn(message);
        }
    }
}
