package io.github.devcontainercache.report;

import io.github.devcontainercache.caches.ByteSize;
import java.util.List;

/**
 * The report's bar chart, in inline SVG: one row per cache, the size its budget is held against as a bar, the budget
 * as a mark with the room it leaves, an over-budget bar hatched, outlined and labelled. One pattern and one clip are
 * shared by every row, so 200 rows stay light.
 */
final class HtmlChart {

    // The chart's geometry, in SVG user units: the SVG scales down to narrow screens but never up.
    private static final int CHART_WIDTH = 1100;
    private static final int NAME_X = 6;
    private static final int NAME_CHARS = 26;
    private static final int TRACK_X = 220;
    private static final int TRACK_WIDTH = 480;
    private static final int SIZE_X = TRACK_X + TRACK_WIDTH + 28;
    private static final int BUDGET_X = SIZE_X + 134;
    private static final int FLAG_X = BUDGET_X + 132;
    private static final int AXIS_HEIGHT = 30;
    private static final int ROW_HEIGHT = 30;
    private static final int BAR_HEIGHT = 18;

    private HtmlChart() {}

    /** The size a bar shows and which size it is. */
    private record Bar(long bytes, String label) {}

    /** What the budget is held against when there is one; else the disk use where known, else the content. */
    private static Bar bar(ReportEntry entry) {
        if (!entry.exists()) {
            return new Bar(0, "missing");
        }
        if (entry.budgetBytes() != null && entry.budgetedBytes() != null) {
            boolean disk = "disk".equals(entry.budgetBasis());
            return new Bar(entry.budgetedBytes(), disk ? diskSize(entry) : ByteSize.format(entry.sizeBytes())
                    + " content");
        }
        if (entry.diskBytes() != null) {
            return new Bar(entry.diskBytes(), diskSize(entry));
        }
        if (entry.sizeBytes() != null) {
            return new Bar(entry.sizeBytes(), ByteSize.format(entry.sizeBytes()) + " content");
        }
        return new Bar(0, "size unknown");
    }

    /** The disk use, with a {@code ~} when it was estimated rather than measured by {@code du}. */
    static String diskSize(ReportEntry entry) {
        return (DiskSize.measured(entry.diskSource()) ? "" : "~") + ByteSize.format(entry.diskBytes())
                + " on disk";
    }

    static boolean over(ReportEntry entry) {
        return Boolean.TRUE.equals(entry.overBudget());
    }

    static void write(Html html, CacheReport report) {
        List<ReportEntry> caches = report.caches();
        long scale = 1;
        for (ReportEntry entry : caches) {
            scale = Math.max(scale, bar(entry).bytes());
            if (entry.budgetBytes() != null) {
                scale = Math.max(scale, entry.budgetBytes());
            }
        }
        int height = AXIS_HEIGHT + caches.size() * ROW_HEIGHT + 6;
        html.raw("<section aria-labelledby=\"dcc-sizes\">\n<h2 id=\"dcc-sizes\">Sizes and budgets</h2>\n")
                .raw("<ul class=\"dcc-legend\">")
                .raw("<li><svg width=\"22\" height=\"14\" aria-hidden=\"true\"><rect class=\"dcc-bar-fill\"")
                .raw(" width=\"22\" height=\"14\"/></svg>the size each budget is held against; without a budget, the")
                .raw(" disk use where known, else the content</li>")
                .raw("<li><svg width=\"30\" height=\"16\" aria-hidden=\"true\"><rect class=\"dcc-budget-room\"")
                .raw(" y=\"1\" width=\"28\" height=\"14\"/><line class=\"dcc-budget\" x1=\"28\" x2=\"28\" y1=\"0\"")
                .raw(" y2=\"16\"/></svg>budget, and the room it leaves</li>")
                .raw("<li><svg class=\"dcc-over\" width=\"22\" height=\"14\" aria-hidden=\"true\">")
                .raw("<rect class=\"dcc-bar-fill\" x=\"1\" y=\"1\" width=\"20\" height=\"12\"/></svg>")
                .raw("over budget: hatched, outlined and said</li>")
                .raw("<li>~ estimated disk use</li></ul>\n");
        html.raw("<svg class=\"dcc-chart\" role=\"img\" aria-labelledby=\"dcc-chart-title dcc-chart-desc\"")
                .raw(" viewBox=\"0 0 ").num(CHART_WIDTH).raw(" ").num(height).raw("\" width=\"").num(CHART_WIDTH)
                .raw("\" height=\"").num(height).raw("\">\n<title id=\"dcc-chart-title\">Size of each cache</title>\n")
                .raw("<desc id=\"dcc-chart-desc\">One bar per cache, on one scale up to ").text(ByteSize.format(scale))
                .raw("; the table below gives the same figures.</desc>\n")
                // one hatch and one clip shared by every row: no per-bar filter, so 200 rows stay light
                .raw("<defs><pattern id=\"dcc-hatch\" width=\"8\" height=\"8\" patternUnits=\"userSpaceOnUse\"")
                .raw(" patternTransform=\"rotate(45)\"><rect class=\"dcc-hatch-bg\" width=\"8\" height=\"8\"/>")
                .raw("<line class=\"dcc-hatch-line\" x1=\"0\" y1=\"0\" x2=\"0\" y2=\"8\"/></pattern>")
                .raw("<clipPath id=\"dcc-name-clip\"><rect width=\"").num(TRACK_X - 10).raw("\" height=\"")
                .num(ROW_HEIGHT).raw("\"/></clipPath></defs>\n");
        axis(html, scale, height);
        for (int i = 0; i < caches.size(); i++) {
            barRow(html, caches.get(i), i, scale);
        }
        html.raw("</svg>\n</section>\n");
    }

    /** Stripes behind every other row and the scale's ticks at round sizes, so bars far apart can be compared. */
    private static void axis(Html html, long scale, int height) {
        html.raw("<g class=\"dcc-axis\" aria-hidden=\"true\">\n");
        for (int row = 1; row * ROW_HEIGHT < height - AXIS_HEIGHT - 6; row += 2) {
            html.raw("<rect class=\"dcc-stripe\" y=\"").num(AXIS_HEIGHT + row * ROW_HEIGHT).raw("\" width=\"")
                    .num(CHART_WIDTH).raw("\" height=\"").num(ROW_HEIGHT).raw("\"/>\n");
        }
        html.raw("<text x=\"").num(NAME_X).raw("\" y=\"16\">volume</text><text x=\"").num(SIZE_X)
                .raw("\" y=\"16\">size shown</text><text x=\"").num(BUDGET_X).raw("\" y=\"16\">budget</text>\n");
        long step = tickStep(scale);
        for (long tick = 0; tick <= scale; tick += step) {
            double at = TRACK_X + (double) tick / scale * TRACK_WIDTH;
            String x = Html.coordinate(at);
            // a label at the track's end is right-aligned, clear of the size column
            html.raw("<line class=\"dcc-grid\" x1=\"").raw(x).raw("\" x2=\"").raw(x).raw("\" y1=\"")
                    .num(AXIS_HEIGHT - 6).raw("\" y2=\"").num(height - 4).raw("\"/><text x=\"").raw(x)
                    .raw("\" y=\"16\" text-anchor=\"").raw(at > TRACK_X + TRACK_WIDTH - 36 ? "end" : "middle")
                    .raw("\">").text(tick == 0 ? "0" : ByteSize.format(tick))
                    .raw("</text>\n");
        }
        html.raw("</g>\n");
    }

    /** A round step (a quarter, a half, 1, 2, 5... of a binary unit) that gives at most five ticks past zero. */
    static long tickStep(long scale) {
        long unit = 1;
        while (unit <= scale / 1024) {
            unit *= 1024;
        }
        for (double factor : new double[] {0.25, 0.5, 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000}) {
            long step = Math.round(factor * unit);
            if (step >= 1 && scale / step <= 5) {
                return step;
            }
        }
        return Math.max(1, scale);
    }

    private static void barRow(Html html, ReportEntry entry, int index, long scale) {
        Bar bar = bar(entry);
        boolean over = over(entry);
        String volume = entry.volume();
        html.raw("<g class=\"dcc-bar").raw(over ? " dcc-over" : "").raw(entry.exists() ? "" : " dcc-missing")
                .raw("\" data-volume=\"").text(volume).raw("\" data-bytes=\"").num(bar.bytes())
                .raw("\" data-over-budget=\"").raw(String.valueOf(over)).raw("\" transform=\"translate(0,")
                .num(AXIS_HEIGHT + index * ROW_HEIGHT).raw(")\">\n<title>").text(volume).raw(": ").text(bar.label())
                .text(entry.budgetBytes() == null ? "" : ", budget " + ByteSize.format(entry.budgetBytes()))
                .text(over ? ", over budget" : "").raw("</title>\n");
        int top = (ROW_HEIGHT - BAR_HEIGHT) / 2;
        if (entry.budgetBytes() != null) {
            // the room the budget leaves, pale behind the bar: how full each cache is reads at a glance
            html.raw("<rect class=\"dcc-budget-room\" x=\"").num(TRACK_X).raw("\" y=\"").num(top).raw("\" width=\"")
                    .raw(Html.coordinate((double) entry.budgetBytes() / scale * TRACK_WIDTH)).raw("\" height=\"")
                    .num(BAR_HEIGHT).raw("\"/>\n");
        }
        double width = bar.bytes() == 0 ? 0 : Math.max(2, (double) bar.bytes() / scale * TRACK_WIDTH);
        html.raw("<rect class=\"dcc-bar-fill\" x=\"")
                .num(TRACK_X).raw("\" y=\"").num(top).raw("\" width=\"").raw(Html.coordinate(width)).raw("\" height=\"")
                .num(BAR_HEIGHT).raw("\" rx=\"2\"/>\n");
        // names longer than their column are cut with an ellipsis, and clipped in case a font runs wide
        String shown = volume.length() > NAME_CHARS ? volume.substring(0, NAME_CHARS - 1) + "…" : volume;
        int baseline = ROW_HEIGHT / 2 + 5;
        html.raw("<text class=\"dcc-bar-name\" x=\"").num(NAME_X).raw("\" y=\"").num(baseline)
                .raw("\" clip-path=\"url(#dcc-name-clip)\">").text(shown).raw("</text>\n");
        html.raw("<text class=\"dcc-bar-size\" x=\"").num(SIZE_X).raw("\" y=\"").num(baseline).raw("\">")
                .text(bar.label()).raw("</text>\n");
        if (entry.budgetBytes() != null) {
            String x = Html.coordinate(TRACK_X + (double) entry.budgetBytes() / scale * TRACK_WIDTH);
            html.raw("<line class=\"dcc-budget\" x1=\"").raw(x).raw("\" x2=\"").raw(x).raw("\" y1=\"2\" y2=\"")
                    .num(ROW_HEIGHT - 2).raw("\"/>\n<text class=\"dcc-budget-label\" x=\"").num(BUDGET_X)
                    .raw("\" y=\"").num(baseline).raw("\">budget ").text(ByteSize.format(entry.budgetBytes()))
                    .raw("</text>\n");
        }
        if (over) {
            html.raw("<rect class=\"dcc-flag-box\" x=\"").num(FLAG_X - 6).raw("\" y=\"").num(top - 1)
                    .raw("\" width=\"90\" height=\"").num(BAR_HEIGHT + 2).raw("\" rx=\"9\"/>\n")
                    .raw("<text class=\"dcc-flag\" x=\"").num(FLAG_X + 39).raw("\" y=\"").num(baseline)
                    .raw("\" text-anchor=\"middle\">over budget</text>\n");
        }
        html.raw("</g>\n");
    }
}
