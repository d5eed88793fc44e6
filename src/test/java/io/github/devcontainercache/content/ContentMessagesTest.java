package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The texts of progress, list and the files checked, exactly. */
class ContentMessagesTest {

    private static final String SHA = "0".repeat(64);

    @Test
    void progress() {
        assertThat(ContentMessages.progress("Hashing", 1048576, 2097152, 1_000_000_000L))
                .isEqualTo("Hashing: 1.0 MiB of 2.0 MiB (50%), 1.0 MiB/s");
        assertThat(ContentMessages.progress("Hashing", 2L << 30, 3L << 30, 4_000_000_000L))
                .isEqualTo("Hashing: 2.0 GiB of 3.0 GiB (67%), 512.0 MiB/s");
        assertThat(ContentMessages.progress("Hashing", 512, 512, 2_000_000_000L))
                .isEqualTo("Hashing: 512 B of 512 B (100%), 256 B/s");
    }

    @Test
    void progressWithoutATotalHasNoPercentage() {
        assertThat(ContentMessages.progress("Hashing", 0, 0, 1_000_000_000L)).isEqualTo("Hashing: 0 B of 0 B, 0 B/s");
        // an export does not know its total beforehand
        assertThat(ContentMessages.progress("Writing pip.tar.zst", 3L << 20, -1, 1_000_000_000L))
                .isEqualTo("Writing pip.tar.zst: 3.0 MiB, 3.0 MiB/s");
    }

    @Test
    void progressOverNoTimeCountsAMillisecond() {
        assertThat(ContentMessages.progress("Hashing", 1024, 2048, 0)).isEqualTo("Hashing: 1.0 KiB of 2.0 KiB (50%), 1000.0 KiB/s");
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
        assertThat(ContentMessages.listLines(scan(50))).containsExactly(
                "  72.1 MiB  tiny.pt",
                "   1.5 KiB  wheels/x.whl",
                "       0 B  empty");
    }

    @Test
    void listTotalWithoutTruncation() {
        assertThat(ContentMessages.listTotal(scan(50), 50)).isEqualTo("  72.1 MiB  total, 3 files");
        assertThat(ContentMessages.listTotal(scan(3), 3)).isEqualTo("  72.1 MiB  total, 3 files");
        VolumeScan one = new VolumeScan(5);
        one.addFile("a", 10);
        assertThat(ContentMessages.listTotal(one, 5)).isEqualTo("      10 B  total, 1 file");
        assertThat(ContentMessages.listTotal(new VolumeScan(5), 5)).isEqualTo("       0 B  total, 0 files");
    }

    @Test
    void listTotalWithTruncation() {
        assertThat(ContentMessages.listTotal(scan(2), 2)).isEqualTo(
                "  72.1 MiB  total, 3 files (the largest 2 shown; -Ddevcontainer-cache.limit shows more)");
        assertThat(ContentMessages.listLines(scan(2))).containsExactly("  72.1 MiB  tiny.pt", "   1.5 KiB  wheels/x.whl");
    }

    @Test
    void checkedFileLines() {
        assertThat(ContentMessages.checkedFile("whisper-cache", new CheckedFile("tiny.pt", 75572083, SHA, 75572083,
                FileStatus.OK))).isEqualTo("  ok       whisper-cache/tiny.pt (72.1 MiB)");
        assertThat(ContentMessages.checkedFile("whisper-cache", new CheckedFile("tiny.pt", 75572084, SHA, 75572083,
                FileStatus.CORRUPT))).isEqualTo("  corrupt  whisper-cache/tiny.pt (72.1 MiB)");
        assertThat(ContentMessages.checkedFile("whisper-cache", new CheckedFile("base.pt", 1024, SHA, 145262807,
                FileStatus.PARTIAL))).isEqualTo("  partial  whisper-cache/base.pt (1.0 KiB)");
        assertThat(ContentMessages.checkedFile("data", new CheckedFile("a/b.bin", -1, SHA, -1, FileStatus.MISSING)))
                .isEqualTo("  missing  data/a/b.bin");
    }

    @Test
    void readPathsAreNamedAsTheLogsAndTheCiLanesLookForThem() {
        assertThat(ReadPath.MOUNT_POINT.read()).isEqualTo("read on the mount point");
        assertThat(ReadPath.ARCHIVE_API.read()).isEqualTo("read through the archive API");
        assertThat(ReadPath.ROOTLESS_PODMAN_DIRECTORY.read())
                .isEqualTo("read on the volume's directory, its ids mapped back through rootless Podman's");
        assertThat(ReadPath.MOUNT_POINT.written()).isEqualTo("written on the mount point");
        assertThat(ReadPath.ARCHIVE_API.written()).isEqualTo("written through the archive API");
    }

    @Test
    void aListingSaysHowItWasRead() {
        assertThat(ContentMessages.listing("pip", ReadPath.ARCHIVE_API))
                .isEqualTo("Content of pip, largest first (read through the archive API):");
    }
}
