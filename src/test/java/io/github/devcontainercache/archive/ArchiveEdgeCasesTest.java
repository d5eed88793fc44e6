package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devcontainercache.BuildLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cases the archive tests found mishandled once: hard links and FIFOs through the archive API, seeding a bare file
 * name, chains of symbolic links, entries below a link, a damaged header.
 */
class ArchiveEdgeCasesTest {

    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final Importer importer = new Importer(BuildLog.SILENT);

    /**
     * The archive API names a hard link's target "vol/a.txt" like its own name; Exporter.archiveStream renames the
     * entry but not its link name, so the export of a volume holding hard links is refused on import.
     */
    @Test
    void exportsHardLinksOfTheArchiveApiSoThatTheyImport() throws Exception {
        byte[] apiTar = new CraftedTar()
                .directory("vol/")
                .file("vol/a.txt", HELLO)
                .hardLink("vol/b.txt", "vol/a.txt")
                .bytes(Compression.NONE);

        Path archive = new Exporter(BuildLog.SILENT).export(Exporter.archiveStream(new ByteArrayInputStream(apiTar)),
                dir, "vol", "generic", Map.of(), "1", Compression.NONE, 0);

        assertThat(CraftedTar.readArchive(archive).get("b.txt").entry().getLinkName()).isEqualTo("a.txt");
        assertThat(importer.verify(archive).files()).containsOnlyKeys("a.txt");
    }

    /**
     * Exporter.directory skips FIFOs and devices ("no cache content"); Exporter.archiveStream copies them, lists them
     * in the manifest as empty files, and the import then refuses the archive it wrote.
     */
    @Test
    void exportsTheArchiveApisStreamWithoutFifos() throws Exception {
        byte[] apiTar = new CraftedTar()
                .directory("vol/")
                .file("vol/a.txt", HELLO)
                .special("vol/pipe", TarConstants.LF_FIFO)
                .bytes(Compression.NONE);

        Path archive = new Exporter(BuildLog.SILENT).export(Exporter.archiveStream(new ByteArrayInputStream(apiTar)),
                dir, "vol", "generic", Map.of(), "1", Compression.NONE, 0);

        assertThat(importer.verify(archive).files()).containsOnlyKeys("a.txt");
    }

    /** Seeder.write relativizes against from.getParent(), which is null for a bare file name such as "base.pt". */
    @Test
    void seedsAFileNamedWithoutDirectory() throws Exception {
        Path bare = Path.of("seeder-finding-" + ProcessHandle.current().pid() + ".pt");
        Files.write(bare, HELLO);
        try {
            java.util.Map<String, CraftedTar.Read> written = new java.util.LinkedHashMap<>();
            new Seeder(BuildLog.SILENT).write(bare, "cache", new io.github.devcontainercache.caches.Owner(0, 0), in -> {
                try {
                    written.putAll(CraftedTar.read(in));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });

            assertThat(written).containsOnlyKeys("cache/" + bare);
        } finally {
            Files.deleteIfExists(bare);
        }
    }

    /**
     * EntrySafety resolves a link's target lexically, as if no component were itself a link: "l" -> "." is inside,
     * and so is "m" -> "l/.." on paper (/volume/l/.. = /volume), but on disk m is /volume/./.. = the volume's parent.
     */
    @Test
    void refusesASymlinkThatLeavesThroughAnotherSymlink() throws Exception {
        Path archive = new CraftedTar().manifest(Map.of())
                .symlink("l", ".")
                .symlink("m", "l/..")
                .write(dir, "chain", Compression.NONE);

        ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
                () -> importer.verify(archive));

        assertThat(refused).isNotNull();
    }

    /** An entry written through an earlier symlink of the archive lands wherever that link points. */
    @Test
    void refusesAnEntryBelowASymlink() throws Exception {
        CraftedTar content = new CraftedTar().file("l/x", HELLO);
        Path archive = new CraftedTar().manifest(content.listed())
                .symlink("l", "sub")
                .file("l/x", HELLO)
                .write(dir, "below", Compression.NONE);

        ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
                () -> importer.verify(archive));

        assertThat(refused).isNotNull();
    }

    /**
     * The tar reader notes a header whose checksum does not match (TarArchiveEntry.isCheckSumOK()) but does not fail,
     * and zstd frames carry no checksum: a flipped byte in a mode, an owner, a time or a link target is accepted.
     */
    @Test
    void refusesAFlippedByteInAHeadersMode() throws Exception {
        byte[] bytes = ImporterVerifyTest.valid(Compression.NONE);
        int header = ImporterVerifyTest.aTxtHeader(bytes);
        assertThat(new String(bytes, header + 100, 7, StandardCharsets.US_ASCII)).isEqualTo("0100644");
        bytes[header + 106] ^= 0x01; // mode 0100644 becomes 0100645
        Path archive = Files.write(dir.resolve("mode.tar"), bytes);

        ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
                () -> importer.verify(archive));

        assertThat(refused).isNotNull();
    }

    /** normalize keeps "." and empty components, so "a/./b" and "a//b" pass as other paths than "a/b". */
    @Test
    void refusesTheSamePathSpelledWithDot() throws Exception {
        Path archive = new CraftedTar()
                .manifest(new CraftedTar().file("a/b", HELLO).file("a/./b", "other").listed())
                .file("a/b", HELLO)
                .file("a/./b", "other")
                .write(dir, "dot", Compression.NONE);

        ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
                () -> importer.verify(archive));

        assertThat(refused).isNotNull();
    }
}
