package io.github.devcontainercache.report;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.caches.SkippedMount;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.VolumeScan;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The report as a console table, as {@code report.json} (keys in a fixed order) and as {@code report.md}. */
public final class ReportWriter {

    private static final List<String> COLUMNS =
            List.of("volume", "kind", "content", "on disk", "budget", "in use by", "state");

    private ReportWriter() {}

    /** The aligned console table, one line per cache. */
    public static List<String> table(CacheReport report) {
        List<List<String>> rows = rows(report);
        int[] widths = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                widths[i] = Math.max(widths[i], row.get(i).length());
            }
        }
        List<String> lines = new ArrayList<>();
        for (List<String> row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                boolean number = i >= 2 && i <= 4;
                String padded = number ? " ".repeat(widths[i] - cell.length()) + cell
                        : cell + " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(padded);
            }
            lines.add(line.toString().stripTrailing());
        }
        return lines;
    }

    /** Which way each size was measured: on the mount point, by the engine's df, through the archive API. */
    public static List<String> sizeSources(CacheReport report) {
        List<String> lines = new ArrayList<>();
        byValue(report, ReportEntry::sizeSource).forEach((source, volumes) -> lines.add("Sizes measured " + (source.equals("engine df")
                ? "by the engine (GET /system/df)" : source.equals("mount point") ? "on the mount point"
                : "through the archive API") + ": " + String.join(", ", volumes)));
        return lines;
    }

    /**
     * What the two sizes are, how each cache's disk use was found, and which size its budget is held against: a
     * budget set from {@code du} must be read against what {@code du} counts.
     */
    public static List<String> diskSources(CacheReport report) {
        List<String> lines = new ArrayList<>();
        if (report.caches().stream().noneMatch(ReportEntry::exists)) {
            return lines;
        }
        lines.add("Sizes: 'content' is the bytes of the files (a hard-linked file once, as Docker counts a volume);"
                + " 'on disk' is the blocks they take, as du counts them.");
        // an existing cache whose disk use is not known is grouped under ""
        byValue(report, entry -> !entry.exists() ? null : entry.diskSource() == null ? "" : entry.diskSource()).forEach((source, volumes) -> lines.add("Disk use " + switch (source) {
            case DiskSize.DU -> "measured by du on the mount point";
            case DiskSize.ESTIMATED_WALK -> "estimated from the mount point walk (du did not answer)";
            case DiskSize.ESTIMATED_STREAM -> "estimated from the archive API stream (each file in whole 4 KiB"
                    + " blocks, a block per folder: the archive tells sizes, not blocks)";
            default -> "not known where only the engine's df was asked (it counts content; estimated with"
                    + " -Ddevcontainer-cache.content=full)";
        } + ": " + String.join(", ", volumes)));
        byValue(report, ReportEntry::budgetBasis).forEach((basis, volumes) -> lines.add("Budgets held against " + (basis.equals("disk")
                ? "the disk use (-Ddevcontainer-cache.budgetSize=content for the content)"
                : "the content") + ": " + String.join(", ", volumes)));
        return lines;
    }

    /** The caches' volumes grouped by a value of theirs, in the order first seen; a cache whose value is null is left out. */
    private static Map<String, List<String>> byValue(CacheReport report,
            java.util.function.Function<ReportEntry, String> value) {
        Map<String, List<String>> volumes = new java.util.LinkedHashMap<>();
        for (ReportEntry entry : report.caches()) {
            String key = value.apply(entry);
            if (key != null) {
                volumes.computeIfAbsent(key, k -> new ArrayList<>()).add(entry.volume());
            }
        }
        return volumes;
    }

    /** The mounts of the dev container configurations that are not caches, each with where and why. */
    public static List<String> skippedLines(CacheReport report) {
        List<String> lines = new ArrayList<>();
        if (!report.skipped().isEmpty()) {
            lines.add("Mounts that are not caches (" + report.skipped().size() + "):");
            for (SkippedMount mount : report.skipped()) {
                lines.add("  " + skipped(mount));
            }
        }
        return lines;
    }

    /** {@code FILE:LINE: SOURCE -> TARGET: WHY}. */
    static String skipped(SkippedMount mount) {
        return mount.origin() + ": " + mount.shownSource() + " -> "
                + mount.target() + ": " + mount.reason().why();
    }

    /**
     * How each cache's content was read, and what a report that read only the stat of known files leaves out and how
     * to have it.
     */
    public static List<String> contentSources(CacheReport report) {
        List<String> lines = new ArrayList<>();
        byValue(report, ReportEntry::contentSource).forEach((source, volumes) -> lines.add("Content read " + switch (source) {
            case Reporter.CONTENT_WALK -> "by a walk of the mount point";
            case Reporter.CONTENT_STREAM -> "through the archive API, every entry";
            default -> "through the archive API, only the root's owner and the stat of known files (file counts,"
                    + " largest files and pip's layout with -Ddevcontainer-cache.content=full)";
        } + ": " + String.join(", ", volumes)));
        return lines;
    }

    /** How many of a cache's largest items the console names. */
    static final int ITEMS_SHOWN = 5;

    /** For each cache read entry by entry, what takes the room in its tool's terms, the largest first. */
    public static List<String> insightLines(CacheReport report) {
        List<String> lines = new ArrayList<>();
        for (ReportEntry entry : report.caches()) {
            if (entry.insight() == null || entry.insight().findings().items().isEmpty()) {
                continue;
            }
            lines.add(itemsLine(entry.volume(), entry.insight().findings(), ITEMS_SHOWN));
        }
        return lines;
    }

    /** {@code What takes the room in VOLUME (UNIT): a 1.2 GB, b 300 MB (of N)}. */
    public static String itemsLine(String volume, io.github.devcontainercache.content.kinds.Findings findings, int limit) {
        List<io.github.devcontainercache.content.kinds.Findings.Item> items = findings.items();
        String named = items.subList(0, Math.min(limit, items.size())).stream()
                .map(item -> item.name() + " " + ByteSize.format(item.sizeBytes()))
                .collect(Collectors.joining(", "));
        return "What takes the room in " + volume + " (" + findings.unit() + "): " + named
                + (findings.itemCount() > Math.min(limit, items.size()) ? ", ... (" + findings.itemCount() + " in all)" : "");
    }

    /** The same table in Markdown, ready for a CI summary. */
    public static String markdown(CacheReport report) {
        List<List<String>> rows = rows(report);
        StringBuilder md = new StringBuilder("# Dev container caches\n\n");
        md.append("Engine: ").append(report.endpoint()).append(" (").append(report.engineVersion())
                .append(", API ").append(report.apiVersion()).append("), ").append(report.generatedAt()).append("\n\n");
        if (report.caches().isEmpty()) {
            md.append("No cache is declared or discovered.\n");
        } else {
            md.append("| ").append(String.join(" | ", rows.get(0))).append(" |\n");
            md.append("| --- | --- | ---: | ---: | ---: | --- | --- |\n");
            for (List<String> row : rows.subList(1, rows.size())) {
                md.append("| ").append(row.stream().map(ReportWriter::markdownCell).collect(Collectors.joining(" | ")))
                        .append(" |\n");
            }
            md.append("\n").append(String.join("\n", diskSources(report).stream().map(l -> "- " + l).toList()))
                    .append("\n");
        }
        if (!report.skipped().isEmpty()) {
            md.append("\n## Mounts that are not caches\n\n| where | mount | target | why |\n| --- | --- | --- | --- |\n");
            for (SkippedMount mount : report.skipped()) {
                md.append("| ").append(markdownCell(mount.origin().toString())).append(" | ")
                        .append(markdownCell(mount.shownSource())).append(" | ")
                        .append(markdownCell(mount.target())).append(" | ").append(markdownCell(mount.reason().why()))
                        .append(" |\n");
            }
        }
        return md.toString();
    }

    private static String markdownCell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static List<List<String>> rows(CacheReport report) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        for (ReportEntry entry : report.caches()) {
            rows.add(List.of(
                    entry.volume(),
                    entry.kind(),
                    entry.sizeBytes() == null ? "-" : ByteSize.format(entry.sizeBytes()),
                    entry.diskBytes() == null ? "-"
                            : (DiskSize.measured(entry.diskSource()) ? "" : "~") + ByteSize.format(entry.diskBytes()),
                    entry.budgetBytes() == null ? "-" : ByteSize.format(entry.budgetBytes()),
                    entry.inUseBy().isEmpty() ? "-" : entry.inUseBy().stream()
                            .map(c -> c.name() + " (" + c.state() + ")")
                            .collect(Collectors.joining(", ")),
                    entry.state()));
        }
        return rows;
    }

    /** {@code report.json}: keys always in the same order, sizes in bytes, unknown values as null. */
    public static String json(CacheReport report) {
        StringWriter text = new StringWriter();
        try (JsonGenerator json = new JsonFactory().createGenerator(text)) {
            json.useDefaultPrettyPrinter();
            json.writeStartObject();
            json.writeObjectFieldStart("engine");
            json.writeStringField("endpoint", report.endpoint());
            json.writeStringField("version", report.engineVersion());
            json.writeStringField("apiVersion", report.apiVersion());
            json.writeEndObject();
            json.writeStringField("generatedAt", report.generatedAt());
            json.writeArrayFieldStart("caches");
            for (ReportEntry entry : report.caches()) {
                writeEntry(json, entry, report.hits().get(entry.volume()));
            }
            json.writeEndArray();
            json.writeArrayFieldStart("skipped");
            for (SkippedMount mount : report.skipped()) {
                json.writeStartObject();
                json.writeStringField("source", mount.source());
                json.writeStringField("target", mount.target());
                json.writeStringField("reason", mount.reason().id());
                json.writeStringField("origin", mount.origin().toString());
                json.writeStringField("why", mount.reason().why());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static void writeEntry(JsonGenerator json, ReportEntry entry, CacheHit hit) throws IOException {
        json.writeStartObject();
        json.writeStringField("volume", entry.volume());
        json.writeStringField("kind", entry.kind());
        json.writeBooleanField("exists", entry.exists());
        writeNumber(json, "sizeBytes", entry.sizeBytes());
        json.writeStringField("sizeSource", entry.sizeSource());
        writeNumber(json, "diskBytes", entry.diskBytes());
        json.writeStringField("diskSource", entry.diskSource());
        json.writeStringField("contentSource", entry.contentSource());
        writeNumber(json, "files", entry.files());
        writeNumber(json, "budgetBytes", entry.budgetBytes());
        json.writeStringField("budgetBasis", entry.budgetBasis());
        if (entry.overBudget() == null) {
            json.writeNullField("overBudget");
        } else {
            json.writeBooleanField("overBudget", entry.overBudget());
        }
        json.writeArrayFieldStart("inUseBy");
        for (ReportEntry.Container container : entry.inUseBy()) {
            json.writeString(container.name());
        }
        json.writeEndArray();
        json.writeArrayFieldStart("containers");
        for (ReportEntry.Container container : entry.inUseBy()) {
            json.writeStartObject();
            json.writeStringField("name", container.name());
            json.writeStringField("state", container.state());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("owner", entry.owner());
        writeFiles(json, "models", entry.models());
        writeFiles(json, "checksums", entry.checksums());
        json.writeObjectFieldStart("pip");
        for (Map.Entry<String, VolumeScan.Part> part : entry.pip().entrySet()) {
            json.writeObjectFieldStart(part.getKey());
            json.writeNumberField("sizeBytes", part.getValue().sizeBytes());
            json.writeNumberField("files", part.getValue().files());
            json.writeEndObject();
        }
        json.writeEndObject();
        json.writeArrayFieldStart("largestFiles");
        for (FileEntry file : entry.largestFiles()) {
            json.writeStartObject();
            json.writeStringField("file", file.path());
            json.writeNumberField("sizeBytes", file.sizeBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeStringField("source", entry.source());
        writeInsight(json, entry.insight());
        if (hit == null) {
            json.writeNullField("restore");
        } else {
            json.writeObjectFieldStart("restore");
            json.writeStringField("key", hit.key());
            json.writeStringField("cacheHit", hit.cacheHit());
            json.writeStringField("matchedKey", hit.matchedKey());
            json.writeBooleanField("restored", hit.restored());
            json.writeEndObject();
        }
        json.writeEndObject();
    }

    private static void writeInsight(JsonGenerator json, Insight insight) throws IOException {
        if (insight == null) {
            json.writeNullField("insight");
            return;
        }
        json.writeObjectFieldStart("insight");
        io.github.devcontainercache.content.kinds.Findings findings = insight.findings();
        json.writeStringField("unit", findings.unit());
        json.writeNumberField("itemCount", findings.itemCount());
        json.writeArrayFieldStart("items");
        for (io.github.devcontainercache.content.kinds.Findings.Item item : findings.items()) {
            json.writeStartObject();
            json.writeStringField("name", item.name());
            json.writeNumberField("sizeBytes", item.sizeBytes());
            json.writeNumberField("files", item.files());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeNumberField("verifiedFiles", findings.verified());
        json.writeArrayFieldStart("broken");
        for (io.github.devcontainercache.content.kinds.Findings.Broken broken : findings.broken()) {
            json.writeStartObject();
            json.writeStringField("entry", broken.entry());
            json.writeStringField("problem", broken.problem());
            json.writeArrayFieldStart("files");
            for (String file : broken.files()) {
                json.writeString(file);
            }
            json.writeEndArray();
            json.writeNumberField("sizeBytes", broken.sizeBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        json.writeArrayFieldStart("unfinishedDownloads");
        for (FileEntry file : insight.unfinished()) {
            json.writeStartObject();
            json.writeStringField("file", file.path());
            json.writeNumberField("sizeBytes", file.sizeBytes());
            json.writeEndObject();
        }
        json.writeEndArray();
        if (insight.foreignOwners() == null) {
            json.writeNullField("foreignOwners");
        } else {
            json.writeObjectFieldStart("foreignOwners");
            json.writeNumberField("files", insight.foreignOwners().files());
            json.writeNumberField("sizeBytes", insight.foreignOwners().sizeBytes());
            json.writeStringField("firstOwner", insight.foreignOwners().firstOwner() == null ? null
                    : insight.foreignOwners().firstOwner().toString());
            json.writeArrayFieldStart("examples");
            for (String file : insight.foreignOwners().examples()) {
                json.writeString(file);
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        json.writeStringField("otherLayout", insight.otherLayout());
        json.writeEndObject();
    }

    private static void writeFiles(JsonGenerator json, String name, List<CheckedFile> files) throws IOException {
        json.writeArrayFieldStart(name);
        for (CheckedFile file : files) {
            json.writeStartObject();
            json.writeStringField("file", file.file());
            writeNumber(json, "sizeBytes", file.sizeBytes() < 0 ? null : file.sizeBytes());
            json.writeStringField("status", file.status().id());
            json.writeEndObject();
        }
        json.writeEndArray();
    }

    private static void writeNumber(JsonGenerator json, String name, Long value) throws IOException {
        if (value == null) {
            json.writeNullField(name);
        } else {
            json.writeNumberField(name, value);
        }
    }
}
