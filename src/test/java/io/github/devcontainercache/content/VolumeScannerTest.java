package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.Owner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VolumeScannerTest {

    /** The files of the cache used below, in the order a tar stream lists them; 760 bytes in 6 files. */
    private static final Map<String, Integer> FILES = orderedFiles();

    private static Map<String, Integer> orderedFiles() {
        Map<String, Integer> files = new java.util.LinkedHashMap<>();
        files.put("tiny.pt", 100);
        files.put("notes.txt", 10);
        files.put("empty", 0);
        files.put("wheels/b.whl", 300);
        files.put("wheels/a.whl", 300);
        files.put("http-v2/x/y/z.bin", 50);
        return files;
    }

    @TempDir
    Path temp;

    private Path cacheDirectory() throws IOException {
        Path root = Files.createDirectory(temp.resolve("vol"));
        for (Map.Entry<String, Integer> file : FILES.entrySet()) {
            Path path = root.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.write(path, new byte[file.getValue()]);
        }
        Files.createDirectories(root.resolve("selfcheck")); // an empty directory: no file, no part size
        // links are neither followed nor counted
        Files.createSymbolicLink(root.resolve("link-to-tiny.pt"), root.resolve("tiny.pt"));
        Files.createSymbolicLink(root.resolve("wheels/linked-dir"), root.resolve("http-v2"));
        Files.createSymbolicLink(root.resolve("dangling"), temp.resolve("nowhere"));
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.write(outside.resolve("big"), new byte[5000]);
        Files.createSymbolicLink(root.resolve("outside"), outside);
        return root;
    }

    private static byte[] tarOf(Map<String, Integer> files, long uid, long gid) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry root = new TarArchiveEntry("vol/");
            root.setUserId(uid);
            root.setGroupId(gid);
            tar.putArchiveEntry(root);
            tar.closeArchiveEntry();
            for (String directory : new String[] {"vol/wheels/", "vol/http-v2/", "vol/http-v2/x/", "vol/http-v2/x/y/"}) {
                TarArchiveEntry entry = new TarArchiveEntry(directory);
                entry.setUserId(0); // another owner below the root must not matter
                tar.putArchiveEntry(entry);
                tar.closeArchiveEntry();
            }
            for (Map.Entry<String, Integer> file : files.entrySet()) {
                TarArchiveEntry entry = new TarArchiveEntry("vol/" + file.getKey());
                entry.setSize(file.getValue());
                tar.putArchiveEntry(entry);
                tar.write(new byte[file.getValue()]);
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static void assertTheCacheAbove(VolumeScan scan) {
        assertThat(scan.sizeBytes()).isEqualTo(760);
        assertThat(scan.files()).isEqualTo(6);
        assertThat(scan.largest()).containsExactly(
                new FileEntry("wheels/a.whl", 300),
                new FileEntry("wheels/b.whl", 300),
                new FileEntry("tiny.pt", 100),
                new FileEntry("http-v2/x/y/z.bin", 50),
                new FileEntry("notes.txt", 10),
                new FileEntry("empty", 0));
        assertThat(scan.part("wheels")).isEqualTo(new VolumeScan.Part(600, 2));
        assertThat(scan.part("http-v2")).isEqualTo(new VolumeScan.Part(50, 1));
        assertThat(scan.part("selfcheck")).isNull();
        assertThat(scan.part("missing")).isNull();
        assertThat(scan.part("tiny.pt")).isNull(); // a root file is no part
        assertThat(scan.rootFiles()).isEqualTo(Map.of("tiny.pt", 100L, "notes.txt", 10L, "empty", 0L));
    }

    @Test
    void aDirectoryWalkCountsTheApparentSizeOfRegularFilesOnly() throws IOException {
        Path root = cacheDirectory();
        VolumeScan scan = VolumeScanner.scan(root, 10);

        assertTheCacheAbove(scan);
        long apparent;
        try (var walk = Files.walk(root)) {
            apparent = walk.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(scan.sizeBytes()).isEqualTo(apparent);
        assertThat(scan.rootOwner()).isNull(); // a walk does not say
    }

    @Test
    void aFileWithSeveralHardLinksCountsOnceAsDuAndDockerCountIt() throws IOException {
        Path root = Files.createDirectory(temp.resolve("linked"));
        Files.createDirectories(root.resolve("a"));
        Files.write(root.resolve("a/model.bin"), new byte[10_000]);
        Files.createLink(root.resolve("model-again.bin"), root.resolve("a/model.bin"));
        Files.write(root.resolve("other"), new byte[5]);

        VolumeScan scan = VolumeScanner.scan(root, 10);

        assertThat(scan.sizeBytes()).isEqualTo(10_005);
        assertThat(scan.files()).isEqualTo(2);
        // the estimate: the two files in whole 4 KiB blocks, a block for each of the two folders
        assertThat(scan.estimatedDiskBytes()).isEqualTo(3 * 4096 + 4096 + 2 * 4096);
    }

    @Test
    void aTarStreamsHardLinkIsAnotherNameOfAFileCountedOnce() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.putArchiveEntry(new TarArchiveEntry("vol/"));
            tar.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry("vol/model.bin");
            file.setSize(10_000);
            tar.putArchiveEntry(file);
            tar.write(new byte[10_000]);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("vol/model-again.bin", TarArchiveEntry.LF_LINK);
            link.setLinkName("vol/model.bin");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
        }

        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(bytes.toByteArray()), 10);

        assertThat(scan.sizeBytes()).isEqualTo(10_000);
        assertThat(scan.files()).isEqualTo(1);
        assertThat(scan.estimatedDiskBytes()).isEqualTo(3 * 4096 + 4096);
    }

    @Test
    void theWalkAndTheStreamEstimateTheSameDisk() throws IOException {
        VolumeScan walked = VolumeScanner.scan(cacheDirectory(), 10);
        VolumeScan streamed = VolumeScanner.scan(new ByteArrayInputStream(tarOf(FILES, 0, 0)), 10);
        // the walk also sees the empty selfcheck folder, which the tar above leaves out
        assertThat(walked.estimatedDiskBytes()).isEqualTo(streamed.estimatedDiskBytes() + 4096);
    }

    @Test
    void aDirectoryWalkKeepsOnlyTheLargestFiles() throws IOException {
        VolumeScan scan = VolumeScanner.scan(cacheDirectory(), 3);

        assertThat(scan.largest()).containsExactly(
                new FileEntry("wheels/a.whl", 300), new FileEntry("wheels/b.whl", 300), new FileEntry("tiny.pt", 100));
        assertThat(scan.sizeBytes()).isEqualTo(760); // the totals count every file
        assertThat(scan.files()).isEqualTo(6);
    }

    @Test
    void anEmptyDirectoryIsNothing() throws IOException {
        VolumeScan scan = VolumeScanner.scan(temp, 10);
        assertThat(scan.sizeBytes()).isZero();
        assertThat(scan.files()).isZero();
        assertThat(scan.largest()).isEmpty();
        assertThat(scan.rootFiles()).isEmpty();
    }

    @Test
    void aTarStreamGivesTheSameNumbersAndTheOwnerOfTheRoot() throws IOException {
        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(tarOf(FILES, 1000, 1000)), 10);

        assertTheCacheAbove(scan);
        assertThat(scan.rootOwner()).isEqualTo(new Owner(1000, 1000));
    }

    @Test
    void aTarStreamKeepsOnlyTheLargestFiles() throws IOException {
        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(tarOf(FILES, 0, 0)), 2);

        assertThat(scan.largest()).containsExactly(new FileEntry("wheels/a.whl", 300), new FileEntry("wheels/b.whl", 300));
        assertThat(scan.files()).isEqualTo(6);
        assertThat(scan.rootOwner()).isEqualTo(new Owner(0, 0));
    }

    @Test
    void aTarStreamOfLongNamesReadsThemWhole() throws IOException {
        String deep = "http-v2/" + "d".repeat(120) + "/" + "f".repeat(120);
        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(tarOf(Map.of(deep, 7), 1000, 1000)), 10);

        assertThat(scan.largest()).containsExactly(new FileEntry(deep, 7));
        assertThat(scan.part("http-v2")).isEqualTo(new VolumeScan.Part(7, 1));
    }

    @Test
    void aTarStreamWhoseFirstEntryIsAFileTellsNoOwner() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry("vol/a");
            entry.setSize(3);
            entry.setUserId(1000);
            tar.putArchiveEntry(entry);
            tar.write(new byte[3]);
            tar.closeArchiveEntry();
        }
        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(bytes.toByteArray()), 10);

        assertThat(scan.rootOwner()).isNull();
        assertThat(scan.rootFiles()).isEqualTo(Map.of("a", 3L));
    }

    @Test
    void anEmptyTarStreamIsNothing() throws IOException {
        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(tarOf(Map.of(), 1000, 1000)), 10);
        assertThat(scan.sizeBytes()).isZero();
        assertThat(scan.files()).isZero();
        assertThat(scan.rootOwner()).isEqualTo(new Owner(1000, 1000));
    }

    @Test
    void keepingNoLargestFilesKeepsNoneButCountsAll() throws IOException {
        for (int keep : new int[] {0, -1}) {
            VolumeScan walked = VolumeScanner.scan(cacheDirectory(), keep);
            VolumeScan read = VolumeScanner.scan(new ByteArrayInputStream(tarOf(FILES, 1000, 1000)), keep);
            for (VolumeScan scan : new VolumeScan[] {walked, read}) {
                assertThat(scan.largest()).isEmpty();
                assertThat(scan.sizeBytes()).isEqualTo(760);
                assertThat(scan.files()).isEqualTo(6);
                assertThat(scan.part("wheels")).isEqualTo(new VolumeScan.Part(600, 2));
            }
            deleteTree(temp.resolve("vol"));
            deleteTree(temp.resolve("outside"));
        }
    }

    @Test
    void addFileSplitsRootFilesFromTopLevelParts() {
        VolumeScan scan = new VolumeScan(5);
        scan.addFile("a", 1);
        scan.addFile("wheels/x.whl", 2);
        scan.addFile("wheels/sub/y.whl", 3);
        scan.addFile("http/z", 4);

        assertThat(scan.rootFiles()).containsExactly(Map.entry("a", 1L));
        assertThat(scan.part("wheels")).isEqualTo(new VolumeScan.Part(5, 2));
        assertThat(scan.part("http")).isEqualTo(new VolumeScan.Part(4, 1));
        assertThat(scan.part("http-v2")).isNull();
        assertThat(scan.sizeBytes()).isEqualTo(10);
        assertThat(scan.files()).isEqualTo(4);
        assertThat(scan.largest()).extracting(FileEntry::path).containsExactly("http/z", "wheels/sub/y.whl", "wheels/x.whl", "a");
    }

    private static void deleteTree(Path root) throws IOException {
        try (var walk = Files.walk(root)) {
            for (Path path : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    @Test
    void podmansEntriesBelowARootOfSlashKeepTheirWholePathEvenWhenALongNameComesInAPaxHeader() throws IOException {
        // Podman names a directory's entries /..., and a name of over 100 bytes goes in a PAX header, whose path
        // commons-compress gives without its leading '/'
        String longName = "_cacache/content-v2/sha512/42/f1/" + "a".repeat(124);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            TarArchiveEntry root = new TarArchiveEntry("/", TarArchiveEntry.LF_DIR, true);
            tar.putArchiveEntry(root);
            tar.closeArchiveEntry();
            for (String name : new String[] {"/_cacache/index-v5/ab/cd/ef", "/" + longName}) {
                TarArchiveEntry file = new TarArchiveEntry(name, true);
                file.setSize(3);
                tar.putArchiveEntry(file);
                tar.write(new byte[3]);
                tar.closeArchiveEntry();
            }
        }
        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(bytes.toByteArray()), 5);

        assertThat(scan.largest()).extracting(FileEntry::path)
                .containsExactlyInAnyOrder("_cacache/index-v5/ab/cd/ef", longName);
        assertThat(scan.part("_cacache").files()).isEqualTo(2);
    }

    @Test
    void anEntrysPathIsWhatFollowsTheArchivesRoot() {
        assertThat(VolumeScanner.relative("vol/a/b", "vol/")).isEqualTo("a/b");
        assertThat(VolumeScanner.relative("vol/", "vol/")).isNull();
        assertThat(VolumeScanner.relative("/a/b", "/")).isEqualTo("a/b");
        assertThat(VolumeScanner.relative("a/b", "/")).isEqualTo("a/b");
        assertThat(VolumeScanner.relative("/", "/")).isNull();
        assertThat(VolumeScanner.relative("./a", "./")).isEqualTo("a");
        assertThat(VolumeScanner.relative("other/a", null)).isEqualTo("a");
    }
}
