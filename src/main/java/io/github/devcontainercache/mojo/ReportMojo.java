package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.Messages;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.engine.DockerEngine;
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
 * Reports what each cache holds and what it costs: existence, size, the containers that use it, owner, known
 * models and their state, pip's layout, largest files, budget. Prints a table, and writes
 * {@code report.json} and {@code report.md} to the output directory.
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
     * Where {@code report.json} and {@code report.md} are written.
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
     * How many of each cache's largest files the report lists.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.largestFiles", defaultValue = "10")
    private int largestFiles;

    @Override
    String goal() {
        return "report";
    }

    @Override
    boolean goalSkipped() {
        return reportSkip;
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        Reporter.Result result;
        try {
            result = new Reporter(engine, helperTag(),
                            new Reporter.Options(readMountPoints(), verifyIntegrity, largestFiles, baseDirectory()), log)
                    .run(caches);
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.unreadableContent(e), e);
        }
        ReportWriter.table(result.report()).forEach(log::info);
        ReportWriter.sizeSources(result.report()).forEach(log::info);
        Path directory = outputDirectory.toPath();
        Path json = directory.resolve("report.json");
        Path markdown = directory.resolve("report.md");
        try {
            Files.createDirectories(directory);
            Files.writeString(json, ReportWriter.json(result.report()));
            Files.writeString(markdown, ReportWriter.markdown(result.report()));
        } catch (IOException e) {
            throw new MojoExecutionException(Messages.reportNotWritten(directory, e), e);
        }
        log.info(Messages.reportWritten(json, markdown));
        if (!result.contentProblems().isEmpty()) {
            log.warn(Messages.contentProblems(result.contentProblems()));
        }
        if (!result.overBudget().isEmpty()) {
            String message = Messages.reportFailed(result.overBudget());
            if (failOnBudget) {
                throw new MojoFailureException(message);
            }
            log.warn(message);
        }
    }
}
