package io.github.devcontainercache.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.Messages;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.VolumeScan;
import org.junit.jupiter.api.Test;

/** The texts of report, list and integrity checks, exactly. */
class ReportMessagesTest {

    private static final String SHA = "0".repeat(64);

    @Test
    void overBudget() {
        assertThat(Messages.overBudget("pip-cache", 3L << 30, 2L << 30)).isEqualTo(
                "Cache 'pip-cache' holds 3.0 GiB (3221225472 bytes), over its budget of 2.0 GiB (2147483648 bytes)."
                        + " Look at its largest files in target/devcontainer-cache/report.json, clear it, or raise"
                        + " <budget>.");
    }

    @Test
    void fileCorruptWithTarget() {
        assertThat(Messages.fileCorrupt("whisper-cache", "/home/vscode/.cache/whisper", "tiny.pt")).isEqualTo(
                "Cache 'whisper-cache': tiny.pt is corrupt (its SHA-256 is not the expected one). Remove the file"
                        + " (in the dev container: rm /home/vscode/.cache/whisper/tiny.pt) so that it is downloaded"
                        + " again, or remove the whole cache (docker volume rm whisper-cache).");
    }

    @Test
    void fileCorruptWithoutTarget() {
        assertThat(Messages.fileCorrupt("whisper-cache", null, "tiny.pt")).isEqualTo(
                "Cache 'whisper-cache': tiny.pt is corrupt (its SHA-256 is not the expected one). Remove the file"
                        + " (in the dev container: rm <target>/tiny.pt) so that it is downloaded again, or remove the"
                        + " whole cache (docker volume rm whisper-cache).");
    }

    @Test
    void filePartial() {
        assertThat(Messages.filePartial("whisper-cache", "/home/vscode/.cache/whisper", "tiny.pt", 1000, 75572083))
                .isEqualTo("Cache 'whisper-cache': tiny.pt is partial (1000 of 75572083 bytes), a download that"
                        + " stopped. Remove the file (in the dev container: rm /home/vscode/.cache/whisper/tiny.pt) so"
                        + " that it is downloaded again.");
        assertThat(Messages.filePartial("w", null, "base.pt", 0, 145262807)).isEqualTo(
                "Cache 'w': base.pt is partial (0 of 145262807 bytes), a download that stopped. Remove the file (in"
                        + " the dev container: rm <target>/base.pt) so that it is downloaded again.");
    }

    @Test
    void fileMissing() {
        assertThat(Messages.fileMissing("data", "models/a.bin", "checksums.sha256")).isEqualTo(
                "Cache 'data': models/a.bin, listed in checksums.sha256, is not in the cache.");
    }

    @Test
    void progress() {
        assertThat(Messages.progress("Hashing", 1048576, 2097152, 1_000_000_000L))
                .isEqualTo("Hashing: 1.0 MiB of 2.0 MiB (50%), 1.0 MiB/s");
        assertThat(Messages.progress("Hashing", 2L << 30, 3L << 30, 4_000_000_000L))
                .isEqualTo("Hashing: 2.0 GiB of 3.0 GiB (67%), 512.0 MiB/s");
        assertThat(Messages.progress("Hashing", 512, 512, 2_000_000_000L))
                .isEqualTo("Hashing: 512 B of 512 B (100%), 256 B/s");
    }

    @Test
    void progressWithoutATotalHasNoPercentage() {
        assertThat(Messages.progress("Hashing", 0, 0, 1_000_000_000L)).isEqualTo("Hashing: 0 B of 0 B, 0 B/s");
        // an export does not know its total beforehand
        assertThat(Messages.progress("Writing pip.tar.zst", 3L << 20, -1, 1_000_000_000L))
                .isEqualTo("Writing pip.tar.zst: 3.0 MiB, 3.0 MiB/s");
    }

    @Test
    void progressOverNoTimeCountsAMillisecond() {
        assertThat(Messages.progress("Hashing", 1024, 2048, 0)).isEqualTo("Hashing: 1.0 KiB of 2.0 KiB (50%), 1000.0 KiB/s");
    }

    private static VolumeScan scan(int keep) {
        VolumeScan scan = new VolumeScan(keep);
        scan.addFile("tiny.pt", 75572083);
        scan.addFile("wheels/x.whl", 1536);
        scan.addFile("empty", 0);
        return scan;
    }

    @Test
    void listLinesAreRightAlignedSizesAndPathsLargestFirst() {
        assertThat(Messages.listLines(scan(50))).containsExactly(
                "  72.1 MiB  tiny.pt",
                "   1.5 KiB  wheels/x.whl",
                "       0 B  empty");
    }

    @Test
    void listTotalWithoutTruncation() {
        assertThat(Messages.listTotal(scan(50), 50)).isEqualTo("  72.1 MiB  total, 3 files");
        assertThat(Messages.listTotal(scan(3), 3)).isEqualTo("  72.1 MiB  total, 3 files");
        VolumeScan one = new VolumeScan(5);
        one.addFile("a", 10);
        assertThat(Messages.listTotal(one, 5)).isEqualTo("      10 B  total, 1 file");
        assertThat(Messages.listTotal(new VolumeScan(5), 5)).isEqualTo("       0 B  total, 0 files");
    }

    @Test
    void listTotalWithTruncation() {
        assertThat(Messages.listTotal(scan(2), 2)).isEqualTo(
                "  72.1 MiB  total, 3 files (the largest 2 shown; -Ddevcontainer-cache.limit shows more)");
        assertThat(Messages.listLines(scan(2))).containsExactly("  72.1 MiB  tiny.pt", "   1.5 KiB  wheels/x.whl");
    }

    @Test
    void checkedFileLines() {
        assertThat(Messages.checkedFile("whisper-cache", new CheckedFile("tiny.pt", 75572083, SHA, 75572083,
                FileStatus.OK))).isEqualTo("  ok       whisper-cache/tiny.pt (72.1 MiB)");
        assertThat(Messages.checkedFile("whisper-cache", new CheckedFile("tiny.pt", 75572084, SHA, 75572083,
                FileStatus.CORRUPT))).isEqualTo("  corrupt  whisper-cache/tiny.pt (72.1 MiB)");
        assertThat(Messages.checkedFile("whisper-cache", new CheckedFile("base.pt", 1024, SHA, 145262807,
                FileStatus.PARTIAL))).isEqualTo("  partial  whisper-cache/base.pt (1.0 KiB)");
        assertThat(Messages.checkedFile("data", new CheckedFile("a/b.bin", -1, SHA, -1, FileStatus.MISSING)))
                .isEqualTo("  missing  data/a/b.bin");
    }
}
