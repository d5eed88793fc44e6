package io.github.devcontainercache.content.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The in-memory zip check, on zips as java.util.zip writes them, whole, cut, garbled and made up. */
class ZipStructureTest {

    private static String problem(byte[] zip, boolean inflate) throws IOException {
        return ZipStructure.problem(new ByteArrayInputStream(zip), zip.length, inflate);
    }

    /** Whole either way: the structure alone and inflated. */
    private static void assertWhole(byte[] zip) throws IOException {
        assertThat(problem(zip, false)).as("structure only").isNull();
        assertThat(problem(zip, true)).as("inflated").isNull();
    }

    private static byte[] stored() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("info/index.json", "{\"name\":\"x\"}".getBytes(StandardCharsets.US_ASCII));
        entries.put("pkg-x.tar.zst", KindFixtures.noise(4000, 11));
        return KindFixtures.storedZip(entries);
    }

    /** The offsets of the central directory's records, in order (a zip without a comment). */
    private static List<Integer> centralRecords(byte[] zip) {
        List<Integer> records = new ArrayList<>();
        int entries = KindFixtures.int16(zip, zip.length - 22 + 10);
        for (int i = 0, at = KindFixtures.centralDirectoryOffset(zip); i < entries; i++) {
            records.add(at);
            at += 46 + KindFixtures.int16(zip, at + 28) + KindFixtures.int16(zip, at + 30) + KindFixtures.int16(zip, at + 32);
        }
        return records;
    }

    private static void put32(byte[] b, int at, long value) {
        ByteBuffer.wrap(b, at, 4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value);
    }

    private static void put16(byte[] b, int at, int value) {
        ByteBuffer.wrap(b, at, 2).order(ByteOrder.LITTLE_ENDIAN).putShort((short) value);
    }

    /**
     * The zip with a zip64 end record and locator before its end record; with {@code sentinels} the end record's
     * count, size and offset say 0xffff.. so that a reader must take them from the zip64 record.
     */
    private static byte[] withZip64EndRecords(byte[] zip, boolean sentinels) {
        int end = zip.length - 22;
        int directory = KindFixtures.centralDirectoryOffset(zip);
        int directorySize = KindFixtures.int32(zip, end + 12);
        long entries = KindFixtures.int16(zip, end + 10);
        ByteBuffer records = ByteBuffer.allocate(56 + 20).order(ByteOrder.LITTLE_ENDIAN);
        records.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(entries).putLong(entries).putLong(directorySize).putLong(directory);
        records.putInt(0x07064b50).putInt(0).putLong(directory + directorySize).putInt(1);
        byte[] result = new byte[zip.length + records.capacity()];
        System.arraycopy(zip, 0, result, 0, end);
        System.arraycopy(records.array(), 0, result, end, records.capacity());
        System.arraycopy(zip, end, result, end + records.capacity(), 22);
        if (sentinels) {
            int newEnd = result.length - 22;
            put16(result, newEnd + 8, 0xffff);
            put16(result, newEnd + 10, 0xffff);
            put32(result, newEnd + 12, 0xffffffffL);
            put32(result, newEnd + 16, 0xffffffffL);
        }
        return result;
    }

    // ---- whole zips

    @Test
    void wholeZipsOfEveryShapeAreWhole() throws IOException {
        byte[] jar = KindFixtures.jar(1); // deflated, with data descriptors: ZipOutputStream wrote to a stream
        assertThat(KindFixtures.int16(jar, 6) & 8).as("a data descriptor follows the first entry").isEqualTo(8);
        assertWhole(jar);
        assertWhole(stored());
        Map<String, byte[]> mixed = new LinkedHashMap<>();
        mixed.put("empty.txt", new byte[0]);
        mixed.put("big.txt", KindFixtures.noise(200_000, 2));
        assertWhole(KindFixtures.zip(mixed));
    }

    @Test
    void aZipWithAnArchiveCommentIsWhole() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.setComment("built by a tool that signs its zips ".repeat(40));
            zip.putNextEntry(new ZipEntry("a.txt"));
            zip.write(KindFixtures.noise(100, 4));
            zip.closeEntry();
        }
        assertWhole(bytes.toByteArray());
    }

    @Test
    void aZipWithDirectoryEntriesIsWhole() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/", new byte[0]);
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n".getBytes(StandardCharsets.US_ASCII));
        entries.put("com/", new byte[0]);
        assertWhole(KindFixtures.zip(entries));
    }

    @Test
    void anEmptyZipIsWhole() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ZipOutputStream(bytes).close();
        assertThat(bytes.size()).isEqualTo(22);
        assertWhole(bytes.toByteArray());
    }

    @Test
    void zip64EndRecordsAreWholeWhetherOrNotTheEndRecordNeedsThem() throws IOException {
        assertWhole(withZip64EndRecords(KindFixtures.jar(10), true));
        assertWhole(withZip64EndRecords(KindFixtures.jar(10), false)); // the JDK's ZipFile opens this too
        assertWhole(withZip64EndRecords(stored(), true));
    }

    @Test
    void aDamagedZip64EndRecordIsCaught() throws IOException {
        byte[] zip64 = withZip64EndRecords(KindFixtures.jar(12), true);
        int record = zip64.length - 22 - 20 - 56;
        byte[] noRecord = zip64.clone();
        noRecord[record] ^= 1;
        assertThat(problem(noRecord, false)).isEqualTo("its zip64 end record is damaged");
        byte[] noLocator = zip64.clone();
        noLocator[record + 56] ^= 1;
        assertThat(problem(noLocator, false)).isEqualTo("its end record names a zip64 record that is not there");
        byte[] wrongOffset = zip64.clone();
        wrongOffset[record + 48]++; // the directory's offset, one byte on
        assertThat(problem(wrongOffset, false)).isEqualTo("its directory does not end where its end record starts");
        assertThat(problem(zip64, false)).isNull();
    }

    // ---- cuts and flips

    @Test
    void everyCutOfASmallZipIsCaughtEitherWay() throws IOException {
        for (byte[] zip : List.of(KindFixtures.jar(6), stored())) {
            for (int length = 0; length < zip.length; length++) {
                byte[] cut = Arrays.copyOf(zip, length);
                assertThat(problem(cut, false)).as("cut at %d of %d", length, zip.length).isNotNull();
                assertThat(problem(cut, true)).as("cut at %d of %d, inflated", length, zip.length).isNotNull();
            }
        }
    }

    @Test
    void aByteFlippedInStoredDataIsCaughtWithoutInflating() throws IOException {
        byte[] zip = stored();
        int second = KindFixtures.localHeaderOffsets(zip).get(1);
        zip[KindFixtures.dataOffset(zip, second) + 1000] ^= 0x5a;
        assertThat(problem(zip, false)).isEqualTo("entry 2 (pkg-x.tar.zst) does not match its CRC-32");
        assertThat(problem(zip, true)).isEqualTo("entry 2 (pkg-x.tar.zst) does not match its CRC-32");
    }

    @Test
    void aByteFlippedInDeflatedDataIsCaughtOnlyWhenInflating() throws IOException {
        byte[] jar = KindFixtures.jar(7);
        int second = KindFixtures.localHeaderOffsets(jar).get(1);
        jar[KindFixtures.dataOffset(jar, second) + 500] ^= 0x5a;
        // the documented trade-off: without inflating, deflated data is not read
        assertThat(problem(jar, false)).isNull();
        assertThat(problem(jar, true)).startsWith("entry 2 (com/example/A.class) ");
    }

    // ---- headers and directories that lie

    @Test
    void aGarbledLocalHeaderSignatureIsCaught() throws IOException {
        byte[] jar = KindFixtures.jar(8);
        jar[KindFixtures.localHeaderOffsets(jar).get(2)] ^= 1;
        assertThat(problem(jar, false))
                .isEqualTo("entry 3 (com/example/B.class) has no local header where the directory says: invalid LOC header");
    }

    @Test
    void aLocalHeaderOfAnotherNameIsCaught() throws IOException {
        byte[] jar = KindFixtures.jar(9);
        int third = KindFixtures.localHeaderOffsets(jar).get(2);
        jar[third + 30 + "com/example/".length()] = 'X';
        assertThat(problem(jar, false))
                .isEqualTo("entry 3 (com/example/B.class) has a local header of another name: invalid LOC header");
        byte[] other = KindFixtures.jar(9);
        List<Integer> records = centralRecords(other);
        put32(other, records.get(2) + 42, KindFixtures.localHeaderOffsets(other).get(1)); // B's offset is A's
        assertThat(problem(other, false)).startsWith("entry 3 (com/example/B.class) has a local header of another name");
    }

    @Test
    void anEntryOffsetPointingElsewhereIsCaught() throws IOException {
        byte[] jar = KindFixtures.jar(13);
        int second = centralRecords(jar).get(1);
        put32(jar, second + 42, KindFixtures.int32(jar, second + 42) + 1);
        assertThat(problem(jar, false)).startsWith("entry 2 (com/example/A.class) has no local header");
        put32(jar, second + 42, jar.length); // beyond the file
        assertThat(problem(jar, false)).startsWith("entry 2 (com/example/A.class) has no local header");
        put32(jar, second + 42, 0xffffffffL); // zip64's sentinel, with no extra field to resolve it
        assertThat(problem(jar, false)).startsWith("entry 2 (com/example/A.class) has no local header");
    }

    @Test
    void aDirectoryOffsetPointingElsewhereIsCaught() throws IOException {
        for (int shift : new int[] {-1, 1, -46}) {
            byte[] jar = KindFixtures.jar(14);
            int end = jar.length - 22;
            put32(jar, end + 16, KindFixtures.int32(jar, end + 16) + shift);
            assertThat(problem(jar, false)).as("shifted by %d", shift)
                    .isEqualTo("its directory does not end where its end record starts");
        }
        byte[] jar = KindFixtures.jar(14);
        int end = jar.length - 22;
        put32(jar, end + 16, KindFixtures.int32(jar, end + 16) + 46); // and its size to match: it starts mid-record
        put32(jar, end + 12, KindFixtures.int32(jar, end + 12) - 46);
        assertThat(problem(jar, false)).isEqualTo("its directory lists 3 entries, 0 could be read");
    }

    @Test
    void anEntryCountLargerOrSmallerThanTheDirectoryIsCaught() throws IOException {
        byte[] more = KindFixtures.jar(15);
        put16(more, more.length - 22 + 8, 4);
        put16(more, more.length - 22 + 10, 4);
        assertThat(problem(more, false)).isEqualTo("its directory lists 4 entries, 3 could be read");
        byte[] fewer = KindFixtures.jar(15);
        put16(fewer, fewer.length - 22 + 8, 2);
        put16(fewer, fewer.length - 22 + 10, 2);
        assertThat(problem(fewer, false)).isEqualTo("its directory holds more than the 2 entries its end record counts");
    }

    @Test
    void twoEntriesAtTheSameOffsetOverlap() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("a.txt", KindFixtures.noise(300, 16));
        entries.put("b.txt", KindFixtures.noise(300, 17));
        for (byte[] zip : List.of(KindFixtures.zip(entries), KindFixtures.storedZip(entries))) {
            List<Integer> records = centralRecords(zip);
            int length = records.get(1) - records.get(0);
            System.arraycopy(zip, records.get(0), zip, records.get(1), length); // the second names the first
            assertThat(problem(zip, false)).isEqualTo("entries 1 and 2 overlap");
            assertThat(problem(zip, true)).isEqualTo("entries 1 and 2 overlap");
        }
    }

    @Test
    void aSizeClaimingMoreThanTheFileIsCaught() throws IOException {
        byte[] jar = KindFixtures.jar(18);
        int third = centralRecords(jar).get(2);
        put32(jar, third + 20, jar.length * 2L);
        assertThat(problem(jar, false)).isEqualTo("entry 3 (com/example/B.class) runs into the directory: its data is cut short");
        put32(jar, third + 20, 0x7fffffffL);
        assertThat(problem(jar, true)).isEqualTo("entry 3 (com/example/B.class) runs into the directory: its data is cut short");
        byte[] zip = stored();
        int second = centralRecords(zip).get(1);
        put32(zip, second + 20, 0xffffffffL);
        put32(zip, second + 24, 0xffffffffL);
        assertThat(problem(zip, false)).isEqualTo("entry 2 (pkg-x.tar.zst) runs into the directory: its data is cut short");
        byte[] deflated = KindFixtures.jar(18);
        put32(deflated, centralRecords(deflated).get(2) + 24, 2001); // the inflated size, one byte more
        assertThat(problem(deflated, false)).isNull();
        assertThat(problem(deflated, true)).isEqualTo("entry 3 (com/example/B.class) is damaged: 2000 bytes, its directory says 2001");
    }

    @Test
    void trailingBytesAfterTheEndRecordAreCaught() throws IOException {
        byte[] jar = KindFixtures.jar(19);
        assertThat(problem(Arrays.copyOf(jar, jar.length + 1), false)).startsWith("truncated");
        assertThat(problem(Arrays.copyOf(jar, jar.length + 100), true)).startsWith("truncated");
        byte[] twice = Arrays.copyOf(jar, jar.length * 2);
        System.arraycopy(jar, 0, twice, jar.length, jar.length); // a whole zip after another
        assertThat(problem(twice, false)).isNotNull();
    }

    // ---- the stream

    @Test
    void aSizeOtherThanTheStreamsIsAChangeWhileRead() throws IOException {
        byte[] jar = KindFixtures.jar(20);
        assertThat(ZipStructure.problem(new ByteArrayInputStream(jar), jar.length - 1, false))
                .isEqualTo("changed while it was read");
        assertThat(ZipStructure.problem(new ByteArrayInputStream(jar), jar.length + 1, false))
                .isEqualTo("changed while it was read");
        assertThat(ZipStructure.problem(new ByteArrayInputStream(jar), 0, true)).isEqualTo("changed while it was read");
        assertThat(ZipStructure.problem(new ByteArrayInputStream(new byte[0]), 22, false))
                .isEqualTo("changed while it was read");
        assertThat(ZipStructure.problem(new ByteArrayInputStream(jar), jar.length, false)).isNull();
    }

    @Test
    void aZipLargerThanMemoryTakesIsLeftToTheStream() throws IOException {
        byte[] jar = KindFixtures.jar(21);
        assertThat(ZipStructure.problem(new ByteArrayInputStream(jar), ZipStructure.MAX_BYTES + 1L, false)).isNull();
        byte[] cut = Arrays.copyOf(jar, jar.length - 1);
        assertThat(ZipStructure.problem(new ByteArrayInputStream(cut), ZipStructure.MAX_BYTES + 1L, false)).isNotNull();
    }

    @Test
    void aLargeZipReadAfterASmallOneIsCheckedAsItsOwn() throws IOException {
        // the thread's buffer is kept: what a smaller zip leaves after its end is the last one's
        byte[] large = KindFixtures.zip(Map.of("big.bin", KindFixtures.noise(3 << 20, 22)));
        assertWhole(large);
        assertWhole(KindFixtures.jar(22));
        assertThat(problem(Arrays.copyOf(large, large.length - 22), false)).isNotNull();
        assertWhole(large);
    }

    // ---- garbage

    private static void assertNoException(byte[] bytes, String what) {
        for (boolean inflate : new boolean[] {false, true}) {
            try {
                String problem = ZipStructure.problem(new ByteArrayInputStream(bytes), bytes.length, inflate);
                assertThat(problem == null || !problem.isEmpty()).as(what).isTrue();
                String checked = ZipStructure.check(bytes, bytes.length, inflate);
                assertThat(checked).as(what).isEqualTo(problem);
            } catch (IOException | RuntimeException e) {
                fail(what + (inflate ? ", inflated" : "") + ": " + e, e);
            }
        }
    }

    @Test
    void randomBytesNeverThrow() {
        Random random = new Random(42);
        for (int i = 0; i < 300; i++) {
            byte[] bytes = new byte[random.nextInt(i < 100 ? 64 : 4096)];
            random.nextBytes(bytes);
            if (bytes.length >= 22 && random.nextBoolean()) { // an end record to get past the first check
                int end = bytes.length - 22;
                put32(bytes, end, 0x06054b50);
                put16(bytes, end + 20, 0);
                if (random.nextBoolean()) {
                    put16(bytes, end + 10, random.nextInt(4));
                    put32(bytes, end + 16, random.nextInt(end + 1));
                    put32(bytes, end + 12, end - KindFixtures.int32(bytes, end + 16));
                }
            }
            assertNoException(bytes, "random bytes " + i + " of " + bytes.length);
        }
    }

    @Test
    void mutatedZipsNeverThrow() throws IOException {
        Random random = new Random(7);
        List<byte[]> zips = List.of(KindFixtures.jar(23), stored(), withZip64EndRecords(KindFixtures.jar(24), true));
        for (int i = 0; i < 600; i++) {
            byte[] zip = zips.get(i % zips.size()).clone();
            int flips = 1 + random.nextInt(8);
            for (int f = 0; f < flips; f++) {
                // mostly in the directory and the end records, where a flip changes what is read
                int at = random.nextBoolean() ? zip.length - 1 - random.nextInt(Math.min(zip.length, 300))
                        : random.nextInt(zip.length);
                zip[at] = random.nextInt(4) == 0 ? (byte) 0xff : (byte) random.nextInt(256);
            }
            if (random.nextInt(5) == 0) {
                zip = Arrays.copyOf(zip, random.nextInt(zip.length + 50));
            }
            assertNoException(zip, "mutation " + i);
        }
    }
}
