package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link TarStream} reads what commons-compress writes, as the engine's tars are written, and refuses the broken. */
class TarStreamTest {

    private static final String LONG_NAME = "cache/" + "d".repeat(120) + "/" + "f".repeat(150) + ".body";

    /** A tar of a root, the files, and a link with a long target; with POSIX numbers, a PAX header before each. */
    private static byte[] tar(int longFileMode, Map<String, byte[]> files) throws IOException {
        return tar(longFileMode, TarArchiveOutputStream.BIGNUMBER_POSIX, files);
    }

    /** Without PAX headers for the short names: each entry a header record, then its content's records. */
    private static byte[] plainTar(Map<String, byte[]> files) throws IOException {
        return tar(TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.BIGNUMBER_ERROR, files);
    }

    private static byte[] tar(int longFileMode, int bigNumberMode, Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(longFileMode);
            tar.setBigNumberMode(bigNumberMode);
            TarArchiveEntry root = new TarArchiveEntry("cache/");
            root.setUserId(1000);
            root.setGroupId(1001);
            tar.putArchiveEntry(root);
            tar.closeArchiveEntry();
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
                entry.setSize(file.getValue().length);
                tar.putArchiveEntry(entry);
                tar.write(file.getValue());
                tar.closeArchiveEntry();
            }
            TarArchiveEntry link = new TarArchiveEntry("cache/" + "l".repeat(110), TarConstants.LF_SYMLINK);
            link.setLinkName("../" + "t".repeat(130));
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }
        return bytes.toByteArray();
    }

    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("cache/a.txt", "alpha".getBytes(StandardCharsets.UTF_8));
        files.put(LONG_NAME, new byte[1500]);
        files.put("cache/empty", new byte[0]);
        files.put("cache/exact", new byte[1024]);
        return files;
    }

    /** Every entry's name, size and (where read) content; skips the content of those named in {@code unread}. */
    private static List<String> read(byte[] tar, List<String> unread) throws IOException {
        TarStream stream = new TarStream(new ByteArrayInputStream(tar), 64);
        List<String> seen = new ArrayList<>();
        for (TarArchiveEntry entry = stream.next(); entry != null; entry = stream.next()) {
            String line = entry.getName() + " " + entry.getSize()
                    + (entry.isSymbolicLink() ? " -> " + entry.getLinkName() : "");
            if (!entry.isDirectory() && !unread.contains(entry.getName())) {
                line += " " + Arrays.hashCode(stream.content().readAllBytes());
            }
            seen.add(line);
        }
        return seen;
    }

    @ParameterizedTest
    @ValueSource(ints = {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU})
    void readsNamesContentAndLinksOfPaxAndGnuLongNames(int longFileMode) throws IOException {
        assertThat(read(tar(longFileMode, files()), List.of())).containsExactly(
                "cache/ 0",
                "cache/a.txt 5 " + Arrays.hashCode("alpha".getBytes(StandardCharsets.UTF_8)),
                LONG_NAME + " 1500 " + Arrays.hashCode(new byte[1500]),
                "cache/empty 0 " + Arrays.hashCode(new byte[0]),
                "cache/exact 1024 " + Arrays.hashCode(new byte[1024]),
                "cache/" + "l".repeat(110) + " 0 -> ../" + "t".repeat(130) + " " + Arrays.hashCode(new byte[0]));
    }

    @Test
    void contentLeftUnreadIsSkipped() throws IOException {
        List<String> unread = List.of("cache/a.txt", LONG_NAME, "cache/exact");
        assertThat(read(tar(TarArchiveOutputStream.LONGFILE_POSIX, files()), unread)).containsExactly(
                "cache/ 0", "cache/a.txt 5", LONG_NAME + " 1500",
                "cache/empty 0 " + Arrays.hashCode(new byte[0]), "cache/exact 1024",
                "cache/" + "l".repeat(110) + " 0 -> ../" + "t".repeat(130) + " " + Arrays.hashCode(new byte[0]));
    }

    @Test
    void theRootsOwnerIsKept() throws IOException {
        TarArchiveEntry root = new TarStream(new ByteArrayInputStream(tar(TarArchiveOutputStream.LONGFILE_POSIX,
                files())), 64).next();
        assertThat(root.getLongUserId()).isEqualTo(1000);
        assertThat(root.getLongGroupId()).isEqualTo(1001);
    }

    @Test
    void aStreamWithoutEndRecordsEndsAtItsLastEntry() throws IOException {
        byte[] whole = plainTar(Map.of("cache/a.txt", new byte[3]));
        // the root, then a.txt's header and its padded record: no end records, as a cut-off last block
        byte[] cut = Arrays.copyOf(whole, 512 * 3);
        assertThat(read(cut, List.of()).subList(0, 2))
                .containsExactly("cache/ 0", "cache/a.txt 3 " + Arrays.hashCode(new byte[3]));
    }

    @Test
    void aStreamCutInsideAnEntryFails() throws IOException {
        byte[] whole = plainTar(Map.of("cache/big", new byte[5000]));
        byte[] cut = Arrays.copyOf(whole, 512 * 2 + 1000);
        assertThatThrownBy(() -> read(cut, List.of())).isInstanceOf(EOFException.class)
                .hasMessage("the archive ends inside an entry");
        assertThatThrownBy(() -> read(cut, List.of("cache/big"))).isInstanceOf(EOFException.class);
    }

    @Test
    void aStreamCutInsideAHeaderFails() throws IOException {
        byte[] whole = plainTar(Map.of("cache/a", new byte[1]));
        assertThatThrownBy(() -> read(Arrays.copyOf(whole, 512 + 100), List.of()))
                .isInstanceOf(EOFException.class).hasMessage("the archive ends inside a header");
    }

    @Test
    void aDamagedHeaderFails() throws IOException {
        byte[] damaged = plainTar(Map.of("cache/a", new byte[1]));
        damaged[512 + 3] ^= 0x20; // a letter of a.txt's name: its header checksum no longer matches
        assertThatThrownBy(() -> read(damaged, List.of())).isInstanceOf(IOException.class)
                .hasMessage("the engine's archive has a damaged header (its checksum is wrong)");
    }

    @Test
    void readsPaxRecordsByTheirLengths() throws IOException {
        byte[] records = "20 path=a b=c/d.txt\n14 uid=123456\n".getBytes(StandardCharsets.UTF_8);
        assertThat(TarStream.paxRecords(records, "the engine's archive")).containsExactly(
                Map.entry("path", "a b=c/d.txt"), Map.entry("uid", "123456"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"x path=a\n", "99 path=a\n", "10 path=ab", "5 path\n", "3 \n"})
    void refusesDamagedPaxRecords(String records) {
        assertThatThrownBy(() -> TarStream.paxRecords(records.getBytes(StandardCharsets.UTF_8), "the engine's archive"))
                .isInstanceOf(IOException.class).hasMessage("the engine's archive has a damaged PAX header");
    }

    @Test
    void readsPaxTimesAsCommonsCompressDoes() {
        for (String value : List.of("1700000000", "1700000000.5", "1700000000.123456789123", "0.000000001", "-1.5",
                "-1700000000.25", "1")) {
            TarArchiveEntry theirs = new TarArchiveEntry("x");
            theirs.addPaxHeader("mtime", value);
            assertThat(TarStream.decimalSeconds(value)).as(value).isEqualTo(theirs.getLastModifiedTime());
        }
        // forms left to commons-compress
        for (String value : List.of("1e3", "", "-", ".5", "5.", "1.2.3", "+1", "99999999999999999999", " 1")) {
            assertThat(TarStream.decimalSeconds(value)).as(value).isNull();
        }
    }
}
