package io.github.devcontainercache.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The texts of the report and its integrity checks, exactly. */
class ReportMessagesTest {

    @Test
    void overBudget() {
        assertThat(ReportMessages.overBudget("pip-cache", 3L << 30, 2L << 30)).isEqualTo(
                "Cache 'pip-cache' holds 3.0 GiB (3221225472 bytes), over its budget of 2.0 GiB (2147483648 bytes)."
                        + " Look at its largest files in target/devcontainer-cache/report.json, clear it, or raise"
                        + " <budget>.");
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
}
