package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class EntrySafetyTest {

    // ---- normalize ------------------------------------------------------------------------------------------

    @ParameterizedTest(name = "''{0}'' -> ''{1}''")
    @CsvSource(value = {
        "a|a",
        "a/b/c.txt|a/b/c.txt",
        "./a/b|a/b",
        "dir/|dir",
        "a/b//|a/b",
        "./|''",
        ".|''",
        "...|...",
        "a..b|a..b",
        "..hidden/x|..hidden/x",
        ".hidden|.hidden",
        "with space/ü.bin|with space/ü.bin",
        "devcontainer-cache.json|devcontainer-cache.json"
    }, delimiter = '|')
    void normalizesSafeNames(String name, String normalized) {
        assertThat(EntrySafety.normalize(name)).isEqualTo(normalized);
    }

    @ParameterizedTest(name = "''{0}'' is refused")
    @NullAndEmptySource
    @ValueSource(strings = {
        "/etc/passwd", "/", "//x", "..", "../", "../escape", "./../x", "a/..", "a/../b", "a/../../b", "a/b/../../../c",
        "a\\b", "..\\x", "C:\\Windows", "a\0b", "\0"
    })
    void refusesUnsafeNames(String name) {
        assertThat(EntrySafety.normalize(name)).isNull();
    }

    // ---- refusal --------------------------------------------------------------------------------------------

    static Stream<Arguments> entries() {
        return Stream.of(
                Arguments.of(file("a.txt"), null),
                Arguments.of(file("./sub/b.bin"), null),
                Arguments.of(directory("./"), null),
                Arguments.of(directory("sub/"), null),
                Arguments.of(symlink("l", "a.txt"), null),
                Arguments.of(symlink("l", "."), null),
                Arguments.of(symlink("sub/l", "../a.txt"), null),
                Arguments.of(symlink("sub/deeper/l", "../../a.txt"), null),
                Arguments.of(symlink("l", "sub/../a.txt"), null),
                Arguments.of(hardLink("h", "a.txt"), null),
                Arguments.of(hardLink("sub/h", "./sub/b.bin"), null),
                Arguments.of(file("/etc/passwd"),
                        "'/etc/passwd' is an absolute path, climbs out with '..' or is no path"),
                Arguments.of(file("../escape"), "'../escape' is an absolute path, climbs out with '..' or is no path"),
                Arguments.of(file("a/../../b"), "'a/../../b' is an absolute path, climbs out with '..' or is no path"),
                Arguments.of(directory("../d/"), "'../d/' is an absolute path, climbs out with '..' or is no path"),
                Arguments.of(symlink("../l", "a"), "'../l' is an absolute path, climbs out with '..' or is no path"),
                Arguments.of(symlink("l", "/etc"), "'l' links outside the volume (to /etc)"),
                Arguments.of(symlink("l", ".."), "'l' links outside the volume (to ..)"),
                Arguments.of(symlink("sub/l", "../.."), "'sub/l' links outside the volume (to ../..)"),
                Arguments.of(symlink("sub/out", "../../outside"), "'sub/out' links outside the volume (to ../../outside)"),
                Arguments.of(symlink("l", "a/../../../x"), "'l' links outside the volume (to a/../../../x)"),
                Arguments.of(symlink("l", "x\0y"), "'l' links outside the volume (to x\\u0000y)"),
                Arguments.of(hardLink("h", "../outside"), "'h' is a hard link outside the volume (to ../outside)"),
                Arguments.of(hardLink("h", "/etc/shadow"), "'h' is a hard link outside the volume (to /etc/shadow)"),
                Arguments.of(special("null", TarConstants.LF_CHR), "'null' is a device or FIFO"),
                Arguments.of(special("sda", TarConstants.LF_BLK), "'sda' is a device or FIFO"),
                Arguments.of(special("pipe", TarConstants.LF_FIFO), "'pipe' is a device or FIFO"),
                Arguments.of(special("../pipe", TarConstants.LF_FIFO),
                        "'../pipe' is an absolute path, climbs out with '..' or is no path"));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("entries")
    void refusesWhatCouldReachOutside(TarArchiveEntry entry, String expected) {
        assertThat(EntrySafety.refusal(entry)).isEqualTo(expected);
    }

    @Test
    void refusesASymlinkWithoutTarget() {
        TarArchiveEntry entry = new TarArchiveEntry("l", TarConstants.LF_SYMLINK);
        entry.setLinkName(null);

        assertThat(EntrySafety.refusal(entry)).isEqualTo("'l' links outside the volume (to nothing)");
    }

    private static TarArchiveEntry file(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(1);
        return entry;
    }

    private static TarArchiveEntry directory(String name) {
        return new TarArchiveEntry(name, TarConstants.LF_DIR, true);
    }

    private static TarArchiveEntry symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        return entry;
    }

    private static TarArchiveEntry hardLink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        entry.setLinkName(target);
        return entry;
    }

    private static TarArchiveEntry special(String name, byte type) {
        return new TarArchiveEntry(name, type, true);
    }

    // ---- isRegular ------------------------------------------------------------------------------------------

    @Test
    void onlyPlainFilesAreRegular() {
        assertThat(EntrySafety.isRegular(file("a.txt"))).isTrue();
        assertThat(EntrySafety.isRegular(special("old-style", TarConstants.LF_OLDNORM))).isTrue();
        assertThat(EntrySafety.isRegular(directory("d/"))).isFalse();
        assertThat(EntrySafety.isRegular(symlink("l", "a.txt"))).isFalse();
        assertThat(EntrySafety.isRegular(hardLink("h", "a.txt"))).isFalse();
        assertThat(EntrySafety.isRegular(special("c", TarConstants.LF_CHR))).isFalse();
        assertThat(EntrySafety.isRegular(special("b", TarConstants.LF_BLK))).isFalse();
        assertThat(EntrySafety.isRegular(special("p", TarConstants.LF_FIFO))).isFalse();
    }

    // ---- printable ------------------------------------------------------------------------------------------

    @Test
    void escapesControlCharacters() {
        assertThat(EntrySafety.printable("a\tb\nc\rd\0e\u001bf\u007fg"))
                .isEqualTo("a\\u0009b\\u000ac\\u000dd\\u0000e\\u001bf\\u007fg");
    }

    @Test
    void keepsPrintableTextAsItIs() {
        assertThat(EntrySafety.printable("models/ü ñ 模型.bin")).isEqualTo("models/ü ñ 模型.bin");
        assertThat(EntrySafety.printable("")).isEmpty();
    }

    @Test
    void saysNothingForNull() {
        assertThat(EntrySafety.printable(null)).isEqualTo("nothing");
    }

    @Test
    void cutsLongNames() {
        assertThat(EntrySafety.printable("x".repeat(200))).isEqualTo("x".repeat(200));
        assertThat(EntrySafety.printable("x".repeat(201))).isEqualTo("x".repeat(200) + "...");
        assertThat(EntrySafety.printable("y".repeat(100_000))).isEqualTo("y".repeat(200) + "...");
    }

    @Test
    void cutsAfterEscaping() {
        // 40 newlines are 240 characters once escaped
        assertThat(EntrySafety.printable("\n".repeat(40))).isEqualTo("\\u000a".repeat(33) + "\\u...");
    }
}
