package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.content.Progress;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ExporterTest {

    private static final String LONG_NAME = "a-file-name-longer-than-the-hundred-bytes-a-plain-ustar-header-holds-"
            + "so-it-needs-a-pax-header-of-its-own.bin";
    private static final Map<String, String> LABELS = Map.of("io.github.devcontainer-cache.managed", "true");

    @TempDir
    Path cache;

    @TempDir
    Path out;

    /** Every regular file of the tree: relative path to content. */
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    @BeforeEach
    void buildTree() throws IOException {
        file("a.txt", "hello\n".getBytes(StandardCharsets.UTF_8), "rw-r--r--");
        file("empty", new byte[0], "rw-------");
        file("bin/run.sh", "#!/bin/sh\necho run\n".getBytes(StandardCharsets.UTF_8), "rwxr-xr-x");
        file("deep/nested/dir/data.bin", CraftedTar.random(1, 300_000), "rw-r-----");
        file("deep/" + LONG_NAME, CraftedTar.random(2, 1000), "rw-rw-r--");
        Files.createDirectories(cache.resolve("deep/empty-dir"));
        Files.setPosixFilePermissions(cache.resolve("deep/nested"), PosixFilePermissions.fromString("rwx------"));
        Files.createSymbolicLink(cache.resolve("deep/link"), Path.of("../a.txt"));
    }

    private void file(String relative, byte[] content, String permissions) throws IOException {
        Path path = cache.resolve(relative);
        Files.createDirectories(path.getParent());
        Files.write(path, content);
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        files.put(relative, content);
    }

    private Path export(Compression compression) throws IOException {
        return new Exporter(BuildLog.SILENT).export(Exporter.directory(cache), out, "test-cache", "generic", LABELS,
                "1.2.3", compression, 0);
    }

    /** The manifest's files, computed here independently of the plugin. */
    private Map<String, Manifest.FileDigest> expectedDigests() {
        Map<String, Manifest.FileDigest> expected = new LinkedHashMap<>();
        files.forEach((path, content) -> expected.put(path, CraftedTar.digest(content)));
        return expected;
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void writesTheArchiveUnderItsFinalNameOnly(Compression compression) throws IOException {
        Path archive = export(compression);

        assertThat(archive).isEqualTo(out.resolve("test-cache" + compression.suffix())).isRegularFile();
        assertThat(Compression.ofFile(archive)).contains(compression);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(archive); // no .part, no staging body
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void startsWithAManifestOfEveryFile(Compression compression) throws IOException {
        Path archive = export(compression);

        Map<String, CraftedTar.Read> entries = CraftedTar.readArchive(archive);

        assertThat(entries.keySet().iterator().next()).isEqualTo(Manifest.ENTRY);
        Manifest manifest = Manifest.parse(entries.get(Manifest.ENTRY).content());
        assertThat(manifest.volume()).isEqualTo("test-cache");
        assertThat(manifest.kind()).isEqualTo("generic");
        assertThat(manifest.pluginVersion()).isEqualTo("1.2.3");
        assertThat(manifest.labels()).isEqualTo(LABELS);
        assertThat(manifest.created()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // every regular file, with the size and SHA-256 computed here; not the symlink, not the directories
        assertThat(manifest.files()).containsExactlyInAnyOrderEntriesOf(expectedDigests());
        assertThat(manifest.totalBytes()).isEqualTo(files.values().stream().mapToLong(c -> c.length).sum());
        // the root, 5 directories, 5 files and the link
        assertThat(manifest.entries()).isEqualTo(entries.size() - 1).isEqualTo(12);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void keepsEveryEntrysTypeModeOwnerAndBytes(Compression compression) throws IOException {
        Path archive = export(compression);

        Map<String, CraftedTar.Read> entries = CraftedTar.readArchive(archive);
        entries.remove(Manifest.ENTRY);

        List<String> expectedNames = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(cache)) {
            walk.sorted().forEach(path -> {
                String relative = cache.relativize(path).toString();
                expectedNames.add(relative.isEmpty() ? "./" : Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)
                        ? relative + "/" : relative);
            });
        }
        assertThat(entries.keySet()).containsExactlyElementsOf(expectedNames);
        for (CraftedTar.Read read : entries.values()) {
            TarArchiveEntry entry = read.entry();
            String relative = EntrySafety.normalize(entry.getName());
            Path path = relative.isEmpty() ? cache : cache.resolve(relative);
            Map<String, Object> unix = Files.readAttributes(path, "unix:mode,uid,gid", LinkOption.NOFOLLOW_LINKS);
            assertThat(entry.getMode() & 07777).as("mode of %s", relative)
                    .isEqualTo(((Integer) unix.get("mode")) & 07777);
            assertThat(entry.getLongUserId()).as("uid of %s", relative).isEqualTo(((Number) unix.get("uid")).longValue());
            assertThat(entry.getLongGroupId()).as("gid of %s", relative).isEqualTo(((Number) unix.get("gid")).longValue());
            if (Files.isSymbolicLink(path)) {
                assertThat(entry.isSymbolicLink()).isTrue();
                assertThat(entry.getLinkName()).isEqualTo("../a.txt");
            } else if (Files.isDirectory(path)) {
                assertThat(entry.isDirectory()).as("%s is a directory", relative).isTrue();
            } else {
                assertThat(entry.isFile()).isTrue();
                assertThat(read.content()).as("bytes of %s", relative).isEqualTo(files.get(relative));
                assertThat(entry.getModTime().toInstant().getEpochSecond())
                        .isEqualTo(Files.getLastModifiedTime(path).toInstant().getEpochSecond());
            }
        }
        assertThat(entries.get("bin/run.sh").entry().getMode() & 0777).isEqualTo(0755);
        assertThat(entries.get("empty").entry().getMode() & 0777).isEqualTo(0600);
        assertThat(entries.get("deep/nested/").entry().getMode() & 0777).isEqualTo(0700);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void anExportedArchiveVerifiesAndImportsItsBytes(Compression compression) throws Exception {
        Path archive = export(compression);
        Manifest written = Manifest.parse(CraftedTar.readArchive(archive).get(Manifest.ENTRY).content());
        Importer importer = new Importer(BuildLog.SILENT);

        assertThat(importer.verify(archive)).isEqualTo(written);

        Map<String, CraftedTar.Read> imported = new LinkedHashMap<>();
        importer.write(archive, "cache", stream -> {
            try {
                imported.putAll(CraftedTar.read(stream));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(imported).isNotEmpty().doesNotContainKey(Manifest.ENTRY);
        assertThat(imported.keySet()).allSatisfy(name -> assertThat(name).startsWith("cache/"));
        assertThat(imported).containsKeys("cache/", "cache/bin/", "cache/deep/empty-dir/", "cache/deep/link");
        files.forEach((relative, content) -> assertThat(imported.get("cache/" + relative).content())
                .as("bytes of %s", relative).isEqualTo(content));
        assertThat(imported.get("cache/deep/link").entry().isSymbolicLink()).isTrue();
        assertThat(imported.get("cache/deep/link").entry().getLinkName()).isEqualTo("../a.txt");
        assertThat(imported.get("cache/bin/run.sh").entry().getMode() & 0777).isEqualTo(0755);
    }

    /** Where the archive holds a zstd skippable frame's magic number, or -1. */
    private static int skippableFrameAt(byte[] archive, int within) {
        for (int i = 0; i + 4 <= Math.min(archive.length, within); i++) {
            if ((archive[i] & 0xff) == 0x50 && archive[i + 1] == 0x2A && archive[i + 2] == 0x4D && archive[i + 3] == 0x18) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void aManifestThatFitsTheFrontGoesThereAndTheRestOfItIsSkippedByTheDecompressor() throws Exception {
        int front = 4096;
        Path archive = new Exporter(BuildLog.SILENT, front).export(Exporter.directory(cache), out, "test-cache",
                "generic", LABELS, "1.2.3", Compression.ZSTD, 0);
        byte[] bytes = Files.readAllBytes(archive);

        // the manifest's frame, then a skippable frame up to the body, which starts where the front ends
        int padding = skippableFrameAt(bytes, front);
        assertThat(padding).isPositive();
        long skipped = ByteBuffer.wrap(bytes, padding + 4, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        assertThat(padding + 8 + skipped).isEqualTo(front);
        assertThat(Arrays.copyOfRange(bytes, padding + 8, front)).containsOnly(0);
        // read as one tar that starts with its manifest, verified and imported as any archive
        Map<String, CraftedTar.Read> entries = CraftedTar.readArchive(archive);
        assertThat(entries.keySet().iterator().next()).isEqualTo(Manifest.ENTRY);
        Manifest manifest = new Importer(BuildLog.SILENT).verify(archive);
        assertThat(manifest.files()).containsExactlyInAnyOrderEntriesOf(expectedDigests());
        files.forEach((relative, content) -> assertThat(entries.get(relative).content()).isEqualTo(content));
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(archive);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void aManifestLargerThanTheFrontOrAFrontTooLargeAShareIsCopiedBehind(Compression compression) throws Exception {
        for (long front : new long[] {64, Exporter.FRONT_BYTES}) {
            Path archive = new Exporter(BuildLog.SILENT, front).export(Exporter.directory(cache), out, "test-cache",
                    "generic", LABELS, "1.2.3", compression, 0);
            byte[] bytes = Files.readAllBytes(archive);

            assertThat(skippableFrameAt(bytes, bytes.length)).as("front %d", front).isEqualTo(-1);
            assertThat(new Importer(BuildLog.SILENT).verify(archive).files())
                    .containsExactlyInAnyOrderEntriesOf(expectedDigests());
            try (Stream<Path> left = Files.list(out)) {
                assertThat(left).containsExactly(archive);
            }
        }
    }

    @Test
    void replacesAnOlderArchiveOfTheSameVolume() throws IOException {
        Files.writeString(out.resolve("test-cache.tar.zst"), "an older export");

        Path archive = export(Compression.ZSTD);

        assertThat(CraftedTar.readArchive(archive)).containsKey(Manifest.ENTRY);
    }

    /** A source that fails in the middle of its first file, as a full disk or a lost engine would. */
    private static Exporter.Source failingMidEntry(String reason) {
        return (tar, progress) -> {
            TarArchiveEntry entry = new TarArchiveEntry("a.txt");
            entry.setSize(10);
            tar.putArchiveEntry(entry);
            tar.write(new byte[4]);
            throw new IOException(reason);
        };
    }

    @Test
    void anInterruptedExportLeavesNothingBehind() throws IOException {
        Exporter.Source failing = failingMidEntry("the engine went away");

        assertThatThrownBy(() -> new Exporter(BuildLog.SILENT).export(failing, out, "test-cache", "generic", Map.of(),
                        "1", Compression.ZSTD, 0))
                .isInstanceOf(IOException.class)
                .hasMessage("the engine went away");
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void aFailedExportLeavesTheOlderArchiveByteForByteAndNamesIt() throws IOException {
        byte[] older = "the archive of yesterday".getBytes(StandardCharsets.UTF_8);
        Path archive = out.resolve("test-cache.tar.zst");
        Files.write(archive, older);
        Instant yesterday = Instant.parse("2026-11-30T14:02:11.250Z");
        Files.setLastModifiedTime(archive, FileTime.from(yesterday));
        Exporter.Source failing = failingMidEntry("No space left on device");

        IOException failure = catchThrowableOfType(() -> new Exporter(BuildLog.SILENT).export(failing, out,
                "test-cache", "generic", Map.of(), "1", Compression.ZSTD, 0), IOException.class);

        assertThat(Files.readAllBytes(archive)).isEqualTo(older);
        assertThat(Files.getLastModifiedTime(archive).toInstant()).isEqualTo(yesterday);
        try (Stream<Path> left = Files.list(out)) {
            assertThat(left).containsExactly(archive);
        }
        assertThat(ArchiveMessages.exportFailed("test-cache", failure,
                        Exporter.existing(out, "test-cache", Compression.ZSTD)))
                .isEqualTo("Exporting test-cache failed: No space left on device. The archive it had is left as it"
                        + " was: " + archive + ", of 2026-11-30T14:02:11Z, 24 B.");
        assertThat(ArchiveMessages.exportFailed("test-cache", failure,
                        Exporter.existing(out, "test-cache", Compression.GZIP)))
                .isEqualTo("Exporting test-cache failed: No space left on device. No archive of it is in the export"
                        + " directory, and none was written.");
    }

    @Test
    void logsWhatWasExported() throws IOException {
        List<String> info = new ArrayList<>();
        BuildLog log = new BuildLog() {
            @Override
            public void info(String message) {
                info.add(message);
            }

            @Override
            public void warn(String message) {}

            @Override
            public void debug(String message) {}
        };

        Path archive = new Exporter(log).export(Exporter.directory(cache), out, "test-cache", "generic", Map.of(), "1",
                Compression.NONE, 0);

        assertThat(info).singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
                .startsWith("Exported test-cache to " + archive + ": ");
    }

    // ---- the archive API's stream ---------------------------------------------------------------------------

    @Test
    void renamesTheArchiveApisEntriesRelativeToTheRoot() throws IOException {
        byte[] b = CraftedTar.random(3, 5000);
        byte[] apiTar = new CraftedTar()
                .directory("vol/")
                .file("vol/a.txt", "hello")
                .directory("vol/sub/")
                .file("vol/sub/b.bin", b)
                .symlink("vol/sub/l", "../a.txt")
                .file("vol/sub/" + LONG_NAME, "long")
                .bytes(Compression.NONE);

        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = Exporter.tarOut(copied)) {
            Exporter.archiveStream(new ByteArrayInputStream(apiTar)).copyTo(tar, new Progress(BuildLog.SILENT, "test", 0));
        }

        Map<String, CraftedTar.Read> entries = CraftedTar.read(copied.toByteArray());
        assertThat(entries.keySet()).containsExactly("./", "a.txt", "sub/", "sub/b.bin", "sub/l", "sub/" + LONG_NAME);
        assertThat(entries.get("a.txt").content()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        assertThat(entries.get("sub/b.bin").content()).isEqualTo(b);
        assertThat(entries.get("sub/l").entry().getLinkName()).isEqualTo("../a.txt");
        assertThat(entries.get("./").entry().isDirectory()).isTrue();
    }

    @Test
    void exportsTheArchiveApisStreamIntoAnArchiveThatVerifies() throws Exception {
        byte[] b = CraftedTar.random(4, 70_000);
        byte[] apiTar = new CraftedTar()
                .directory("vol/")
                .file("vol/a.txt", "hello")
                .directory("vol/sub/")
                .file("vol/sub/b.bin", b)
                .bytes(Compression.NONE);

        Path archive = new Exporter(BuildLog.SILENT).export(Exporter.archiveStream(new ByteArrayInputStream(apiTar)),
                out, "vol", "generic", Map.of(), "1", Compression.ZSTD, apiTar.length);

        Manifest manifest = new Importer(BuildLog.SILENT).verify(archive);
        assertThat(manifest.files()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "a.txt", CraftedTar.digest("hello".getBytes(StandardCharsets.UTF_8)),
                "sub/b.bin", CraftedTar.digest(b)));
        assertThat(manifest.entries()).isEqualTo(4);
        assertThat(manifest.totalBytes()).isEqualTo(5 + 70_000);
    }

    @Test
    void readsAStreamThatIsJustTheRoot() throws IOException {
        byte[] apiTar = new CraftedTar().directory("vol").bytes(Compression.NONE);

        ByteArrayOutputStream copied = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = Exporter.tarOut(copied)) {
            Exporter.archiveStream(new ByteArrayInputStream(apiTar)).copyTo(tar, new Progress(BuildLog.SILENT, "test", 0));
        }

        assertThat(CraftedTar.read(copied.toByteArray())).containsOnlyKeys("./");
    }

    @Test
    void theTemporaryFilesOfAKilledExportGoAndThoseOfARunningOneStay() throws IOException {
        long dead = deadPid();
        long alive = ProcessHandle.current().pid();
        String host = Integer.toHexString(io.github.devcontainercache.BuildIdentity.host().hashCode());
        Path killedStaging = Files.write(out.resolve(".dcc-export-" + dead + "-" + host + "-1a-pip.staging.tar"), new byte[1]);
        Path killedPart = Files.write(out.resolve(".dcc-export-" + dead + "-" + host + "-2b-pip.tar.zst.part"), new byte[1]);
        Path killedBody = Files.write(out.resolve(".dcc-export-" + dead + "-" + host + "-2c-pip.staging.tar.gz"), new byte[1]);
        Path running = Files.write(out.resolve(".dcc-export-" + alive + "-" + host + "-3c-pip.staging.tar"), new byte[1]);
        Path otherHost = Files.write(out.resolve(".dcc-export-" + dead + "-0-4d-pip.staging.tar"), new byte[1]);
        Path otherCache = Files.write(out.resolve(".dcc-export-" + dead + "-" + host + "-5e-a-pip.staging.tar"), new byte[1]);
        Path dottedCache = Files.write(out.resolve(".dcc-export-" + dead + "-" + host + "-6f-pip.x.tar.zst.part"), new byte[1]);
        Path archive = Files.write(out.resolve("pip.tar.zst"), new byte[1]);

        ExportFiles.removeThoseOfDeadExports(out, "pip");

        assertThat(killedStaging).doesNotExist();
        assertThat(killedPart).doesNotExist();
        assertThat(killedBody).doesNotExist();
        assertThat(running).exists();
        assertThat(otherHost).exists();
        assertThat(otherCache).exists();
        assertThat(dottedCache).exists();
        assertThat(archive).exists();
    }

    /** A process id that no process has. */
    private static long deadPid() {
        long pid = 4_000_000L;
        while (ProcessHandle.of(pid).isPresent()) {
            pid++;
        }
        return pid;
    }
}
