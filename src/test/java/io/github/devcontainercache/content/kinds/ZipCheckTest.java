package io.github.devcontainercache.content.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** The zip check alone, on zips as the JDK and other tools write them, whole and damaged. */
class ZipCheckTest {

    private static String problem(byte[] zip) {
        return ZipCheck.problem(new ByteArrayInputStream(zip), null);
    }

    /** A stream that hands out one byte at a time, as a slow pipe may. */
    private static InputStream trickle(byte[] bytes) {
        return new ByteArrayInputStream(bytes) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, 1));
            }
        };
    }

    @Test
    void wholeZipsOfEveryShapeAreWhole() throws IOException {
        assertThat(problem(KindFixtures.jar(1))).isNull();
        assertThat(problem(KindFixtures.storedZip(Map.of("info/index.json", "{}".getBytes(), "pkg.tar.zst",
                KindFixtures.noise(5000, 3))))).isNull();
        assertThat(ZipCheck.problem(trickle(KindFixtures.jar(2)), null)).isNull();
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
        assertThat(problem(bytes.toByteArray())).isNull();
    }

    @Test
    void aZipWithDirectoryEntriesCountsThemAsItsDirectoryDoes() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/", new byte[0]);
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n".getBytes());
        entries.put("com/", new byte[0]);
        assertThat(problem(KindFixtures.zip(entries))).isNull();
    }

    @Test
    void anEmptyZipIsWhole() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new ZipOutputStream(bytes).close(); // the 22 bytes of an end record, nothing before
        assertThat(bytes.size()).isEqualTo(22);
        assertThat(problem(bytes.toByteArray())).isNull();
    }

    @Test
    void theEntriesAreHandedOverWithTheirNames() throws IOException {
        List<String> seen = new ArrayList<>();
        String problem = ZipCheck.problem(new ByteArrayInputStream(KindFixtures.jar(5)),
                (name, content) -> seen.add(name + "=" + content.readAllBytes().length));
        assertThat(problem).isNull();
        assertThat(seen).containsExactly("META-INF/MANIFEST.MF=25", "com/example/A.class=3000", "com/example/B.class=2000");
    }

    @Test
    void everyCutOfAZipIsCaught() throws IOException {
        byte[] jar = KindFixtures.jar(6);
        for (int length = 0; length < jar.length; length++) {
            assertThat(problem(Arrays.copyOf(jar, length))).as("cut at %d of %d", length, jar.length).isNotNull();
        }
    }

    @Test
    void trailingBytesAfterTheEndRecordAreCaught() throws IOException {
        byte[] jar = KindFixtures.jar(7);
        byte[] longer = Arrays.copyOf(jar, jar.length + 100);
        assertThat(problem(longer)).isNotNull();
    }

    @Test
    void aDamagedLocalHeaderNamesTheEntryItStarts() throws IOException {
        byte[] jar = KindFixtures.jar(8);
        int third = KindFixtures.localHeaderOffsets(jar).get(2);
        jar[third + 8] = 99; // a compression method no reader knows
        assertThat(problem(jar)).startsWith("entry 3 is damaged");
        byte[] first = KindFixtures.jar(8);
        first[8] = 99;
        assertThat(problem(first)).startsWith("cannot be opened");
    }

    @Test
    void anEntryOfTheDirectoryThatIsMissingLocallyIsCaught() throws IOException {
        byte[] jar = KindFixtures.jar(9);
        List<Integer> headers = KindFixtures.localHeaderOffsets(jar);
        // the second entry's header made to look like the central directory: two entries read of three
        jar[headers.get(1) + 2] = 1;
        jar[headers.get(1) + 3] = 2;
        assertThat(problem(jar)).isEqualTo("its directory lists 3 entries, 1 could be read");
    }

    /** The same zip with the zip64 end record and locator some writers add even when no value needs them. */
    private static byte[] withZip64EndRecords(byte[] zip) {
        int end = zip.length - 22;
        int directory = KindFixtures.centralDirectoryOffset(zip);
        int directorySize = KindFixtures.int32(zip, end + 12);
        long entries = KindFixtures.int16(zip, end + 10);
        java.nio.ByteBuffer records = java.nio.ByteBuffer.allocate(56 + 20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        records.putInt(0x06064b50).putLong(44).putShort((short) 45).putShort((short) 45).putInt(0).putInt(0)
                .putLong(entries).putLong(entries).putLong(directorySize).putLong(directory);
        records.putInt(0x07064b50).putInt(0).putLong(directory + directorySize).putInt(1);
        byte[] result = new byte[zip.length + records.capacity()];
        System.arraycopy(zip, 0, result, 0, end);
        System.arraycopy(records.array(), 0, result, end, records.capacity());
        System.arraycopy(zip, end, result, end + records.capacity(), 22);
        return result;
    }

    @Test
    void zip64EndRecordsBeforeTheEndRecordAreWhole() throws IOException {
        byte[] zip64 = withZip64EndRecords(KindFixtures.jar(10));
        java.nio.file.Path file = java.nio.file.Files.createTempFile("zip64", ".jar");
        try {
            java.nio.file.Files.write(file, zip64);
            try (java.util.zip.ZipFile opened = new java.util.zip.ZipFile(file.toFile())) {
                assertThat(opened.size()).as("the JDK's own reader takes it").isEqualTo(3);
            }
        } finally {
            java.nio.file.Files.delete(file);
        }
        assertThat(problem(zip64)).isNull();
    }

    @Test
    void aStreamThatFailsIsAProblemNotAnException() {
        InputStream failing = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("Input/output error");
            }
        };
        assertThat(ZipCheck.problem(failing, null)).isEqualTo("cannot be opened: Input/output error");
    }
}
