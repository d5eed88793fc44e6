package io.github.devcontainercache.report;

import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.caches.SkippedMount;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.VolumeScan;
import io.github.devcontainercache.content.kinds.Findings;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The report as one self-contained HTML page ({@code report.html}): a bar chart in inline SVG, the same figures as a
 * table, a section per cache and the mounts that are not caches. No script and nothing fetched: it reads the same from
 * {@code file://}, a CI artifact or a Maven site, with or without JavaScript. Same report, same bytes.
 */
public final class HtmlReport {

    /** How many items, files or broken entries a cache's section lists before it only counts the rest. */
    private static final int LISTED = 10;

    /** The page's style, every rule scoped under {@code .dcc-report}. */
    private static final String STYLE = Html.resource("report.css");

    private HtmlReport() {}

    /** A whole HTML5 document whose body is {@link #fragment}. */
    public static String page(CacheReport report) {
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                + "<meta name=\"generator\" content=\"devcontainer-cache-maven-plugin\">\n"
                + "<title>Dev container caches</title>\n</head>\n<body>\n" + fragment(report) + "</body>\n</html>\n";
    }

    /**
     * The report in one {@code <div class="dcc-report">} that carries its own style, every rule scoped under
     * {@code .dcc-report}, so that a page which embeds it (the Maven site) keeps its own look.
     */
    public static String fragment(CacheReport report) {
        Html html = new Html();
        html.raw("<div class=\"dcc-report\">\n<style>\n").raw(STYLE).raw("</style>\n");
        header(html, report);
        if (report.caches().isEmpty()) {
            html.raw("<p class=\"dcc-empty\">No cache is declared or discovered: declare one in the pom's ")
                    .raw("<code>&lt;caches&gt;</code>, or mount a named volume in the dev container configuration")
                    .raw(" (<code>.devcontainer/devcontainer.json</code>).</p>\n");
        } else {
            HtmlChart.write(html, report);
            table(html, report);
            html.raw("<h2 id=\"dcc-each\">Each cache</h2>\n");
            Set<String> ids = new HashSet<>();
            for (ReportEntry entry : report.caches()) {
                cache(html, entry, sectionId(entry.volume(), ids));
            }
        }
        skipped(html, report);
        html.raw("<footer>Made by devcontainer-cache-maven-plugin (<code>mvn devcontainer-cache:report</code>);")
                .raw(" the same figures are in report.json and report.md.</footer>\n</div>\n");
        return html.toString();
    }

    private static void header(Html html, CacheReport report) {
        html.raw("<header>\n<h1>Dev container caches</h1>\n<p class=\"dcc-engine\">Engine <code>")
                .text(orUnknown(report.endpoint())).raw("</code> · version ").text(orUnknown(report.engineVersion()))
                .raw(" · API ").text(orUnknown(report.apiVersion())).raw(" · made <time>")
                .text(orUnknown(report.generatedAt())).raw("</time></p>\n");
        List<ReportEntry> caches = report.caches();
        long content = caches.stream().filter(e -> e.sizeBytes() != null).mapToLong(ReportEntry::sizeBytes).sum();
        long disk = caches.stream().filter(e -> e.diskBytes() != null).mapToLong(ReportEntry::diskBytes).sum();
        long diskKnown = caches.stream().filter(e -> e.diskBytes() != null).count();
        long existing = caches.stream().filter(ReportEntry::exists).count();
        long over = caches.stream().filter(HtmlChart::over).count();
        long missing = caches.size() - existing;
        html.raw("<ul class=\"dcc-summary\">\n");
        summaryItem(html, caches.size() == 1 ? "cache" : "caches", String.valueOf(caches.size()), null);
        summaryItem(html, "content", ByteSize.format(content), null);
        summaryItem(html, diskKnown == existing ? "on disk" : "on disk, known for " + diskKnown + " of " + existing,
                diskKnown == 0 ? "unknown" : ByteSize.format(disk), null);
        summaryItem(html, "over budget", String.valueOf(over), over > 0 ? "dcc-alert" : null);
        if (missing > 0) {
            summaryItem(html, "missing", String.valueOf(missing), "dcc-warn");
        }
        html.raw("</ul>\n</header>\n");
    }

    private static void summaryItem(Html html, String label, String value, String highlight) {
        html.raw(highlight == null ? "<li>" : "<li class=\"" + highlight + "\">").raw("<b>").text(value)
                .raw("</b>").text(label).raw("</li>\n");
    }

    private static void table(Html html, CacheReport report) {
        html.raw("<section aria-labelledby=\"dcc-all\">\n<h2 id=\"dcc-all\">All caches</h2>\n")
                .raw("<div class=\"dcc-scroll\"><table class=\"dcc-table\">\n")
                .raw("<caption>One row per cache. <b>content</b>: the bytes of the files, a hard-linked file once,")
                .raw(" as Docker counts a volume; <b>on disk</b>: the blocks they")
                .raw(" take, as du counts them (~ when estimated rather than measured by du).</caption>\n")
                .raw("<thead><tr><th scope=\"col\">volume</th><th scope=\"col\">kind</th>")
                .raw("<th scope=\"col\" class=\"dcc-num\">content</th><th scope=\"col\" class=\"dcc-num\">on disk</th>")
                .raw("<th scope=\"col\" class=\"dcc-num\">budget</th><th scope=\"col\">in use by</th>")
                .raw("<th scope=\"col\">owner</th><th scope=\"col\">state</th></tr></thead>\n<tbody>\n");
        Set<String> ids = new HashSet<>();
        for (ReportEntry entry : report.caches()) {
            html.raw("<tr><th scope=\"row\"><a href=\"#").text(sectionId(entry.volume(), ids)).raw("\">")
                    .text(entry.volume()).raw("</a></th><td>").text(entry.kind()).raw("</td>");
            sizeCell(html, entry.sizeBytes(), "");
            sizeCell(html, entry.diskBytes(), DiskSize.measured(entry.diskSource()) ? "" : "~");
            if (entry.budgetBytes() == null) {
                html.raw("<td class=\"dcc-num\">-</td>");
            } else {
                html.raw("<td class=\"dcc-num\" data-bytes=\"").num(entry.budgetBytes()).raw("\" title=\"")
                        .num(entry.budgetBytes()).raw(" bytes\">").text(ByteSize.format(entry.budgetBytes()));
                if (entry.budgetBasis() != null) {
                    html.raw("<br><span class=\"dcc-muted\">of ").text(basis(entry.budgetBasis())).raw("</span>");
                }
                html.raw("</td>");
            }
            html.raw("<td>").text(users(entry)).raw("</td><td>").text(entry.owner() == null ? "-" : entry.owner())
                    .raw("</td><td>");
            state(html, entry);
            html.raw("</td></tr>\n");
        }
        html.raw("</tbody>\n</table></div>\n<ul class=\"dcc-notes\">\n");
        for (List<String> notes : List.of(ReportWriter.sizeSources(report), ReportWriter.diskSources(report),
                ReportWriter.contentSources(report))) {
            for (String note : notes) {
                if (note.startsWith("Sizes: ")) {
                    continue; // what content and on disk are: the table's caption says it
                }
                html.raw("<li>").text(note).raw("</li>\n");
            }
        }
        html.raw("</ul>\n</section>\n");
    }

    private static String basis(String budgetBasis) {
        return budgetBasis == null ? "" : "disk".equals(budgetBasis) ? "the disk use" : "the " + budgetBasis;
    }

    private static void sizeCell(Html html, Long bytes, String mark) {
        if (bytes == null) {
            html.raw("<td class=\"dcc-num\">-</td>");
        } else {
            html.raw("<td class=\"dcc-num\" data-bytes=\"").num(bytes).raw("\" title=\"").num(bytes)
                    .raw(" bytes\">").text(mark + ByteSize.format(bytes)).raw("</td>");
        }
    }

    private static String users(ReportEntry entry) {
        return entry.inUseBy().isEmpty() ? "-" : entry.inUseBy().stream()
                .map(container -> container.name() + " (" + container.state() + ")")
                .collect(Collectors.joining(", "));
    }

    private static void state(Html html, ReportEntry entry) {
        String state = entry.state();
        String kind = switch (state) {
            case "ok" -> "ok";
            case "missing" -> "missing";
            case "over budget" -> "over";
            default -> "problem";
        };
        html.raw("<span class=\"dcc-state dcc-state-").raw(kind).raw("\">").text(state).raw("</span>");
    }

    /** An id made of the name's safe characters, and unique: two hostile names may reduce to the same. */
    static String sectionId(String volume, Set<String> taken) {
        String base = "cache-" + (volume == null ? "" : volume.replaceAll("[^A-Za-z0-9_.-]", "-"));
        String id = base;
        for (int n = 2; !taken.add(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private static void cache(Html html, ReportEntry entry, String id) {
        html.raw("<section class=\"dcc-cache\" id=\"").text(id).raw("\">\n<div class=\"dcc-cache-head\"><h3>")
                .text(entry.volume()).raw("</h3>");
        state(html, entry);
        html.raw("<span class=\"dcc-muted\">").text(entry.kind()).raw("</span></div>\n<dl class=\"dcc-facts\">\n");
        if (entry.exists()) {
            fact(html, "content", entry.sizeBytes() == null ? "unknown" : ByteSize.format(entry.sizeBytes())
                    + (entry.files() == null ? "" : " in " + count(entry.files()) + " files")
                    + (entry.sizeSource() == null ? "" : ", measured " + sizeSource(entry.sizeSource())));
            fact(html, "on disk", entry.diskBytes() == null ? "unknown (only the engine's df was asked)"
                    : HtmlChart.diskSize(entry).replace(" on disk", "") + ", " + (DiskSize.measured(entry.diskSource())
                            ? "measured by " : "") + entry.diskSource());
        }
        fact(html, "budget", entry.budgetBytes() == null ? "none" : ByteSize.format(entry.budgetBytes())
                + (entry.budgetBasis() == null ? "" : ", held against " + basis(entry.budgetBasis()))
                + (!HtmlChart.over(entry) ? "" : entry.budgetedBytes() == null ? "; over budget"
                        : "; over by " + ByteSize.format(entry.budgetedBytes() - entry.budgetBytes())));
        fact(html, "in use by", entry.inUseBy().isEmpty() ? "no container" : users(entry));
        fact(html, "owner", entry.owner() == null ? "unknown" : entry.owner());
        fact(html, "origin", entry.source());
        if (entry.exists()) {
            fact(html, "content read", contentSource(entry.contentSource()));
        }
        html.raw("</dl>\n");
        if (!entry.exists()) {
            html.raw("<p>The volume does not exist: <code>mvn devcontainer-cache:create</code> creates it, or the")
                    .raw(" dev container does when it starts.</p>\n</section>\n");
            return;
        }
        breakdown(html, entry);
        checkedFiles(html, "Models", entry.models());
        checkedFiles(html, "Files of the checksums file", entry.checksums());
        integrity(html, entry);
        html.raw("</section>\n");
    }

    private static void fact(Html html, String name, String value) {
        html.raw("<div><dt>").text(name).raw("</dt><dd>").text(value == null ? "unknown" : value).raw("</dd></div>\n");
    }

    private static String contentSource(String source) {
        return source == null ? null : switch (source) {
            case Reporter.CONTENT_WALK -> "every entry, by a walk of the mount point";
            case Reporter.CONTENT_STREAM -> "every entry, through the archive API";
            default -> "only the stat of known files (-Ddevcontainer-cache.content=full reads every entry)";
        };
    }

    private static String sizeSource(String source) {
        return switch (source) {
            case "engine df" -> "by the engine (GET /system/df)";
            case "mount point" -> "on the mount point";
            default -> "through the archive API";
        };
    }

    /** What takes the room: the kind's own items where every entry was read, else pip's parts and largest files. */
    private static void breakdown(Html html, ReportEntry entry) {
        long whole = entry.sizeBytes() == null ? 0 : entry.sizeBytes();
        if (entry.insight() != null && !entry.insight().findings().items().isEmpty()) {
            Findings findings = entry.insight().findings();
            List<Findings.Item> items = findings.items().subList(0, Math.min(LISTED, findings.items().size()));
            html.raw("<table>\n<caption>What takes the room: the largest ").num(items.size()).raw(" of ")
                    .text(count(findings.itemCount())).raw(" ").text(findings.unit()).raw("</caption>\n")
                    .raw("<thead><tr><th scope=\"col\">").text(findings.unit()).raw("</th>")
                    .raw("<th scope=\"col\" class=\"dcc-num\">size</th><th scope=\"col\" class=\"dcc-num\">files</th>")
                    .raw("<th scope=\"col\">share of the content</th></tr></thead>\n<tbody>\n");
            for (Findings.Item item : items) {
                html.raw("<tr><td><code>").text(item.name()).raw("</code></td>");
                sizeCell(html, item.sizeBytes(), "");
                html.raw("<td class=\"dcc-num\">").text(count(item.files())).raw("</td>");
                share(html, item.sizeBytes(), whole);
                html.raw("</tr>\n");
            }
            html.raw("</tbody>\n</table>\n");
            return;
        }
        if (!entry.pip().isEmpty()) {
            html.raw("<table>\n<caption>pip's parts</caption>\n<thead><tr><th scope=\"col\">folder</th>")
                    .raw("<th scope=\"col\" class=\"dcc-num\">size</th><th scope=\"col\" class=\"dcc-num\">files</th>")
                    .raw("<th scope=\"col\">share of the content</th></tr></thead>\n<tbody>\n");
            for (Map.Entry<String, VolumeScan.Part> part : entry.pip().entrySet()) {
                html.raw("<tr><td><code>").text(part.getKey()).raw("/</code></td>");
                sizeCell(html, part.getValue().sizeBytes(), "");
                html.raw("<td class=\"dcc-num\">").text(count(part.getValue().files())).raw("</td>");
                share(html, part.getValue().sizeBytes(), whole);
                html.raw("</tr>\n");
            }
            html.raw("</tbody>\n</table>\n");
        }
        if (!entry.largestFiles().isEmpty()) {
            List<FileEntry> files = entry.largestFiles().subList(0, Math.min(LISTED, entry.largestFiles().size()));
            html.raw("<table>\n<caption>The largest files</caption>\n<thead><tr><th scope=\"col\">file</th>")
                    .raw("<th scope=\"col\" class=\"dcc-num\">size</th><th scope=\"col\">share of the content</th>")
                    .raw("</tr></thead>\n<tbody>\n");
            for (FileEntry file : files) {
                html.raw("<tr><td><code>").text(file.path()).raw("</code></td>");
                sizeCell(html, file.sizeBytes(), "");
                share(html, file.sizeBytes(), whole);
                html.raw("</tr>\n");
            }
            html.raw("</tbody>\n</table>\n");
        }
    }

    /** A small bar in a table cell: the part's share of the cache, drawn by CSS alone. */
    private static void share(Html html, long part, long whole) {
        double percent = whole <= 0 ? 0 : Math.min(100, 100.0 * part / whole);
        String shown = String.format(Locale.ROOT, "%.1f", percent);
        html.raw("<td class=\"dcc-share-cell\"><span class=\"dcc-share-track\">")
                .raw("<span class=\"dcc-share\" style=\"width:").raw(shown).raw("%\"></span></span>").raw(shown)
                .raw(" %</td>");
    }

    private static void checkedFiles(Html html, String title, List<CheckedFile> files) {
        if (files.isEmpty()) {
            return;
        }
        html.raw("<table>\n<caption>").text(title).raw("</caption>\n<thead><tr><th scope=\"col\">file</th>")
                .raw("<th scope=\"col\" class=\"dcc-num\">size</th><th scope=\"col\" class=\"dcc-num\">expected</th>")
                .raw("<th scope=\"col\">status</th></tr></thead>\n<tbody>\n");
        for (CheckedFile file : files) {
            html.raw("<tr><td><code>").text(file.file()).raw("</code></td>");
            sizeCell(html, file.sizeBytes() < 0 ? null : file.sizeBytes(), "");
            sizeCell(html, file.expectedBytes() < 0 ? null : file.expectedBytes(), "");
            String status = file.status().id();
            html.raw("<td><span class=\"dcc-state dcc-state-")
                    .raw(status.equals("ok") ? "ok" : status.equals("unverified") ? "missing" : "problem")
                    .raw("\">").text(status).raw("</span></td></tr>\n");
        }
        html.raw("</tbody>\n</table>\n");
    }

    /** What a pass over every entry found wrong, or that it found nothing wrong. */
    private static void integrity(Html html, ReportEntry entry) {
        Insight insight = entry.insight();
        if (insight == null) {
            return;
        }
        Findings findings = insight.findings();
        html.raw("<h4>Integrity</h4>\n<ul class=\"dcc-problems\">\n<li>")
                .text(findings.verified() == 0 ? "No file's content was verified (-Ddevcontainer-cache.verifyIntegrity"
                        + " checks those whose format carries a checksum)."
                        : count(findings.verified()) + " files verified against what their format says of them.")
                .raw("</li>\n");
        if (findings.broken().isEmpty() && findings.verified() > 0) {
            html.raw("<li>No broken entry.</li>\n");
        }
        for (Findings.Broken broken : findings.broken()) {
            List<String> files = broken.files().subList(0, Math.min(LISTED, broken.files().size()));
            html.raw("<li><span class=\"dcc-bad\">broken</span> <code>").text(broken.entry()).raw("</code>: ")
                    .text(broken.problem()).raw(" (").text(ByteSize.format(broken.sizeBytes())).raw(" in ")
                    .text(count(broken.files().size())).raw(" files: ")
                    .text(String.join(", ", files)).text(broken.files().size() > files.size() ? ", ..." : "")
                    .raw(")</li>\n");
        }
        List<FileEntry> unfinished = insight.unfinished();
        if (!unfinished.isEmpty()) {
            html.raw("<li><span class=\"dcc-bad\">").text(count(unfinished.size())).raw(" unfinished downloads")
                    .raw("</span>: ").text(unfinished.subList(0, Math.min(LISTED, unfinished.size())).stream()
                            .map(file -> file.path() + " (" + ByteSize.format(file.sizeBytes()) + ")")
                            .collect(Collectors.joining(", ")) + (unfinished.size() > LISTED ? ", ..." : ""))
                    .raw("</li>\n");
        }
        if (insight.foreignOwners() != null && insight.foreignOwners().files() > 0) {
            var foreign = insight.foreignOwners();
            html.raw("<li><span class=\"dcc-bad\">").text(count(foreign.files())).raw(" files of another owner")
                    .raw("</span> than ").text(orUnknown(entry.owner())).raw(" (")
                    .text(ByteSize.format(foreign.sizeBytes()))
                    .text(foreign.firstOwner() == null ? "" : ", the first owned by " + foreign.firstOwner())
                    .raw("): ").text(String.join(", ", foreign.examples())).raw("</li>\n");
        }
        if (insight.otherLayout() != null) {
            html.raw("<li><span class=\"dcc-bad\">Another tool's layout</span>: the cache holds what ")
                    .text(insight.otherLayout()).raw(" writes, not what ").text(entry.kind()).raw(" does.</li>\n");
        }
        html.raw("</ul>\n");
    }

    private static void skipped(Html html, CacheReport report) {
        html.raw("<section aria-labelledby=\"dcc-mounts\">\n<h2 id=\"dcc-mounts\">Mounts that are not caches</h2>\n");
        if (report.skipped().isEmpty()) {
            html.raw("<p>None: every mount of the dev container configuration is a cache above, or there is no")
                    .raw(" dev container configuration.</p>\n</section>\n");
            return;
        }
        html.raw("<div class=\"dcc-scroll\"><table class=\"dcc-skipped\">\n<caption>")
                .text(count(report.skipped().size()))
                .raw(report.skipped().size() == 1 ? " mount" : " mounts")
                .raw(" of the dev container configuration left out of the report, with why</caption>\n")
                .raw("<thead><tr><th scope=\"col\">where</th><th scope=\"col\">mount</th><th scope=\"col\">target</th>")
                .raw("<th scope=\"col\">why</th></tr></thead>\n<tbody>\n");
        for (SkippedMount mount : report.skipped()) {
            html.raw("<tr><td><code>").text(String.valueOf(mount.origin())).raw("</code></td><td><code>")
                    .text(mount.source() == null ? "(anonymous)" : mount.source()).raw("</code></td><td><code>")
                    .text(orUnknown(mount.target())).raw("</code></td><td>").text(mount.reason().why())
                    .raw("</td></tr>\n");
        }
        html.raw("</tbody>\n</table></div>\n</section>\n");
    }

    private static String orUnknown(String value) {
        return value == null ? "unknown" : value;
    }

    static String count(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}
