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
        return new ReportEntry(volume, kind, true, size, "mount point", size, "du on the mount point",
                "mount point walk", 3L, budget, budget == null ? null : "disk",
                budget == null || size == null ? null : size > budget, users, "1000:1000", List.of(), List.of(),
                Map.of(), List.of(), "pom.xml", null);
    }

    static ReportEntry missing(String volume, String kind, Long budget) {
        return new ReportEntry(volume, kind, false, null, null, null, null, null, null, budget, null, null, List.of(),
                null, List.of(), List.of(), Map.of(), List.of(), "pom.xml", null);
    }

    static ReportEntry withFiles(ReportEntry e, List<CheckedFile> models, List<CheckedFile> checksums) {
        return new ReportEntry(e.volume(), e.kind(), e.exists(), e.sizeBytes(), e.sizeSource(), e.diskBytes(),
                e.diskSource(), e.contentSource(), e.files(), e.budgetBytes(), e.budgetBasis(), e.overBudget(),
                e.inUseBy(), e.owner(), models, checksums, e.pip(), e.largestFiles(), e.source(), e.insight());
    }

    static ReportEntry withOverBudget(ReportEntry e, Boolean overBudget) {
        return new ReportEntry(e.volume(), e.kind(), e.exists(), e.sizeBytes(), e.sizeSource(), e.diskBytes(),
                e.diskSource(), e.contentSource(), e.files(), e.budgetBytes(), e.budgetBasis(), overBudget,
                e.inUseBy(), e.owner(), e.models(), e.checksums(), e.pip(), e.largestFiles(), e.source(), e.insight());
    }

    static ReportEntry withSizeSource(ReportEntry e, String sizeSource) {
        return new ReportEntry(e.volume(), e.kind(), e.exists(), e.sizeBytes(), sizeSource, e.diskBytes(),
                e.diskSource(), e.contentSource(), e.files(), e.budgetBytes(), e.budgetBasis(), e.overBudget(),
                e.inUseBy(), e.owner(), e.models(), e.checksums(), e.pip(), e.largestFiles(), e.source(), e.insight());
    }

    static ReportEntry withDisk(ReportEntry e, Long diskBytes, String diskSource) {
        return new ReportEntry(e.volume(), e.kind(), e.exists(), e.sizeBytes(), e.sizeSource(), diskBytes,
                diskSource, e.contentSource(), e.files(), e.budgetBytes(), e.budgetBasis(), e.overBudget(),
                e.inUseBy(), e.owner(), e.models(), e.checksums(), e.pip(), e.largestFiles(), e.source(), e.insight());
    }

    static ReportEntry withContentSource(ReportEntry e, String contentSource) {
        return new ReportEntry(e.volume(), e.kind(), e.exists(), e.sizeBytes(), e.sizeSource(), e.diskBytes(),
                e.diskSource(), contentSource, e.files(), e.budgetBytes(), e.budgetBasis(), e.overBudget(),
                e.inUseBy(), e.owner(), e.models(), e.checksums(), e.pip(), e.largestFiles(), e.source(), e.insight());
    }

    static ReportEntry withInsight(ReportEntry e, Insight insight) {
        return new ReportEntry(e.volume(), e.kind(), e.exists(), e.sizeBytes(), e.sizeSource(), e.diskBytes(),
                e.diskSource(), e.contentSource(), e.files(), e.budgetBytes(), e.budgetBasis(), e.overBudget(),
                e.inUseBy(), e.owner(), e.models(), e.checksums(), e.pip(), e.largestFiles(), e.source(), insight);
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
        return new ReportEntry("pip-cache", "pip", true, 1000L, "engine df", 86016L, "estimated from the archive API stream",
                "archive API stream", 21L, 2000L, "content", false,
                List.of(container("dev", "running"), container("old", "exited")), "1000:1000", List.of(),
                List.of(file("sums/a.bin", 5, FileStatus.OK)), pip,
                List.of(new FileEntry("wheels/x.whl", 100), new FileEntry("http-v2/a", 50)), "pom.xml", null);
    }
}
