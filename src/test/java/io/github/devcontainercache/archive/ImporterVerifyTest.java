package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devcontainercache.BuildLog;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Importer.verify over crafted archives: every refused kind, with the exact problem text. */
class ImporterVerifyTest {

    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    private final Importer importer = new Importer(BuildLog.SILENT);

    /** A manifest listing the regular files the archive holds, then those files. */
    private static CraftedTar withManifestOf(CraftedTar content) {
        return new CraftedTar().manifest(content.listed());
    }

    private Path write(CraftedTar tar) throws IOException {
        return tar.write(dir, "crafted", Compression.ZSTD);
    }

    /** Verifies and returns the problems of the refusal, checking the exception's message says all of them. */
    private List<String> refused(Path archive) {
        ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
                () -> importer.verify(archive));
        assertThat(refused).as("%s is refused", archive.getFileName()).isNotNull();
        assertThat(refused.getMessage()).isEqualTo(ArchiveMessages.archiveRefused(archive.toString(), refused.problems()));
        return refused.problems();
    }

    /** An archive of a manifest listing exactly the regular files given, then the entries given. */
    private Path archive(java.util.function.Consumer<CraftedTar> entries) throws IOException {
        CraftedTar content = new CraftedTar();
        entries.accept(content);
        CraftedTar tar = withManifestOf(content);
        entries.accept(tar);
        return write(tar);
    }

    // ---- what is accepted -------------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Compression.class)
    void acceptsAWellFormedArchive(Compression compression) throws Exception {
        CraftedTar content = new CraftedTar()
                .directory("./")
                .file("a.txt", HELLO)
                .directory("sub")
                .file("./sub/b.bin", CraftedTar.random(5, 100_000))
                .file("sub/empty", new byte[0])
                .hardLink("sub/a-again", "a.txt");
        CraftedTar tar = withManifestOf(content)
                .directory("./")
                .file("a.txt", HELLO)
                .directory("sub")
                .file("./sub/b.bin", CraftedTar.random(5, 100_000))
                .file("sub/empty", new byte[0])
                .hardLink("sub/a-again", "a.txt");

        Manifest manifest = importer.verify(tar.write(dir, "fine", compression));

        assertThat(manifest.files()).containsOnlyKeys("a.txt", "sub/b.bin", "sub/empty");
        assertThat(manifest.volume()).isEqualTo("vol");
    }

    @Test
    void acceptsSafeSymlinksTheManifestDoesNotList() throws Exception {
        CraftedTar content = new CraftedTar().file("a.txt", HELLO);
        Path archive = write(withManifestOf(content)
                .file("a.txt", HELLO)
                .directory("sub")
                .symlink("link", "a.txt")
                .symlink("sub/up", "../a.txt")
                .symlink("sub/dangling", "nowhere"));

        assertThat(importer.verify(archive).files()).containsOnlyKeys("a.txt");
    }

    // ---- the manifest ---------------------------------------------------------------------------------------

    @Test
    void refusesAnArchiveWithoutManifest() throws IOException {
        Path archive = write(new CraftedTar().file("a.txt", HELLO));

        assertThat(refused(archive)).containsExactly("it does not start with the manifest devcontainer-cache.json:"
                + " it was not written by devcontainer-cache:export");
    }

    @Test
    void refusesAnArchiveWhoseManifestIsNotFirst() throws IOException {
        CraftedTar tar = new CraftedTar().file("a.txt", HELLO);
        Path archive = write(tar.manifest(tar.listed()));

        assertThat(refused(archive)).containsExactly("it does not start with the manifest devcontainer-cache.json:"
                + " it was not written by devcontainer-cache:export");
    }

    @Test
    void refusesAnEmptyArchive() throws IOException {
        Path archive = write(new CraftedTar());

        assertThat(refused(archive)).containsExactly("it does not start with the manifest devcontainer-cache.json:"
                + " it was not written by devcontainer-cache:export");
    }

    @Test
    void refusesAManifestThatIsNotJson() throws IOException {
        Path archive = write(new CraftedTar().manifest("this is not JSON".getBytes(StandardCharsets.UTF_8))
                .file("a.txt", HELLO));

        assertThat(refused(archive)).singleElement().asString()
                .startsWith("its manifest cannot be read: ")
                .contains("Unrecognized token 'this'");
    }

    @Test
    void refusesAManifestThatIsNoObject() throws IOException {
        Path archive = write(new CraftedTar().manifest("[1, 2]".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused(archive))
                .containsExactly("its manifest cannot be read: the manifest is not a JSON object");
    }

    @Test
    void refusesAManifestWithoutVolume() throws IOException {
        Path archive = write(new CraftedTar().manifest("{\"files\":[]}".getBytes(StandardCharsets.UTF_8)));

        assertThat(refused(archive)).containsExactly("its manifest cannot be read: the manifest names no volume");
    }

    @Test
    void refusesAManifestTooLargeToRead() throws IOException {
        // only the header: the size is refused before a byte of it is read
        TarArchiveEntry entry = new TarArchiveEntry(Manifest.ENTRY);
        entry.setSize(Manifest.MAX_BYTES + 1L);
        byte[] header = new byte[512];
        entry.writeEntryHeader(header);
        Path archive = Files.write(dir.resolve("huge.tar"), header);

        assertThat(refused(archive)).containsExactly("its manifest is too large");
    }

    // ---- unsafe entries -------------------------------------------------------------------------------------

    @Test
    void refusesAnAbsolutePath() throws IOException {
        Path archive = archive(tar -> tar.unlisted("/etc/passwd", HELLO));

        assertThat(refused(archive))
                .containsExactly("'/etc/passwd' is an absolute path, climbs out with '..' or is no path");
    }

    @Test
    void refusesAPathThatStartsWithDotDot() throws IOException {
        Path archive = archive(tar -> tar.unlisted("../escape", HELLO));

        assertThat(refused(archive))
                .containsExactly("'../escape' is an absolute path, climbs out with '..' or is no path");
    }

    @Test
    void refusesAPathThatClimbsOutInTheMiddle() throws IOException {
        Path archive = archive(tar -> tar.unlisted("a/../../b", HELLO));

        assertThat(refused(archive))
                .containsExactly("'a/../../b' is an absolute path, climbs out with '..' or is no path");
    }

    @Test
    void refusesADirectoryThatClimbsOut() throws IOException {
        Path archive = archive(tar -> tar.directory("../up"));

        assertThat(refused(archive))
                .containsExactly("'../up/' is an absolute path, climbs out with '..' or is no path");
    }

    @Test
    void refusesASymlinkToAnAbsolutePath() throws IOException {
        Path archive = archive(tar -> tar.symlink("etc-link", "/etc"));

        assertThat(refused(archive)).containsExactly("'etc-link' links outside the volume (to /etc)");
    }

    @Test
    void refusesASymlinkThatClimbsOut() throws IOException {
        Path archive = archive(tar -> tar.directory("sub").symlink("sub/out", "../../outside"));

        assertThat(refused(archive)).containsExactly("'sub/out' links outside the volume (to ../../outside)");
    }

    @Test
    void refusesASymlinkToTheVolumesParent() throws IOException {
        Path archive = archive(tar -> tar.symlink("up", ".."));

        assertThat(refused(archive)).containsExactly("'up' links outside the volume (to ..)");
    }

    @Test
    void refusesAHardLinkOutside() throws IOException {
        Path archive = archive(tar -> tar.file("a.txt", HELLO).hardLink("hl", "../outside"));

        assertThat(refused(archive)).containsExactly("'hl' is a hard link outside the volume (to ../outside)");
    }

    @Test
    void refusesAHardLinkToAnAbsolutePath() throws IOException {
        Path archive = archive(tar -> tar.hardLink("shadow", "/etc/shadow"));

        assertThat(refused(archive)).containsExactly("'shadow' is a hard link outside the volume (to /etc/shadow)");
    }

    @Test
    void refusesAHardLinkToAFileTheArchiveDoesNotHoldFirst() throws IOException {
        Path archive = archive(tar -> tar.hardLink("early", "a.txt").file("a.txt", HELLO));

        assertThat(refused(archive))
                .containsExactly("'early' is a hard link to a file the archive does not hold first");
    }

    @Test
    void refusesEntriesInsideAFileOfTheArchiveWhicheverComesFirst() throws IOException {
        // found by the fuzz test: verification accepted them, and the import failed halfway
        assertThat(refused(archive(tar -> tar.file("a.txt", HELLO).symlink("a.txt/s", "../b")))).containsExactly(
                "'a.txt/s' lies inside 'a.txt', which the archive holds as a file: no directory can be made there");
        assertThat(refused(archive(tar -> tar.file("sub/x/y.txt", HELLO).file("sub/x", HELLO)))).containsExactly(
                "'sub/x/y.txt' lies inside 'sub/x', which the archive holds as a file: no directory can be made there");
        assertThat(refused(archive(tar -> tar.file("a.txt", HELLO).hardLink("h", "a.txt").directory("h/d"))))
                .containsExactly("'h/d' lies inside 'h', which the archive holds as a file: no directory can be made there");
    }

    @Test
    void refusesAFileWithTheRecordsOfAGnuSparseFile() throws IOException {
        // records commons-compress does not take up: they would reach the engine, whose tar reader might make holes
        TarArchiveEntry sparse = new TarArchiveEntry("holes.bin");
        sparse.addPaxHeader("GNU.sparse.numblocks", "1");
        sparse.addPaxHeader("GNU.sparse.offset", "0");
        sparse.addPaxHeader("GNU.sparse.numbytes", "99999999999");
        Path archive = archive(tar -> tar.add(sparse));

        assertThat(refused(archive)).containsExactly("'holes.bin' is of a type a cache does not hold");
    }

    @Test
    void refusesACharacterDevice() throws IOException {
        Path archive = archive(tar -> tar.special("null", TarConstants.LF_CHR));

        assertThat(refused(archive)).containsExactly("'null' is a device or FIFO");
    }

    @Test
    void refusesABlockDevice() throws IOException {
        Path archive = archive(tar -> tar.special("sda", TarConstants.LF_BLK));

        assertThat(refused(archive)).containsExactly("'sda' is a device or FIFO");
    }

    @Test
    void refusesAFifo() throws IOException {
        Path archive = archive(tar -> tar.special("sub/pipe", TarConstants.LF_FIFO));

        assertThat(refused(archive)).containsExactly("'sub/pipe' is a device or FIFO");
    }

    @Test
    void escapesControlCharactersInTheProblem() throws IOException {
        Path archive = archive(tar -> tar.unlisted("../\u001b[31mred", HELLO));

        assertThat(refused(archive))
                .containsExactly("'../\\u001b[31mred' is an absolute path, climbs out with '..' or is no path");
    }

    // ---- the manifest against the entries ------------------------------------------------------------------

    @Test
    void refusesAFileTheManifestDoesNotList() throws IOException {
        Path archive = archive(tar -> tar.file("a.txt", HELLO).unlisted("extra.txt", HELLO));

        assertThat(refused(archive)).containsExactly("'extra.txt' is not listed in the manifest");
    }

    @Test
    void refusesAFileOfAnotherSize() throws IOException {
        Path archive = write(new CraftedTar()
                .manifest(Map.of("a.txt", new Manifest.FileDigest(7, CraftedTar.sha256(HELLO))))
                .file("a.txt", HELLO));

        assertThat(refused(archive)).containsExactly("'a.txt' holds 6 bytes, the manifest says 7");
    }

    @Test
    void refusesAFileOfAnotherSha256() throws IOException {
        byte[] other = "hellO\n".getBytes(StandardCharsets.UTF_8);
        Path archive = write(new CraftedTar()
                .manifest(Map.of("a.txt", CraftedTar.digest(other)))
                .file("a.txt", HELLO));

        assertThat(refused(archive)).containsExactly("'a.txt' does not have the SHA-256 the manifest gives");
    }

    @Test
    void refusesAFileListedButAbsent() throws IOException {
        Map<String, Manifest.FileDigest> listed = new LinkedHashMap<>();
        listed.put("a.txt", CraftedTar.digest(HELLO));
        listed.put("gone.txt", CraftedTar.digest(HELLO));
        Path archive = write(new CraftedTar().manifest(listed).file("a.txt", HELLO));

        assertThat(refused(archive)).containsExactly("'gone.txt' is listed in the manifest but not in the archive");
    }

    @Test
    void refusesTheSamePathTwice() throws IOException {
        Path archive = write(new CraftedTar()
                .manifest(Map.of("a.txt", CraftedTar.digest(HELLO)))
                .file("a.txt", HELLO)
                .file("a.txt", "evil"));

        assertThat(refused(archive)).containsExactly("'a.txt' is in the archive twice");
    }

    @Test
    void refusesTheSamePathTwiceUnderAnotherSpelling() throws IOException {
        Path archive = write(new CraftedTar()
                .manifest(Map.of("a.txt", CraftedTar.digest(HELLO)))
                .file("a.txt", HELLO)
                .file("./a.txt", HELLO));

        assertThat(refused(archive)).containsExactly("'a.txt' is in the archive twice");
    }

    @Test
    void refusesADirectoryThatIsAlsoAFile() throws IOException {
        Path archive = write(new CraftedTar()
                .manifest(Map.of("a", CraftedTar.digest(HELLO)))
                .directory("a/")
                .file("a", HELLO));

        assertThat(refused(archive)).containsExactly("'a' is in the archive twice",
                "'a' is listed in the manifest but not in the archive");
    }

    @Test
    void reportsEveryProblemInOrder() throws IOException {
        Map<String, Manifest.FileDigest> listed = new LinkedHashMap<>();
        listed.put("a.txt", new Manifest.FileDigest(6, "0".repeat(64)));
        listed.put("gone.txt", CraftedTar.digest(HELLO));
        Path archive = write(new CraftedTar()
                .manifest(listed)
                .unlisted("/abs", HELLO)
                .file("a.txt", HELLO)
                .symlink("l", "/")
                .special("fifo", TarConstants.LF_FIFO)
                .unlisted("extra", HELLO));

        assertThat(refused(archive)).containsExactly(
                "'/abs' is an absolute path, climbs out with '..' or is no path",
                "'a.txt' does not have the SHA-256 the manifest gives",
                "'l' links outside the volume (to /)",
                "'fifo' is a device or FIFO",
                "'extra' is not listed in the manifest",
                "'gone.txt' is listed in the manifest but not in the archive");
    }

    @Test
    void stopsAfterTwentyProblems() throws IOException {
        CraftedTar tar = new CraftedTar().manifest(Map.of());
        for (int i = 0; i < 30; i++) {
            tar.unlisted("extra-" + i, HELLO);
        }

        List<String> problems = refused(write(tar));

        assertThat(problems).hasSize(21).startsWith("'extra-0' is not listed in the manifest")
                .endsWith("'extra-19' is not listed in the manifest", "(stopped after 20 problems)");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesWhateverTheCompression(Compression compression) throws IOException {
        Path archive = new CraftedTar().manifest(Map.of()).unlisted("../x", HELLO).write(dir, "any", compression);

        assertThat(refused(archive)).containsExactly("'../x' is an absolute path, climbs out with '..' or is no path");
    }

    // ---- damaged archives -----------------------------------------------------------------------------------

    private static final byte[] BIG = CraftedTar.random(42, 256 * 1024);

    static byte[] valid(Compression compression) {
        CraftedTar content = new CraftedTar().file("a.txt", HELLO).file("big.bin", BIG);
        return withManifestOf(content).file("a.txt", HELLO).file("big.bin", BIG).bytes(compression);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void theUndamagedArchiveVerifies(Compression compression) throws Exception {
        Path archive = Files.write(dir.resolve("valid" + compression.suffix()), valid(compression));

        assertThat(importer.verify(archive).files()).containsOnlyKeys("a.txt", "big.bin");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesATruncatedArchive(Compression compression) throws IOException {
        byte[] valid = valid(compression);
        Path archive = Files.write(dir.resolve("truncated" + compression.suffix()),
                java.util.Arrays.copyOf(valid, valid.length / 2));

        assertThat(refused(archive)).singleElement().asString()
                .startsWith("it cannot be read to the end (")
                .endsWith("): it is truncated or corrupted");
    }

    @Test
    void refusesATruncatedZstdArchiveWithZstdsReason() throws IOException {
        byte[] valid = valid(Compression.ZSTD);
        Path archive = Files.write(dir.resolve("truncated.tar.zst"), java.util.Arrays.copyOf(valid, valid.length / 2));

        assertThat(refused(archive)).containsExactly(
                "it cannot be read to the end (Truncated source): it is truncated or corrupted");
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void refusesAnArchiveCutAtAnEntryBoundary(Compression compression) throws IOException {
        // the manifest alone, as if the copy stopped right after it: every file is missing
        CraftedTar content = new CraftedTar().file("a.txt", HELLO);
        Path archive = withManifestOf(content).write(dir, "cut", compression);

        assertThat(refused(archive)).containsExactly("'a.txt' is listed in the manifest but not in the archive");
    }

    @Test
    void refusesAnUncompressedArchiveWithAFlippedByte() throws IOException {
        byte[] bytes = valid(Compression.NONE);
        bytes[bytes.length / 2] ^= 0x01; // inside big.bin's bytes
        Path archive = Files.write(dir.resolve("flipped.tar"), bytes);

        assertThat(refused(archive)).containsExactly("'big.bin' does not have the SHA-256 the manifest gives");
    }

    @Test
    void refusesAnUncompressedArchiveWithAFlippedByteInAName() throws IOException {
        byte[] bytes = valid(Compression.NONE);
        bytes[aTxtHeader(bytes) + 2] ^= 0x01; // 'a.txt' becomes 'a.uxt'
        Path archive = Files.write(dir.resolve("header.tar"), bytes);

        // the header's own checksum catches the damage
        assertThat(refused(archive)).containsExactly("the header of 'a.uxt' is damaged (its checksum is wrong)",
                "'a.txt' is listed in the manifest but not in the archive");
    }

    /** Where a.txt's header starts in {@link #valid}'s uncompressed bytes: after the manifest's header and data. */
    static int aTxtHeader(byte[] tar) throws IOException {
        int manifestBlocks = (CraftedTar.read(tar).get(Manifest.ENTRY).content().length + 511) / 512;
        int header = 512 * (1 + manifestBlocks);
        assertThat(new String(tar, header, 5, StandardCharsets.US_ASCII)).isEqualTo("a.txt");
        return header;
    }

    @Test
    void refusesAZstdArchiveWithAFlippedByte() throws IOException {
        byte[] bytes = valid(Compression.ZSTD);
        bytes[bytes.length / 2] ^= 0x01;
        Path archive = Files.write(dir.resolve("flipped.tar.zst"), bytes);

        // random bytes do not compress: zstd stores them as they are, and the flip reaches big.bin's bytes; the
        // frame's own checksum catches it too
        assertThat(refused(archive)).contains("'big.bin' does not have the SHA-256 the manifest gives")
                .anyMatch(problem -> problem.contains("Restored data doesn't match checksum"));
    }

    @Test
    void refusesAZstdArchiveWithAFlippedByteInCompressedData() throws IOException {
        byte[] text = "a line of a log that compresses well, number ".repeat(20_000).getBytes(StandardCharsets.UTF_8);
        CraftedTar content = new CraftedTar().file("log.txt", text);
        byte[] bytes = withManifestOf(content).file("log.txt", text).bytes(Compression.ZSTD);
        bytes[bytes.length / 2] ^= 0x10;
        Path archive = Files.write(dir.resolve("flipped-text.tar.zst"), bytes);

        // the damage decodes to other bytes, which the manifest catches, and the frame's checksum too
        assertThat(refused(archive)).contains("'log.txt' does not have the SHA-256 the manifest gives")
                .anyMatch(problem -> problem.contains("Restored data doesn't match checksum"));
    }

    @Test
    void refusesAGzipArchiveWithAFlippedByte() throws IOException {
        byte[] bytes = valid(Compression.GZIP);
        bytes[bytes.length / 2] ^= 0x01;
        Path archive = Files.write(dir.resolve("flipped.tar.gz"), bytes);

        // the manifest catches the file, then gzip's own CRC the stream
        assertThat(refused(archive)).containsExactly("'big.bin' does not have the SHA-256 the manifest gives",
                "it cannot be read to the end (Corrupt GZIP trailer): it is truncated or corrupted");
    }
}
