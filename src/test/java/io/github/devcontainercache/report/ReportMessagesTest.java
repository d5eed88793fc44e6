package io.github.devcontainercache.report;

import static io.github.devcontainercache.report.Entries.existing;
import static io.github.devcontainercache.report.Entries.insight;
import static io.github.devcontainercache.report.Entries.withInsight;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.kinds.CachePass;
import io.github.devcontainercache.content.kinds.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The texts of the report and its integrity checks, exactly. */
class ReportMessagesTest {

    private static final String NL = System.lineSeparator();

    @Test
    void overBudget() {
        assertThat(ReportMessages.overBudget("pip-cache", 3L << 30, "content", 2L << 30)).isEqualTo(
                "Cache 'pip-cache' holds 3.0 GiB (3221225472 bytes of content), over its budget of 2.0 GiB"
                        + " (2147483648 bytes). Look at its largest files in target/devcontainer-cache/report.json,"
                        + " clear it, or raise <budget>.");
        assertThat(ReportMessages.overBudget("pip-cache", 3L << 30, "disk", 2L << 30)).startsWith(
                "Cache 'pip-cache' takes 3.0 GiB (3221225472 bytes on disk), over its budget of 2.0 GiB");
    }

    @Test
    void fileCorruptWithTarget() {
        assertThat(ReportMessages.fileCorrupt("whisper-cache", "/home/vscode/.cache/whisper", "tiny.pt")).isEqualTo(
                "Cache 'whisper-cache': tiny.pt is corrupt (its SHA-256 is not the expected one). Remove the file"
                        + " (in the dev container: rm /home/vscode/.cache/whisper/tiny.pt) so that it is downloaded"
                        + " again, or remove the whole cache (docker volume rm whisper-cache).");
    }

    @Test
    void fileCorruptWithoutTarget() {
        assertThat(ReportMessages.fileCorrupt("whisper-cache", null, "tiny.pt")).isEqualTo(
                "Cache 'whisper-cache': tiny.pt is corrupt (its SHA-256 is not the expected one). Remove the file"
                        + " (in the dev container: rm <target>/tiny.pt) so that it is downloaded again, or remove the"
                        + " whole cache (docker volume rm whisper-cache).");
    }

    @Test
    void filePartial() {
        assertThat(ReportMessages.filePartial("whisper-cache", "/home/vscode/.cache/whisper", "tiny.pt", 1000, 75572083))
                .isEqualTo("Cache 'whisper-cache': tiny.pt is partial (1000 of 75572083 bytes), a download that"
                        + " stopped. Remove the file (in the dev container: rm /home/vscode/.cache/whisper/tiny.pt) so"
                        + " that it is downloaded again.");
        assertThat(ReportMessages.filePartial("w", null, "base.pt", 0, 145262807)).isEqualTo(
                "Cache 'w': base.pt is partial (0 of 145262807 bytes), a download that stopped. Remove the file (in"
                        + " the dev container: rm <target>/base.pt) so that it is downloaded again.");
    }

    @Test
    void fileMissing() {
        assertThat(ReportMessages.fileMissing("data", "models/a.bin", "checksums.sha256")).isEqualTo(
                "Cache 'data': models/a.bin, listed in checksums.sha256, is not in the cache.");
    }

    @Test
    void brokenEntryNamesItsFilesAndTheRepairOfJustThatCache() {
        Findings.Broken broken = new Findings.Broken("org.example:lib:1.0", "lib-1.0.jar is cut short",
                List.of("repository/org/example/lib/1.0/lib-1.0.jar", "repository/org/example/lib/1.0/lib-1.0.pom"),
                1536);
        assertThat(ReportMessages.brokenEntry("m2", "maven", broken)).isEqualTo(
                "Cache 'm2' (maven): org.example:lib:1.0 is broken: lib-1.0.jar is cut short. Remove just that entry"
                        + " (repository/org/example/lib/1.0/lib-1.0.jar, repository/org/example/lib/1.0/lib-1.0.pom;"
                        + " 1.5 KiB) with 'mvn devcontainer-cache:repair -Ddevcontainer-cache.only=m2', and the tool"
                        + " fetches it anew; the rest of the cache stays.");
    }

    @Test
    void brokenEntryWithoutFilesDoesNotPromiseARepairThatLeavesIt() {
        Findings.Broken unreadable = new Findings.Broken("wheels/x.whl", "cannot be read", List.of(), 0);
        assertThat(ReportMessages.brokenEntry("pip-cache", "pip", unreadable)).isEqualTo(
                "Cache 'pip-cache' (pip): wheels/x.whl is broken: cannot be read. No file of it is known, so"
                        + " devcontainer-cache:repair leaves it: look at it in the dev container, or remove the whole"
                        + " cache (docker volume rm pip-cache).");
    }

    @Test
    void oneUnfinishedDownload() {
        assertThat(ReportMessages.unfinishedDownloads("hf", List.of("hub/blobs/abc.incomplete"), 1024)).isEqualTo(
                "Cache 'hf' holds 1 unfinished download (hub/blobs/abc.incomplete; 1.0 KiB), and no running container"
                        + " uses it: whatever wrote it is gone. 'mvn devcontainer-cache:repair"
                        + " -Ddevcontainer-cache.only=hf' removes it.");
    }

    @Test
    void unfinishedDownloadsUpToFiveAreAllNamed() {
        assertThat(ReportMessages.unfinishedDownloads("pip", List.of("a.part", "b.part"), 5)).isEqualTo(
                "Cache 'pip' holds 2 unfinished downloads (a.part, b.part; 5 B), and no running container uses it:"
                        + " whatever wrote them is gone. 'mvn devcontainer-cache:repair -Ddevcontainer-cache.only=pip'"
                        + " removes them.");
        assertThat(ReportMessages.unfinishedDownloads("pip", List.of("1.part", "2.part", "3.part", "4.part", "5.part"),
                5)).isEqualTo("Cache 'pip' holds 5 unfinished downloads (1.part, 2.part, 3.part, 4.part, 5.part; 5 B),"
                        + " and no running container uses it: whatever wrote them is gone. 'mvn"
                        + " devcontainer-cache:repair -Ddevcontainer-cache.only=pip' removes them.");
    }

    @Test
    void unfinishedDownloadsBeyondFiveAreCutShort() {
        assertThat(ReportMessages.unfinishedDownloads("pip",
                        List.of("1.part", "2.part", "3.part", "4.part", "5.part", "6.part"), 3L << 20))
                .isEqualTo("Cache 'pip' holds 6 unfinished downloads (1.part, 2.part, 3.part, 4.part, 5.part, ...;"
                        + " 3.0 MiB), and no running container uses it: whatever wrote them is gone. 'mvn"
                        + " devcontainer-cache:repair -Ddevcontainer-cache.only=pip' removes them.");
    }

    @Test
    void oneFileOfAForeignOwnerWithoutTarget() {
        CachePass.ForeignOwners foreign =
                new CachePass.ForeignOwners(1, 9, List.of("wheels/root-owned.json"), new Owner(0, 0));
        assertThat(ReportMessages.foreignOwners("pip", null, new Owner(1000, 1000), foreign)).isEqualTo(
                "Cache 'pip' holds 1 file (9 B) owned by 0:0, not by its declared owner 1000:1000, such as"
                        + " wheels/root-owned.json: a tool running as 1000:1000 cannot replace it. In the dev"
                        + " container, run: sudo chown -R 1000:1000 <target>.");
    }

    @Test
    void filesOfForeignOwnersWithTarget() {
        CachePass.ForeignOwners foreign = new CachePass.ForeignOwners(7, 2048, List.of("a", "b"), new Owner(0, 0));
        assertThat(ReportMessages.foreignOwners("pip", "/home/vscode/.cache/pip", new Owner(1000, 1000), foreign))
                .isEqualTo("Cache 'pip' holds 7 files (2.0 KiB) owned by 0:0 or others, not by its declared owner"
                        + " 1000:1000, such as a, b: a tool running as 1000:1000 cannot replace them. In the dev"
                        + " container, run: sudo chown -R 1000:1000 /home/vscode/.cache/pip.");
    }

    @Test
    void otherLayoutWithTarget() {
        assertThat(ReportMessages.otherLayout("uv-cache", "uv", "/root/.cache/uv", "pip")).isEqualTo(
                "Cache 'uv-cache' is a uv cache (mounted at /root/.cache/uv) but holds pip's layout: a volume made for"
                        + " another tool is mounted here. Mount it where pip looks, or give uv a cache of its own (or"
                        + " declare <kind>pip</kind> if that is what it is).");
    }

    @Test
    void otherLayoutWithoutTargetAndItsArticle() {
        assertThat(ReportMessages.otherLayout("node", "npm", null, "maven")).isEqualTo(
                "Cache 'node' is an npm cache but holds maven's layout: a volume made for another tool is mounted"
                        + " here. Mount it where maven looks, or give npm a cache of its own (or declare"
                        + " <kind>maven</kind> if that is what it is).");
    }

    @Test
    void notices() {
        assertThat(ReportMessages.notices(List.of("only one"))).isEqualTo(
                "Worth a look (1 notice):" + NL + "  - only one");
        assertThat(ReportMessages.notices(List.of("first", "second"))).isEqualTo(
                "Worth a look (2 notices):" + NL + "  - first" + NL + "  - second");
    }

    @Test
    void verifiedLineOnlyForACacheReadEntryByEntry() {
        assertThat(ReportMessages.verifiedLine(existing("m2", "maven", 1L, null, List.of()))).isEmpty();
    }

    @Test
    void verifiedLineCountsTheCheckedFilesAndTheBrokenEntries() {
        Findings none = new Findings("artifacts", List.of(), 0, 1, List.of());
        assertThat(ReportMessages.verifiedLine(withInsight(existing("m2", "maven", 1L, null, List.of()),
                insight(none)))).contains("  m2 (maven): 1 file checked in its format, none broken");
        Findings.Broken broken = new Findings.Broken("a", "cut short", List.of("a.jar"), 1);
        Findings two = new Findings("artifacts", List.of(), 0, 1234, List.of(broken, broken));
        assertThat(ReportMessages.verifiedLine(withInsight(existing("m2", "maven", 1L, null, List.of()),
                insight(two)))).contains("  m2 (maven): 1234 files checked in its format, 2 broken");
    }
}
