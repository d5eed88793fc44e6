package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.report.CacheReport;
import io.github.devcontainercache.report.HtmlReport;
import io.github.devcontainercache.report.ReportMessages;
import io.github.devcontainercache.report.ReportWriter;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.MavenReport;
import org.apache.maven.reporting.MavenReportException;

/**
 * The caches' report as a page of the project's Maven site, "Dev container caches": the chart of each cache's size
 * against its budget, the table, and each cache's breakdown, as {@code report.html} shows them. Declare it in the
 * pom's {@code <reporting>}; {@code mvn site} then measures the caches and writes the page. Run on its own, it writes
 * the page to the site's directory. It takes the parameters of {@code report} (what to read, which size budgets
 * judge) and never fails a site for a budget.
 *
 * @since 0.1.0
 */
@Mojo(name = "site-report", threadSafe = true)
public class SiteReportMojo extends ReportMojo implements MavenReport {

    /** The page's file name in the site, without its extension. */
    static final String OUTPUT_NAME = "devcontainer-caches";

    /** Where the site is written. */
    @Parameter(defaultValue = "${project.reporting.outputDirectory}", readonly = true, required = true)
    private File reportOutputDirectory;

    /** The site's page being written, while the site plugin asks for it; {@code null} when run as a goal. */
    private Sink sink;

    /** Whether the caches' page was rendered into {@link #sink}: a skipped goal renders none. */
    private boolean rendered;

    @Override
    String goal() {
        return "site-report";
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        CacheReport report = measured(engine, caches, log).report();
        ReportWriter.table(report).forEach(log::info);
        if (sink != null) {
            render(sink, HtmlReport.fragment(report));
            rendered = true;
            log.info(ReportMessages.sitePageRendered(OUTPUT_NAME + ".html"));
            return;
        }
        Path page = reportOutputDirectory.toPath().resolve(OUTPUT_NAME + ".html");
        try {
            Files.createDirectories(page.getParent());
            Files.writeString(page, HtmlReport.page(report));
        } catch (IOException e) {
            throw new MojoExecutionException(ReportMessages.reportNotWritten(page.getParent(), e), e);
        }
        log.info(ReportMessages.sitePageWritten(page));
    }

    private void render(Sink page, String body) {
        page.head();
        page.title();
        page.text(ReportMessages.SITE_PAGE_NAME);
        page.title_();
        page.head_();
        page.body();
        // the page's own heading is the fragment's
        page.rawText(body);
        page.body_();
        page.flush();
        page.close();
    }

    @Override
    public void generate(Sink page, Locale locale) throws MavenReportException {
        sink = page;
        rendered = false;
        try {
            perform();
            if (!rendered) {
                // skipped, or no engine with failIfNoEngine=false: the page says so rather than being empty
                render(page, "<p>" + ReportMessages.sitePageNotMeasured() + "</p>");
            }
        } catch (MojoExecutionException | MojoFailureException e) {
            throw new MavenReportException(e.getMessage(), e);
        } finally {
            sink = null;
        }
    }

    @Override
    public String getOutputName() {
        return OUTPUT_NAME;
    }

    @Override
    public String getCategoryName() {
        return CATEGORY_PROJECT_REPORTS;
    }

    @Override
    public String getName(Locale locale) {
        return ReportMessages.SITE_PAGE_NAME;
    }

    @Override
    public String getDescription(Locale locale) {
        return ReportMessages.SITE_PAGE_DESCRIPTION;
    }

    @Override
    public void setReportOutputDirectory(File directory) {
        reportOutputDirectory = directory;
    }

    @Override
    public File getReportOutputDirectory() {
        return reportOutputDirectory;
    }

    @Override
    public boolean isExternalReport() {
        return false;
    }

    @Override
    public boolean canGenerateReport() {
        return true;
    }
}
