package io.github.devcontainercache.report;

import static io.github.devcontainercache.report.Entries.GIB;
import static io.github.devcontainercache.report.Entries.MIB;
import static io.github.devcontainercache.report.Entries.container;
import static io.github.devcontainercache.report.Entries.existing;
import static io.github.devcontainercache.report.Entries.file;
import static io.github.devcontainercache.report.Entries.fullPip;
import static io.github.devcontainercache.report.Entries.insight;
import static io.github.devcontainercache.report.Entries.missing;
import static io.github.devcontainercache.report.Entries.withDisk;
import static io.github.devcontainercache.report.Entries.withFiles;
import static io.github.devcontainercache.report.Entries.withInsight;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.SkippedMount;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.kinds.Findings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    private static final Pattern BAR = Pattern.compile(
            "<g class=\"(dcc-bar[^\"]*)\" data-volume=\"([^\"]*)\" data-bytes=\"(\\d+)\" data-over-budget=\"(\\w+)\"");

    private static CacheReport report(List<ReportEntry> caches, List<SkippedMount> skipped) {
        return new CacheReport("unix:///var/run/docker.sock", "27.3.1", "1.47", "2025-01-02T03:04:05Z", caches,
                skipped);
    }

    private static CacheReport report(ReportEntry... caches) {
        return report(List.of(caches), List.of());
    }

    /** The size a bar shows, as the page and the browser check write it; {@code missing} for a missing cache. */
    static String barSize(ReportEntry entry) {
        if (!entry.exists()) {
            return "missing";
        }
        Long bytes = entry.budgetBytes() != null && entry.budgetedBytes() != null ? entry.budgetedBytes()
                : entry.diskBytes() != null ? entry.diskBytes() : entry.sizeBytes();
        return ByteSize.format(bytes);
    }

    private record Bar(String classes, String volume, long bytes, boolean overBudget, String body) {}

    /** Each bar's opening tag's values and everything up to its end. */
    private static List<Bar> bars(String html) {
        List<Bar> bars = new ArrayList<>();
        Matcher matcher = BAR.matcher(html);
        while (matcher.find()) {
            int end = html.indexOf("</g>", matcher.end());
            bars.add(new Bar(matcher.group(1), matcher.group(2), Long.parseLong(matcher.group(3)),
                    Boolean.parseBoolean(matcher.group(4)), html.substring(matcher.end(), end)));
        }
        return bars;
    }

    private static String between(String text, String start, String end) {
        int from = text.indexOf(start);
        assertThat(from).as("where %s starts", start).isNotNegative();
        return text.substring(from + start.length(), text.indexOf(end, from + start.length()));
    }

    private static SkippedMount skipped(String source, String target, SkippedMount.Reason reason, int line) {
        return new SkippedMount(source, target, reason, new Origin(".devcontainer/devcontainer.json:" + line));
    }

    @Test
    void drawsOneBarPerCacheInReportOrderWithItsNameAndSize() {
        String html = HtmlReport.fragment(report(
                existing("pip-cache", "pip", 3 * GIB / 2, 2 * GIB, List.of(container("dev", "running"))),
                existing("whisper-models", "whisper", 150 * MIB, null, List.of()),
                missing("gone", "npm", 500 * MIB)));

        List<Bar> bars = bars(html);
        assertThat(bars).extracting(Bar::volume).containsExactly("pip-cache", "whisper-models", "gone");
        assertThat(bars).extracting(Bar::bytes).containsExactly(3 * GIB / 2, 150 * MIB, 0L);
        assertThat(bars.get(0).body()).contains("<text class=\"dcc-bar-name\"", ">pip-cache</text>",
                "<text class=\"dcc-bar-size\"", ">1.5 GiB on disk</text>", "<rect class=\"dcc-bar-fill\"");
        assertThat(bars.get(1).body()).contains(">whisper-models</text>", ">150.0 MiB on disk</text>");
        assertThat(bars.get(2).classes()).isEqualTo("dcc-bar dcc-missing");
        assertThat(bars.get(2).body()).contains(">gone</text>", ">missing</text>",
                "width=\"0\"");
    }

    @Test
    void aBarShowsWhatTheBudgetIsHeldAgainstElseTheDiskElseTheContentAndSaysWhichItIs() {
        ReportEntry againstContent = new ReportEntry("held-content", "pip", true, 100 * MIB, "mount point", 120 * MIB,
                DiskSize.DU, Reporter.CONTENT_WALK, 3L, GIB, "content", false, List.of(), "1000:1000",
                List.of(), List.of(), java.util.Map.of(), List.of(), "pom.xml", null);
        ReportEntry estimated = withDisk(existing("estimated", "npm", 10 * MIB, null, List.of()), 12 * MIB,
                DiskSize.ESTIMATED_STREAM);
        ReportEntry contentOnly = withDisk(existing("df-only", "npm", 7 * MIB, null, List.of()), null, null);

        List<Bar> bars = bars(HtmlReport.fragment(report(againstContent, estimated, contentOnly)));

        assertThat(bars).extracting(Bar::bytes).containsExactly(100 * MIB, 12 * MIB, 7 * MIB);
        assertThat(bars.get(0).body()).contains(">100.0 MiB content</text>", ">budget 1.0 GiB</text>");
        assertThat(bars.get(1).body()).contains(">~12.0 MiB on disk</text>").doesNotContain("dcc-budget");
        assertThat(bars.get(2).body()).contains(">7.0 MiB content</text>");
    }

    @Test
    void marksAnOverBudgetBarByClassAttributeTextAndItsBudgetMarker() {
        String html = HtmlReport.fragment(report(
                existing("big", "pip", 3 * GIB, 2 * GIB, List.of()),
                existing("small", "pip", GIB, 2 * GIB, List.of())));

        List<Bar> bars = bars(html);
        assertThat(bars.get(0).classes()).isEqualTo("dcc-bar dcc-over");
        assertThat(bars.get(0).overBudget()).isTrue();
        assertThat(bars.get(0).body()).contains(">over budget</text>", "<line class=\"dcc-budget\"",
                ">budget 2.0 GiB</text>", "<title>big: 3.0 GiB on disk, budget 2.0 GiB, over budget</title>");
        assertThat(bars.get(1).classes()).isEqualTo("dcc-bar");
        assertThat(bars.get(1).overBudget()).isFalse();
        assertThat(bars.get(1).body()).contains("<line class=\"dcc-budget\"").doesNotContain("over budget");
        // the scale is the largest size: the 3 GiB bar fills the track, the budget of 2 GiB is at two thirds
        assertThat(bars.get(0).body()).contains("width=\"480\"", "x1=\"540\"");
    }

    @Test
    void cutsALongNameAndKeepsItWholeInTheTitle() {
        String name = "a-very-long-volume-name-that-would-run-into-the-bars";
        Bar bar = bars(HtmlReport.fragment(report(existing(name, "generic", 5L, null, List.of())))).get(0);

        assertThat(bar.volume()).isEqualTo(name);
        assertThat(bar.body()).contains("<title>" + name + ": ", ">a-very-long-volume-name-t…</text>",
                "clip-path=\"url(#dcc-name-clip)\"");
    }

    @Test
    void escapesHostileNamesInTextAndAttributes() {
        String hostile = "<script>alert(\"x\")</script>&'";
        ReportEntry entry = withFiles(existing(hostile, "pip&<b>", 5L, 10L, List.of(container("c\"<i>", "run'ning"))),
                List.of(file("<img src=x onerror=alert(1)>.pt", 5, FileStatus.OK)), List.of());
        String html = HtmlReport.page(report(List.of(entry),
                List.of(skipped("<b>\"bind\"</b>&", "/t<>", SkippedMount.Reason.BIND, 3))));

        assertThat(html).doesNotContain("<script", "<img", "<b>\"", "<i>", "alert(\"x\")");
        assertThat(html).contains("data-volume=\"&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;\"",
                "c&quot;&lt;i&gt; (run&#39;ning)", "pip&amp;&lt;b&gt;", "&lt;img src=x onerror=alert(1)&gt;.pt",
                "&lt;b&gt;&quot;bind&quot;&lt;/b&gt;&amp;", "/t&lt;&gt;");
        // an id keeps the safe characters only
        assertThat(html).contains("id=\"cache--script-alert--x----script---\"",
                "href=\"#cache--script-alert--x----script---\"");
    }

    @Test
    void needsNoScriptAndNoNetwork() {
        String html = HtmlReport.page(report(List.of(fullPip(), missing("gone", "npm", 1L)),
                List.of(skipped(null, "/tmp/x", SkippedMount.Reason.ANONYMOUS, 4))));

        assertThat(html.toLowerCase(Locale.ROOT)).doesNotContain("<script", "http://", "https://", "@import",
                "<img", "<link", "<iframe", "src=");
    }

    @Test
    void isAWholeHtml5DocumentAroundTheFragment() {
        CacheReport report = report(fullPip());
        String page = HtmlReport.page(report);

        assertThat(page).startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
                        "<title>Dev container caches</title>", "<body>\n" + HtmlReport.fragment(report) + "</body>")
                .endsWith("</html>\n");
        assertThat(HtmlReport.fragment(report)).startsWith("<div class=\"dcc-report\">\n<style>\n")
                .endsWith("</div>\n");
    }

    @Test
    void theHeaderNamesTheEngineTheTimeAndSumsUp() {
        String html = HtmlReport.fragment(report(
                existing("big", "pip", 3 * GIB, 2 * GIB, List.of()),
                existing("small", "pip", GIB, null, List.of()),
                missing("gone", "npm", null)));

        assertThat(html).contains("Engine <code>unix:///var/run/docker.sock</code> · version 27.3.1 · API 1.47",
                "<time>2025-01-02T03:04:05Z</time>", "<li><b>3</b>caches</li>", "<li><b>4.0 GiB</b>content</li>",
                "<li><b>4.0 GiB</b>on disk</li>", "<li class=\"dcc-alert\"><b>1</b>over budget</li>",
                "<li class=\"dcc-warn\"><b>1</b>missing</li>");
    }

    @Test
    void theTableHasOneRowPerCacheWithExactBytesAndWhatTheBudgetIsHeldAgainst() {
        String html = HtmlReport.fragment(report(fullPip(), missing("gone", "npm", 500 * MIB)));
        String table = between(html, "<table class=\"dcc-table\">", "</table>");

        assertThat(table).contains("<caption>", "as Docker counts a volume", "as du counts them",
                "<th scope=\"col\">volume</th><th scope=\"col\">kind</th>", "in use by", "owner", "state");
        String body = between(table, "<tbody>", "</tbody>");
        assertThat(body.split("<tr>", -1)).hasSize(3);
        assertThat(body).contains(
                "<td class=\"dcc-num\" data-bytes=\"1000\" title=\"1000 bytes\">1000 B</td>",
                "<td class=\"dcc-num\" data-bytes=\"86016\" title=\"86016 bytes\">~84.0 KiB</td>",
                "2.0 KiB<br><span class=\"dcc-muted\">of the content</span>",
                "dev (running), old (exited)", "<span class=\"dcc-state dcc-state-ok\">ok</span>",
                "<span class=\"dcc-state dcc-state-missing\">missing</span>");
        assertThat(html).contains("<li>Disk use estimated from the archive API stream");
    }

    @Test
    void eachCacheHasASectionWithItsBreakdownFilesAndIntegrity() {
        Findings findings = new Findings("artifacts (groupId:artifactId:version)",
                List.of(new Findings.Item("g:a:1", 600, 3), new Findings.Item("g:b:2", 300, 2)), 40, 12,
                List.of(new Findings.Broken("g:c:3", "the jar does not read as a zip", List.of("g/c/3/c-3.jar"), 77)));
        ReportEntry maven = withInsight(existing("m2", "maven", 1000L, null, List.of()),
                new Insight(findings, List.of(new io.github.devcontainercache.content.FileEntry("x.part", 9)),
                        null, "npm"));
        ReportEntry whisper = withFiles(existing("w", "whisper", 100L, null, List.of()),
                List.of(file("tiny.pt", 10, FileStatus.OK), file("base.pt", 5, FileStatus.PARTIAL)), List.of());

        String html = HtmlReport.fragment(report(maven, fullPip(), whisper, missing("gone", "npm", null)));

        String m2 = between(html, "<section class=\"dcc-cache\" id=\"cache-m2\">", "</section>");
        assertThat(m2).contains("the largest 2 of 40 artifacts (groupId:artifactId:version)", "<code>g:a:1</code>",
                "<span class=\"dcc-share\" style=\"width:60.0%\"></span></span>60.0 %</td>", "12 files verified",
                "<code>g:c:3</code>: the jar does not read as a zip (77 B in 1 files: g/c/3/c-3.jar)",
                "1 unfinished downloads</span>: x.part (9 B)", "the cache holds what npm writes, not what maven does");
        String pip = between(html, "<section class=\"dcc-cache\" id=\"cache-pip-cache\">", "</section>");
        assertThat(pip).contains("<caption>pip's parts</caption>", "<code>http-v2/</code>", "<code>wheels/x.whl</code>",
                "1000 B in 21 files, measured by the engine (GET /system/df)", "held against the content",
                "dev (running), old (exited)");
        String w = between(html, "<section class=\"dcc-cache\" id=\"cache-w\">", "</section>");
        assertThat(w).contains("<caption>Models</caption>", "<code>tiny.pt</code>",
                "<span class=\"dcc-state dcc-state-ok\">ok</span>",
                "<span class=\"dcc-state dcc-state-problem\">partial</span>",
                "<span class=\"dcc-state dcc-state-problem\">partial file</span>");
        assertThat(between(html, "id=\"cache-gone\">", "</section>")).contains("The volume does not exist");
    }

    @Test
    void sectionIdsStayUniqueWhenNamesReduceToTheSame() {
        String html = HtmlReport.fragment(report(existing("a<b", "pip", 1L, null, List.of()),
                existing("a>b", "pip", 1L, null, List.of())));

        assertThat(html).contains("id=\"cache-a-b\"", "id=\"cache-a-b-2\"", "href=\"#cache-a-b-2\"");
    }

    @Test
    void withoutCachesSaysSoAndStillListsTheSkippedMounts() {
        String html = HtmlReport.page(report(List.of(), List.of(
                skipped("hist-${devcontainerId}", "/commandhistory", SkippedMount.Reason.DEVCONTAINER_ID, 7),
                skipped(null, "/scratch", SkippedMount.Reason.ANONYMOUS, 8))));

        assertThat(html).contains("No cache is declared or discovered", "<li><b>0</b>caches</li>")
                .doesNotContain("<svg class=\"dcc-chart\"", "<table class=\"dcc-table\"", "g class=\"dcc-bar");
        String table = between(html, "<table class=\"dcc-skipped\">", "</table>");
        assertThat(table).contains("2 mounts of the dev container configuration",
                "<td><code>.devcontainer/devcontainer.json:7</code></td><td><code>hist-${devcontainerId}</code></td>"
                        + "<td><code>/commandhistory</code></td><td>" + SkippedMount.Reason.DEVCONTAINER_ID.why(),
                "<td><code>(anonymous)</code></td><td><code>/scratch</code></td>");
    }

    @Test
    void saysSoWhenNoMountWasSkipped() {
        assertThat(HtmlReport.fragment(report(fullPip()))).contains("Mounts that are not caches", "<p>None: ")
                .doesNotContain("<table class=\"dcc-skipped\"");
    }

    /** The sample page, and a page of 200 caches with long and hostile names, for the browser check. */
    private static final Path SAMPLES = Path.of("target", "html-report-sample");

    private static void writeForTheBrowser(String name, CacheReport report) throws IOException {
        Path folder = Files.createDirectories(SAMPLES.resolve(name));
        Files.writeString(folder.resolve("report.html"), HtmlReport.page(report));
        Files.writeString(folder.resolve("expected.json"), SampleReport.expectedBars(report));
    }

    @Test
    void twoHundredCachesGiveTwoHundredBarsOnATallerChartInAPageUnderOneMegabyte() throws IOException {
        List<ReportEntry> caches = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            String name = i == 7 ? "<b>\"odd\" & 'named'</b>" : i % 50 == 3
                    ? "a-very-long-volume-name-for-cache-number-" + i + "-that-runs-on" : "cache-number-" + i;
            ReportEntry entry = existing(name, "npm", (i + 1) * MIB, i % 7 == 0 ? 100 * MIB : null,
                    List.of(container("dev-" + i, "running")));
            caches.add(withInsight(entry, insight(new Findings("packages", List.of(
                    new Findings.Item("pkg-a@1.0.0", MIB, 3), new Findings.Item("pkg-b@2.0.0", MIB / 2, 2)),
                    2, 0, List.of()))));
        }
        String html = HtmlReport.page(report(caches, List.of()));

        List<Bar> bars = bars(html);
        assertThat(bars).hasSize(200);
        assertThat(bars).filteredOn(Bar::overBudget).extracting(Bar::volume)
                .contains("cache-number-105", "cache-number-196").doesNotContain("cache-number-98");
        assertThat(html).contains("viewBox=\"0 0 1100 6036\"");
        assertThat(html.getBytes(StandardCharsets.UTF_8).length).isLessThan(1_000_000);
        writeForTheBrowser("many", report(caches, List.of()));
    }

    @Test
    void theSameReportGivesTheSameBytes() {
        assertThat(HtmlReport.page(SampleReport.sample())).isEqualTo(HtmlReport.page(SampleReport.sample()));
    }

    @Test
    void everyRuleOfTheFragmentsStyleIsScopedUnderTheReport() {
        String css = between(HtmlReport.fragment(SampleReport.sample()), "<style>", "</style>");
        Matcher selectors = Pattern.compile("([^{}]+)\\{").matcher(css);
        int rules = 0;
        while (selectors.find()) {
            String selector = selectors.group(1).trim();
            if (selector.startsWith("@media")) {
                continue;
            }
            for (String one : selector.split(",")) {
                assertThat(one.trim()).as("selector in %s", selector).startsWith(".dcc-report");
            }
            rules++;
        }
        assertThat(rules).isGreaterThan(20);
        assertThat(css).doesNotContain("@import", "@font-face", "\\");
    }

    @Test
    void ticksAreRoundStepsOfABinaryUnit() {
        assertThat(HtmlChart.tickStep(2_232_479_744L)).isEqualTo(GIB / 2);
        assertThat(HtmlChart.tickStep(3 * GIB)).isEqualTo(GIB);
        assertThat(HtmlChart.tickStep(150 * MIB)).isEqualTo(50 * MIB);
        assertThat(HtmlChart.tickStep(3)).isEqualTo(1);
        assertThat(HtmlChart.tickStep(1)).isEqualTo(1);
    }

    /** The page the README's picture shows; scripts/report-screenshot.sh checks it in a browser and takes it. */
    @Test
    void writesTheSamplePageAndWhatItsBarsShouldShow() throws IOException {
        CacheReport sample = SampleReport.sample();
        Files.createDirectories(SAMPLES);
        Files.writeString(SAMPLES.resolve("report.html"), HtmlReport.page(sample));
        Files.writeString(SAMPLES.resolve("expected.json"), SampleReport.expectedBars(sample));

        List<Bar> bars = bars(HtmlReport.page(sample));
        assertThat(bars).extracting(Bar::volume).containsExactly("radio-pip-cache", "radio-whisper-cache",
                "hf-models", "m2-repository", "npm-cache", "radio-tts-cache");
        assertThat(bars).filteredOn(Bar::overBudget).extracting(Bar::volume).containsExactly("radio-whisper-cache");
        assertThat(SampleReport.expectedBars(sample)).contains(
                "{\"volume\":\"radio-pip-cache\",\"size\":\"1.3 GiB\",\"overBudget\":false}",
                "{\"volume\":\"radio-whisper-cache\",\"size\":\"2.1 GiB\",\"overBudget\":true}",
                "{\"volume\":\"radio-tts-cache\",\"size\":\"missing\",\"overBudget\":false}");
    }
}
