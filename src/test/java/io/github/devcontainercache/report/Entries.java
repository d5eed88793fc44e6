package io.github.devcontainercache.report;

import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.VolumeScan;
import java.util.List;
import java.util.Map;

/** Report entries for the report tests, built without an engine. */
final class Entries {

    static final long GIB = 1L << 30;
    static final long MIB = 1L << 20;

    private Entries() {}

    static ReportEntry existing(String volume, String kind, Long size, Long budget, List<ReportEntry.Container> users) {
        return new ReportEntry(volume, kind, true, size, "mount point", "mount point walk", 3L, budget,
                budget == null || size == null ? null : size > budget, users, "1000:1000", List.of(), List.of(),
                Map.of(), List.of(), "pom.xml", null);
    }

    static ReportEntry missing(String volume, String kind, Long budget) {
        return new ReportEntry(volume, kind, false, null, null, null, null, budget, null, List.of(), null, List.of(),
                List.of(), Map.of(), List.of(), "pom.xml", null);
    }

    static ReportEntry withFiles(ReportEntry entry, List<CheckedFile> models, List<CheckedFile> checksums) {
        return new ReportEntry(entry.volume(), entry.kind(), entry.exists(), entry.sizeBytes(), entry.sizeSource(),
                entry.contentSource(), entry.files(), entry.budgetBytes(), entry.overBudget(), entry.inUseBy(), entry.owner(), models,
                checksums, entry.pip(), entry.largestFiles(), entry.source(), entry.insight());
    }

    static ReportEntry withOverBudget(ReportEntry entry, Boolean overBudget) {
        return new ReportEntry(entry.volume(), entry.kind(), entry.exists(), entry.sizeBytes(), entry.sizeSource(),
                entry.contentSource(), entry.files(), entry.budgetBytes(), overBudget, entry.inUseBy(), entry.owner(), entry.models(),
                entry.checksums(), entry.pip(), entry.largestFiles(), entry.source(), entry.insight());
    }

    static ReportEntry withSizeSource(ReportEntry entry, String sizeSource) {
        return new ReportEntry(entry.volume(), entry.kind(), entry.exists(), entry.sizeBytes(), sizeSource,
                entry.contentSource(), entry.files(), entry.budgetBytes(), entry.overBudget(), entry.inUseBy(), entry.owner(), entry.models(),
                entry.checksums(), entry.pip(), entry.largestFiles(), entry.source(), entry.insight());
    }

    static ReportEntry withContentSource(ReportEntry entry, String contentSource) {
        return new ReportEntry(entry.volume(), entry.kind(), entry.exists(), entry.sizeBytes(), entry.sizeSource(),
                contentSource, entry.files(), entry.budgetBytes(), entry.overBudget(), entry.inUseBy(), entry.owner(),
                entry.models(), entry.checksums(), entry.pip(), entry.largestFiles(), entry.source(), entry.insight());
    }

    static ReportEntry withInsight(ReportEntry entry, Insight insight) {
        return new ReportEntry(entry.volume(), entry.kind(), entry.exists(), entry.sizeBytes(), entry.sizeSource(),
                entry.contentSource(), entry.files(), entry.budgetBytes(), entry.overBudget(), entry.inUseBy(), entry.owner(),
                entry.models(), entry.checksums(), entry.pip(), entry.largestFiles(), entry.source(), insight);
    }

    /** An insight of these findings, with nothing unfinished, no foreign owners and the cache's own layout. */
    static Insight insight(io.github.devcontainercache.content.kinds.Findings findings) {
        return new Insight(findings, List.of(), null, null);
    }

    static CheckedFile file(String name, long size, FileStatus status) {
        return new CheckedFile(name, size, "0".repeat(64), size, status);
    }

    static ReportEntry.Container container(String name, String state) {
        return new ReportEntry.Container(name, state);
    }

    /** A pip cache with everything filled in. */
    static ReportEntry fullPip() {
        Map<String, VolumeScan.Part> pip = new java.util.LinkedHashMap<>();
        pip.put("http-v2", new VolumeScan.Part(900, 20));
        pip.put("wheels", new VolumeScan.Part(100, 1));
        return new ReportEntry("pip-cache", "pip", true, 1000L, "engine df", "archive API stream", 21L, 2000L, false,
                List.of(container("dev", "running"), container("old", "exited")), "1000:1000", List.of(),
                List.of(file("sums/a.bin", 5, FileStatus.OK)), pip,
                List.of(new FileEntry("wheels/x.whl", 100), new FileEntry("http-v2/a", 50)), "pom.xml", null);
    }
}
