package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentChecksTest {

    private static final String TINY_SHA = "65147644a518d12f04e32d6f3b26facc3f8dd46e5390956a9424a650c0ce22b9";
    private static final String BASE_SHA = "ed3a0b6b1c0edf879ad9b11b1af5a0e6ab5db9205f891f668f8b0e6c6326e34e";
    private static final String SMALL_SHA = "9ecf779972d90ba49c06d968637d720dd632c55bbf19d441fb42bf17a411e794";
    private static final String TURBO_SHA = "aff26ae408abcba5fbf8813c21e62b0941638c5f6eebfb145be0c9839262a19a";

    private static List<CheckedFile> whisper(VolumeScan scan) {
        return ContentChecks.whisperModels(scan, ModelCatalog.whisper());
    }

    private static VolumeScan scanOf(Object... pathsAndSizes) {
        VolumeScan scan = new VolumeScan(10);
        for (int i = 0; i < pathsAndSizes.length; i += 2) {
            scan.addFile((String) pathsAndSizes[i], ((Number) pathsAndSizes[i + 1]).longValue());
        }
        return scan;
    }

    @Test
    void aModelOfTheExactSizeIsUnverified() {
        assertThat(whisper(scanOf("tiny.pt", 75572083))).containsExactly(
                new CheckedFile("tiny.pt", 75572083, TINY_SHA, 75572083, FileStatus.UNVERIFIED));
    }

    @Test
    void aSmallerModelIsPartialAndALargerOneCorrupt() {
        assertThat(whisper(scanOf("tiny.pt", 75572082))).containsExactly(
                new CheckedFile("tiny.pt", 75572082, TINY_SHA, 75572083, FileStatus.PARTIAL));
        assertThat(whisper(scanOf("tiny.pt", 0))).containsExactly(
                new CheckedFile("tiny.pt", 0, TINY_SHA, 75572083, FileStatus.PARTIAL));
        assertThat(whisper(scanOf("tiny.pt", 75572084))).containsExactly(
                new CheckedFile("tiny.pt", 75572084, TINY_SHA, 75572083, FileStatus.CORRUPT));
    }

    @Test
    void aModelOfUnknownSizeIsUnverifiedWhateverItsSize() {
        assertThat(whisper(scanOf("large-v3-turbo.pt", 1))).containsExactly(
                new CheckedFile("large-v3-turbo.pt", 1, TURBO_SHA, -1, FileStatus.UNVERIFIED));
    }

    @Test
    void unknownFilesAndFilesInSubdirectoriesAreIgnored() {
        VolumeScan scan = scanOf(
                "notes.txt", 5,
                "tiny.pt", 75572083,
                "old/tiny.pt", 10,
                "base.pt", 100,
                "tiny.pt.partial", 10,
                "sub/dir/small.pt", 483617219,
                "small.pt", 483617220);

        // sorted by file name, the same on every machine
        assertThat(whisper(scan)).containsExactly(
                new CheckedFile("base.pt", 100, BASE_SHA, 145262807, FileStatus.PARTIAL),
                new CheckedFile("small.pt", 483617220, SMALL_SHA, 483617219, FileStatus.CORRUPT),
                new CheckedFile("tiny.pt", 75572083, TINY_SHA, 75572083, FileStatus.UNVERIFIED));
    }

    @Test
    void anEmptyCacheHasNoModels() {
        assertThat(whisper(new VolumeScan(10))).isEmpty();
    }

    @Test
    void checksumLinesInEveryFormSha256sumWritesAreRead() {
        String a = "a".repeat(64);
        String b = "0123456789abcdef".repeat(4);
        String c = "c".repeat(64);
        List<String> lines = List.of(
                a + "  models/a.bin",
                b + " *b.bin",
                c + "  ./c.bin",
                "",
                "   ",
                "garbage",
                "# " + a + "  comment.bin",
                "a".repeat(63) + "  short.bin",
                "g".repeat(64) + "  not-hex.bin",
                a + "-x.bin",
                "  " + a + "  spaced.bin  ");

        assertThat(ContentChecks.fromChecksums(lines, Map.of("models/a.bin", 5L, "b.bin", 0L, "spaced.bin", 7L)))
                .containsExactly(
                        new CheckedFile("models/a.bin", 5, a, -1, FileStatus.UNVERIFIED),
                        new CheckedFile("b.bin", 0, b, -1, FileStatus.UNVERIFIED),
                        new CheckedFile("c.bin", -1, c, -1, FileStatus.MISSING),
                        new CheckedFile("spaced.bin", 7, a, -1, FileStatus.UNVERIFIED));
    }

    @Test
    void upperCaseHexIsLowerCased() {
        String upper = "0123456789ABCDEF".repeat(4);
        assertThat(ContentChecks.fromChecksums(List.of(upper + "  x.bin"), Map.of("x.bin", 1L))).containsExactly(
                new CheckedFile("x.bin", 1, "0123456789abcdef".repeat(4), -1, FileStatus.UNVERIFIED));
    }

    @Test
    void aFileNameWithSpacesIsKeptWhole() {
        String a = "a".repeat(64);
        assertThat(ContentChecks.fromChecksums(List.of(a + "  my file.bin"), Map.of())).containsExactly(
                new CheckedFile("my file.bin", -1, a, -1, FileStatus.MISSING));
    }

    @Test
    void noLinesNoEntries() {
        assertThat(ContentChecks.fromChecksums(List.of(), Map.of("x", 1L))).isEmpty();
    }

    @Test
    void readChecksumsReadsTheLinesOfAFile(@TempDir Path temp) throws IOException {
        Path file = temp.resolve("checksums.sha256");
        String a = "a".repeat(64);
        Files.writeString(file, a + "  x.bin\n\n" + a + " *y.bin\n");

        assertThat(ContentChecks.readChecksums(file)).containsExactly(a + "  x.bin", "", a + " *y.bin");
        assertThat(ContentChecks.fromChecksums(ContentChecks.readChecksums(file), Map.of("y.bin", 2L)))
                .extracting(CheckedFile::file, CheckedFile::status)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("x.bin", FileStatus.MISSING),
                        org.assertj.core.groups.Tuple.tuple("y.bin", FileStatus.UNVERIFIED));
    }

    @Test
    void statusIdsAreLowerCaseNames() {
        assertThat(FileStatus.values()).extracting(FileStatus::id)
                .containsExactly("ok", "corrupt", "partial", "unverified", "missing");
    }
}
