package io.github.devcontainercache.report;

import static io.github.devcontainercache.report.Entries.container;
import static io.github.devcontainercache.report.Entries.existing;
import static io.github.devcontainercache.report.Entries.file;
import static io.github.devcontainercache.report.Entries.missing;
import static io.github.devcontainercache.report.Entries.withFiles;
import static io.github.devcontainercache.report.Entries.withOverBudget;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.content.FileStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportEntryStateTest {

    private final ReportEntry healthy = existing("pip-cache", "pip", 100L, 200L, List.of(container("dev", "running")));

    @Test
    void anExistingCacheWithinBudgetAndNoBadFileIsOk() {
        assertThat(healthy.state()).isEqualTo("ok");
        assertThat(existing("v", "pip", 100L, null, List.of()).state()).isEqualTo("ok");
        assertThat(withOverBudget(healthy, false).state()).isEqualTo("ok");
    }

    @Test
    void filesThatAreOkOrUnverifiedLeaveItOk() {
        ReportEntry entry = withFiles(healthy,
                List.of(file("tiny.pt", 1, FileStatus.OK), file("base.pt", 1, FileStatus.UNVERIFIED)),
                List.of(file("x", 1, FileStatus.OK)));
        assertThat(entry.state()).isEqualTo("ok");
    }

    @Test
    void aMissingVolumeIsMissingWhateverElseItSays() {
        ReportEntry gone = withOverBudget(missing("gone", "pip", 10L), true);
        gone = withFiles(gone, List.of(file("tiny.pt", 1, FileStatus.CORRUPT)), List.of());
        assertThat(gone.state()).isEqualTo("missing");
        assertThat(missing("gone", "pip", null).state()).isEqualTo("missing");
    }

    @Test
    void overBudgetBeatsBadFiles() {
        ReportEntry over = withFiles(existing("v", "whisper", 300L, 200L, List.of()),
                List.of(file("tiny.pt", 1, FileStatus.CORRUPT)), List.of());
        assertThat(over.overBudget()).isTrue();
        assertThat(over.state()).isEqualTo("over budget");
    }

    @Test
    void aCorruptFileBeatsAPartialOneWhichBeatsAMissingOne() {
        ReportEntry all = withFiles(healthy,
                List.of(file("a.pt", 1, FileStatus.MISSING), file("b.pt", 1, FileStatus.PARTIAL)),
                List.of(file("c", 1, FileStatus.CORRUPT)));
        assertThat(all.state()).isEqualTo("corrupt file");

        ReportEntry partialAndMissing = withFiles(healthy,
                List.of(file("a.pt", 1, FileStatus.OK)),
                List.of(file("c", 1, FileStatus.MISSING), file("d", 1, FileStatus.PARTIAL)));
        assertThat(partialAndMissing.state()).isEqualTo("partial file");

        ReportEntry onlyMissing = withFiles(healthy, List.of(), List.of(file("c", -1, FileStatus.MISSING)));
        assertThat(onlyMissing.state()).isEqualTo("missing file");

        ReportEntry partialModel = withFiles(healthy, List.of(file("tiny.pt", 1, FileStatus.PARTIAL)), List.of());
        assertThat(partialModel.state()).isEqualTo("partial file");
    }
}
