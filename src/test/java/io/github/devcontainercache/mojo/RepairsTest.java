package io.github.devcontainercache.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.kinds.Findings;
import io.github.devcontainercache.report.CacheReport;
import io.github.devcontainercache.report.Insight;
import io.github.devcontainercache.report.ReportEntry;
import io.github.devcontainercache.report.Reporter;
import io.github.devcontainercache.volumes.CacheRepair;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a verifying report found that a repair removes, by volume. */
class RepairsTest {

    private static ReportEntry entry(String volume, boolean exists, List<CheckedFile> models, Insight insight) {
        return new ReportEntry(volume, "generic", exists, exists ? 100L : null, null, null, null, null, null, null, null,
                null, List.of(),
                null, models, List.of(), Map.of(), List.of(), "pom.xml", insight);
    }

    private static CheckedFile model(String file, long size, FileStatus status) {
        return new CheckedFile(file, size, "0".repeat(64), 1000, status);
    }

    private static Map<String, List<CacheRepair.Entry>> of(ReportEntry... entries) {
        return Repairs.of(new Reporter.Result(new CacheReport("unix:///var/run/docker.sock", "27.3.1", "1.47",
                "2025-01-02T03:04:05Z", List.of(entries)), List.of(), List.of(), List.of()));
    }

    @Test
    void corruptAndPartialModelsAreRemovedTheOthersKept() {
        ReportEntry whisper = entry("whisper", true, List.of(
                model("tiny.pt", 1000, FileStatus.CORRUPT),
                model("base.pt", 10, FileStatus.PARTIAL),
                model("small.pt", 1000, FileStatus.OK),
                model("medium.pt", 1000, FileStatus.UNVERIFIED),
                model("large.pt", -1, FileStatus.MISSING)), null);
        assertThat(of(whisper)).containsExactly(Map.entry("whisper", List.of(
                new CacheRepair.Entry("tiny.pt (corrupt)", List.of("tiny.pt"), 1000),
                new CacheRepair.Entry("base.pt (partial)", List.of("base.pt"), 10))));
    }

    @Test
    void aModelOfUnknownSizeCountsNoBytes() {
        assertThat(of(entry("whisper", true, List.of(model("tiny.pt", -1, FileStatus.CORRUPT)), null)))
                .containsExactly(Map.entry("whisper", List.of(
                        new CacheRepair.Entry("tiny.pt (corrupt)", List.of("tiny.pt"), 0))));
    }

    @Test
    void brokenEntriesWithFilesAndUnfinishedDownloadsAreRemoved() {
        Findings findings = new Findings("artifacts", List.of(), 0, 5, List.of(
                new Findings.Broken("org.a:b:1", "cut short", List.of("repository/a/b-1.jar", "repository/a/b-1.pom"),
                        300),
                new Findings.Broken("repository/x", "cannot be read", List.of(), 0)));
        Insight insight = new Insight(findings, List.of(new FileEntry("repository/c.jar.part", 7)), null, null);
        assertThat(of(entry("m2", true, List.of(), insight))).containsExactly(Map.entry("m2", List.of(
                new CacheRepair.Entry("org.a:b:1", List.of("repository/a/b-1.jar", "repository/a/b-1.pom"), 300),
                new CacheRepair.Entry("unfinished download", List.of("repository/c.jar.part"), 7))));
    }

    @Test
    void everyExistingCacheIsAKeyInTheReportsOrderAndMissingOnesAreSkipped() {
        Map<String, List<CacheRepair.Entry>> byVolume = of(
                entry("b", true, List.of(), null),
                entry("gone", false, List.of(model("tiny.pt", 5, FileStatus.PARTIAL)), null),
                entry("a", true, List.of(), new Insight(new Findings("files", List.of(), 0, 0, List.of()), List.of(),
                        null, null)));
        assertThat(byVolume).containsExactly(Map.entry("b", List.of()), Map.entry("a", List.of()));
    }
}
