package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdOutputStream;
import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.fuzz.FuzzRun;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tens of thousands of hostile archives through {@link Importer#verify}, the reader every import runs before it
 * writes anything, and which needs no engine: mutations of archives the plugin's own {@link Exporter} wrote (bit
 * flips, truncation, entries duplicated, shuffled or dropped, tar headers edited to enormous sizes, hostile names and
 * link targets, PAX and GNU long-name headers, manifest edits), compression bombs in every compression, and random
 * bytes. Each must end in a manifest or an {@link ArchiveRefusedException}, within a time limit and without
 * allocating without bound. An archive verify accepts is then also streamed with {@link Importer#write} and extracted
 * with {@link Importer#extractTo} into a sandbox, which must stay the only place written.
 *
 * <p>Inputs derive from {@link #SEED} and their index: {@code -Darchive.fuzz.seed=N} tries others, and a failure names
 * the input to replay with {@link #input(int)}.
 */
class ArchiveReaderFuzzTest {

    static final long SEED = Long.getLong("archive.fuzz.seed", 0xA2C1_7E5E_ED01L);
    /** Every one runs, whatever the machine's speed: about 25 s on the 2-core CI machine. */
    static final int INPUTS = Integer.getInteger("archive.fuzz.inputs", 12_000);
    /** A guard for the whole run, bombs included: far more than it takes. */
    static final long BUDGET_SECONDS = 300;
    /** A hang: the run stops there. */
    static final long INPUT_TIMEOUT_MILLIS = 15_000;
    /** Slower than this, an input is a failure even if it ends (generous, for a busy machine: unfixed, bombs hang). */
    static final long SLOW_MILLIS = 5_000;
    /** More heap than this allocated by one input is a failure: the import's target is a peak heap under 256 MB. */
    static final long MAX_ALLOCATED = 512L << 20;
    /** Compression bombs: what a few megabytes on disk expand to. */
    static final long ZSTD_BOMB = 16L << 30;
    static final long GZIP_BOMB = 4L << 30;
    static final long TAR_BOMB = 4L << 30; // a sparse file: nothing on disk
    /** The largest manifest the importer reads (Manifest.MAX_BYTES). */
    static final int MANIFEST_MAX_BYTES = 64 << 20;
    /** Whether archives verify accepts are also extracted into a sandbox and checked there. */
    static final boolean EXTRACT = !Boolean.getBoolean("archive.fuzz.noExtract");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CATCH_ALL = Pattern.compile("^it cannot be read \\(([\\w.$]+(?:Exception|Error))");
    /** Runtime exceptions that say the reader's own code is wrong, never that the archive is. */
    private static final List<String> BUG_EXCEPTIONS = List.of("NullPointerException", "ClassCastException",
            "IndexOutOfBoundsException", "ArithmeticException", "NegativeArraySizeException",
            "IllegalStateException", "UnsupportedOperationException", "ConcurrentModificationException",
            "StackOverflowError", "OutOfMemoryError");

    @TempDir
    static Path temp;

    /** Valid archives the exporter wrote, uncompressed: the material every mutation starts from. */
    static final List<byte[]> BASES = new ArrayList<>();

    /** Where the inputs and sandboxes are written: in memory where possible. */
    private Path scratch;
    private final Importer importer = new Importer(BuildLog.SILENT);
    private final Map<String, AtomicInteger> catchAll = new ConcurrentHashMap<>();
    private final Map<String, String> extractRefusals = new ConcurrentHashMap<>();
    private final AtomicInteger extracted = new AtomicInteger();
    private final AtomicInteger sandboxes = new AtomicInteger();

    @Test
    void everyArchiveEndsInAManifestOrACleanRefusal() throws Exception {
        makeBases();
        scratch = FuzzRun.scratch(temp, "archive");
        try (FuzzRun run = new FuzzRun("archive", SEED, INPUT_TIMEOUT_MILLIS, BUDGET_SECONDS, MAX_ALLOCATED)) {
            for (Compression compression : Compression.values()) {
                for (byte[] base : BASES) {
                    Path archive = write("base", compression, base);
                    run.run(() -> verify(archive, true, true), () -> "a base archive (" + compression + ")");
                }
            }
            assertThat(run.refused()).as("refusals of the exporter's own archives").isZero();

            for (Bomb bomb : bombs()) {
                if (!run.goOn()) {
                    break;
                }
                Path archive = scratch.resolve("bomb" + bomb.compression.suffix());
                bomb.writer.write(archive, bomb.compression);
                long started = System.nanoTime();
                run.run(() -> verify(archive, false, false), () -> "bomb: " + bomb.description);
                slow(run, started, "bomb: " + bomb.description);

                Files.delete(archive);
            }

            int index = 0;
            for (; index < INPUTS && run.goOn(); index++) {
                int current = index;
                Generated input = input(current);
                Path archive = input.raw
                        ? Files.write(scratch.resolve("in" + input.compression.suffix()), input.bytes)
                        : write("in", input.compression, input.bytes);
                long started = System.nanoTime();
                // extracting a path thousands of directories deep costs seconds (extractTo checks every ancestor of
                // every entry for a link): such inputs are verified and streamed, not extracted
                boolean deep = input.how.contains("a/a/a/a/a/");
                // streaming (a thread and a pipe) and extracting cost ten times what verifying does: one accepted
                // input in a few goes through each, always the same ones for a seed
                boolean stream = current % 3 == 0;
                boolean extract = EXTRACT && !deep && current % 4 == 0;
                run.run(() -> verify(archive, stream, extract), () -> describe(current, input));
                slow(run, started, describe(current, input));
                Files.delete(archive);
            }

            System.out.println(run.summary("refused cleanly", "accepted") + "; of the accepted, " + extracted.get()
                    + " extracted and " + extractRefusals.size() + " kinds refused by extractTo");
            System.out.println(run.extremes());
            if (!catchAll.isEmpty()) {
                System.out.println("  refusals through verify's catch-all for runtime exceptions: " + catchAll);
            }
            extractRefusals.forEach((kind, example) -> System.out.println("  extractTo refused an accepted archive: "
                    + example));
            if (!run.failures().isEmpty()) {
                fail(run.failures().size() + " kinds of failure (first input of each):\n\n"
                        + String.join("\n\n", run.failures().values()));
            }
            assertThat(index).as("random inputs run within the budget").isEqualTo(INPUTS);
            // what verification accepts, an import can write: a refusal halfway would leave a partial volume
            assertThat(extractRefusals).as("accepted archives that extractTo refused").isEmpty();
            // the mutations must leave enough archives whole to reach past the manifest
            assertThat(run.accepted()).isGreaterThan(run.inputs() / 50);
        } finally {
            FuzzRun.deleteTree(scratch);
        }
    }

    private static void slow(FuzzRun run, long started, String description) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (millis > SLOW_MILLIS && millis < INPUT_TIMEOUT_MILLIS) {
            run.fail("slow: " + description.lines().findFirst().orElse(""), millis + " ms for " + description);
        }
    }

    // ---- what one input does --------------------------------------------------------------------------------

    private FuzzRun.Outcome verify(Path archive, boolean stream, boolean extract) throws Exception {
        Manifest manifest;
        try {
            manifest = importer.verify(archive);
        } catch (ArchiveRefusedException refused) {
            assertThat(refused.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem).isNotBlank());
            assertThat(refused.problems().size()).as("problems listed").isLessThanOrEqualTo(50);
            for (String problem : refused.problems()) {
                Matcher matcher = CATCH_ALL.matcher(problem);
                if (matcher.find()) {
                    String type = matcher.group(1);
                    catchAll.computeIfAbsent(type, t -> new AtomicInteger()).incrementAndGet();
                    if (BUG_EXCEPTIONS.stream().anyMatch(type::endsWith)) {
                        throw new AssertionError("verify hid a " + type + " as a refusal: " + problem);
                    }
                }
            }
            return FuzzRun.Outcome.REFUSED;
        }
        assertThat(manifest).isNotNull();
        assertThat(manifest.volume()).isNotEmpty();
        if (stream) {
            checkAcceptedStreams(archive);
        }
        if (extract) {
            checkAcceptedExtractsInside(archive, manifest);
        }
        return FuzzRun.Outcome.ACCEPTED;
    }

    /** An archive verify accepts streams to the engine without a failure. */
    private void checkAcceptedStreams(Path archive) throws IOException {
        long[] streamed = new long[1];
        importer.write(archive, "vol", in -> {
            try {
                streamed[0] = in.transferTo(OutputStream.nullOutputStream());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(streamed[0]).as("bytes streamed to the engine").isPositive();
    }

    /** An archive verify accepts extracts into its directory only: nothing beside it, no link that leads out. */
    private void checkAcceptedExtractsInside(Path archive, Manifest manifest) throws IOException {
        Path sandbox = Files.createDirectories(scratch.resolve("sandbox-" + sandboxes.incrementAndGet()));
        Path outside = Files.createDirectories(sandbox.resolve("outside"));
        Path volume = Files.createDirectories(sandbox.resolve("volume"));
        try {
            importer.extractTo(archive, volume);
            extracted.incrementAndGet();
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            extractRefusals.putIfAbsent(e.getClass().getSimpleName() + message.replaceAll(".*/sandbox-[0-9]+/", ""), e.toString());
        }
        try (Stream<Path> beside = Files.list(sandbox); Stream<Path> out = Files.list(outside)) {
            assertThat(beside).as("what the import wrote beside the volume").containsExactlyInAnyOrder(outside, volume);
            assertThat(out).as("what the import wrote outside the volume").isEmpty();
        }
        // the walk follows no link: what it finds is inside, and only a link's target could lead out
        try (Stream<Path> written = Files.walk(volume)) {
            for (Path path : (Iterable<Path>) written::iterator) {
                if (Files.isSymbolicLink(path)) {
                    Path target = path.getParent().resolve(Files.readSymbolicLink(path)).normalize();
                    assertThat(target).as("target of the link %s", path).startsWithRaw(volume);
                }
            }
        }
        assertThat(manifest.files().keySet()).allSatisfy(path ->
                assertThat(volume.resolve(path).normalize()).startsWithRaw(volume));
        FuzzRun.deleteTree(sandbox);
    }


    // ---- the archives the exporter writes --------------------------------------------------------------------

    static synchronized void makeBases() throws IOException {
        if (!BASES.isEmpty()) {
            return;
        }
        Exporter exporter = new Exporter(BuildLog.SILENT);
        Random random = new Random(SEED);

        Path small = Files.createDirectories(temp.resolve("src-small"));
        Files.writeString(small.resolve("a.txt"), "hello\n");
        Files.createDirectories(small.resolve("sub"));
        Files.write(small.resolve("sub/b.bin"), bytes(random, 3_000));
        Files.write(small.resolve("sub/empty"), new byte[0]);
        Files.createDirectories(small.resolve("deep/x/y"));
        Files.writeString(small.resolve("deep/x/y/z.txt"), "z");
        Files.createSymbolicLink(small.resolve("link"), Path.of("sub/b.bin"));
        Files.createSymbolicLink(small.resolve("sub/up"), Path.of("../a.txt"));
        Files.createSymbolicLink(small.resolve("dangling"), Path.of("nowhere"));
        BASES.add(export(exporter, Exporter.directory(small), "small"));

        Path odd = Files.createDirectories(temp.resolve("src-odd"));
        String longName = "n".repeat(120) + "/" + "m".repeat(150) + ".bin";
        Files.createDirectories(odd.resolve(longName).getParent());
        Files.write(odd.resolve(longName), bytes(random, 700));
        Files.createDirectories(odd.resolve("ü ñ"));
        Files.writeString(odd.resolve("ü ñ/日本 語.txt"), "unicode");
        Files.createSymbolicLink(odd.resolve("long-link"), Path.of(longName));
        Path owned = Files.writeString(odd.resolve("owned"), "owner above the octal range");
        try {
            Files.setAttribute(owned, "unix:uid", 3_000_000, LinkOption.NOFOLLOW_LINKS);
        } catch (IOException | UnsupportedOperationException e) {
            // not root: an ordinary owner then
        }
        Files.write(odd.resolve("zeros"), new byte[100_000]);
        BASES.add(export(exporter, Exporter.directory(odd), "odd"));

        // the archive API's stream, with a hard link, through the exporter
        byte[] apiTar = TarBytes.join(List.of(
                TarBytes.entry("vol/", (byte) '5', new byte[0], null),
                TarBytes.entry("vol/a.txt", (byte) '0', "hard linked\n".getBytes(StandardCharsets.UTF_8), null),
                TarBytes.entry("vol/h", (byte) '1', new byte[0], "vol/a.txt"),
                TarBytes.entry("vol/s", (byte) '2', new byte[0], "a.txt")));
        BASES.add(export(exporter, Exporter.archiveStream(new ByteArrayInputStream(apiTar)), "api"));

        BASES.add(export(exporter, Exporter.directory(Files.createDirectories(temp.resolve("src-empty"))), "empty"));
    }

    private static byte[] export(Exporter exporter, Exporter.Source source, String volume) throws IOException {
        Path archive = exporter.export(source, temp.resolve("exported"), volume, "generic",
                Map.of("team", "fuzz"), "0.0.0-fuzz", Compression.NONE, -1);
        return Files.readAllBytes(archive);
    }

    // ---- writing an input ------------------------------------------------------------------------------------

    private Path write(String name, Compression compression, byte[] tar) throws IOException {
        return Files.write(scratch.resolve(name + compression.suffix()), compress(compression, tar));
    }

    /** As the exporter compresses: zstd level 3 with a checksum, gzip, or nothing. */
    static byte[] compress(Compression compression, byte[] tar) {
        if (compression == Compression.NONE) {
            return tar;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (OutputStream out = compression == Compression.ZSTD ? zstd(bytes) : new GZIPOutputStream(bytes)) {
            out.write(tar);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static OutputStream zstd(OutputStream out) throws IOException {
        ZstdOutputStream zstd = new ZstdOutputStream(out, 3);
        zstd.setChecksum(true);
        return zstd;
    }

    // ---- the random inputs ----------------------------------------------------------------------------------

    /**
     * One generated input: how it was made, its tar (or, when {@code raw}, the bytes of its file as they are) and the
     * compression its name says.
     */
    record Generated(String how, Compression compression, byte[] bytes, boolean raw) {}

    /** Input {@code index}: the same on every run with the same seed. */
    static Generated input(int index) {
        Random random = new Random(SEED * 31 + index);
        List<String> how = new ArrayList<>();
        byte[] base = BASES.get(random.nextInt(BASES.size()));
        Compression compression = Compression.values()[random.nextInt(3)];
        int kind = random.nextInt(100);
        if (kind < 4) { // bytes from nowhere, now and then behind a compression's magic number
            byte[] noise = bytes(random, List.of(0, 1, 17, 511, 512, 1024, 4096, 10_240, 70_000)
                    .get(random.nextInt(9)));
            int magic = random.nextInt(3);
            if (magic == 0 && noise.length >= 4) {
                System.arraycopy(new byte[] {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd}, 0, noise, 0, 4);
            } else if (magic == 1 && noise.length >= 3) {
                System.arraycopy(new byte[] {0x1f, (byte) 0x8b, 8}, 0, noise, 0, 3);
            }
            return new Generated("random bytes (" + noise.length + ", magic " + magic + ")", compression, noise, true);
        }
        List<byte[]> units = TarBytes.units(base);
        int mutations = 1 + (random.nextInt(4) == 0 ? random.nextInt(3) : 0);
        for (int i = 0; i < mutations; i++) {
            int what = random.nextInt(100);
            if (what < 20) {
                units = structure(units, random, how);
            } else if (what < 50) {
                units = editHeader(units, random, how);
            } else if (what < 68) {
                units = insertHeaders(units, random, how);
            } else if (what < 88) {
                units = editManifest(units, random, how);
            } else {
                units = addEntry(units, random, how);
            }
        }
        byte[] tar = TarBytes.join(units);
        int after = random.nextInt(100);
        if (after < 8) {
            tar = flipBits(tar, random, how, "tar");
        } else if (after < 13) {
            tar = truncate(tar, random, how, "tar");
        }
        if (after >= 13 && after < 23 && compression != Compression.NONE) {
            byte[] compressed = compress(compression, tar);
            compressed = after < 19 ? flipBits(compressed, random, how, "compressed") : truncate(compressed, random, how,
                    "compressed");
            return new Generated(String.join("; ", how), compression, compressed, true);
        }
        return new Generated(String.join("; ", how), compression, tar, false);
    }

    private static List<byte[]> structure(List<byte[]> units, Random random, List<String> how) {
        List<byte[]> changed = new ArrayList<>(units);
        if (changed.isEmpty()) {
            how.add("nothing to restructure");
            return changed;
        }
        int at = random.nextInt(changed.size());
        switch (random.nextInt(8)) {
            case 0 -> {
                Collections.shuffle(changed, random);
                how.add("entries shuffled");
            }
            case 1 -> {
                changed.add(random.nextInt(changed.size() + 1), changed.get(at));
                how.add("entry " + at + " duplicated");
            }
            case 2 -> {
                changed.remove(at);
                how.add("entry " + at + " dropped");
            }
            case 3 -> {
                byte[] manifest = changed.remove(0);
                changed.add(random.nextInt(changed.size() + 1), manifest);
                how.add("manifest moved");
            }
            case 4 -> {
                for (int i = 0; i < 30; i++) {
                    changed.add(at, changed.get(at));
                }
                how.add("entry " + at + " 30 more times");
            }
            case 5 -> {
                List<byte[]> other = TarBytes.units(BASES.get(random.nextInt(BASES.size())));
                changed.addAll(other.subList(1, other.size()));
                how.add("entries of another archive appended");
            }
            case 6 -> {
                changed.add(0, changed.get(0));
                how.add("manifest twice");
            }
            default -> {
                Collections.reverse(changed);
                how.add("entries reversed");
            }
        }
        return changed;
    }

    static final List<String> NAMES = List.of("/etc/passwd", "../../../../tmp/x", "a/../../x", "..", ".", "./", "",
            "a\u0000b", "sub/../../x", "\\windows\\x", "C:\\x", "a//b", "./././a.txt", "sub/./b.bin", "a.txt/",
            "link/x", "link/../../x", "sub/up/x", "devcontainer-cache.json", "./devcontainer-cache.json", "x".repeat(100),
            "d/".repeat(50), "é/日本", "\u202Eevil", "a\nb", "-rf", "~/x", "link", "dangling/x", "a".repeat(99) + "/");

    static final List<String> LINKS = List.of("/etc/passwd", "..", "../..", "../../x", ".", "", "a\u0000b", "sub/..",
            "sub/../..", "link", "link/..", "sub/up/../../..", "/", "//", "x/../../y", "a.txt", "sub/b.bin",
            "nowhere", "dangling/..", "l".repeat(100), "./../volume/x", "../volume/a.txt");

    private static List<byte[]> editHeader(List<byte[]> units, Random random, List<String> how) {
        List<byte[]> changed = new ArrayList<>(units);
        if (changed.isEmpty()) {
            how.add("no header to edit");
            return changed;
        }
        int index = random.nextInt(changed.size());
        byte[] unit = changed.get(index).clone();
        List<Integer> headers = TarBytes.headers(unit);
        int header = random.nextInt(3) == 0 ? headers.get(random.nextInt(headers.size())) : TarBytes.lastHeader(unit);
        String change;
        switch (random.nextInt(9)) {
            case 0 -> {
                long size = List.of(0L, 1L, 511L, 512L, 513L, (1L << 31) - 1, 1L << 31, 077777777777L, 1L << 40,
                        Long.MAX_VALUE, -1L, Long.MIN_VALUE, (long) random.nextInt(1 << 20)).get(random.nextInt(13));
                TarBytes.sizeField(unit, header, size);
                change = "size " + size;
            }
            case 1 -> {
                String garbage = List.of("99999999999", "abcdefghijk", "           ", "\0\0\0\0\0\0\0\0\0\0\0",
                        "-0000000001", "7777777777777", "0x1234", "1e10").get(random.nextInt(8));
                TarBytes.text(unit, header, TarBytes.SIZE, 12, garbage);
                change = "size field '" + garbage + "'";
            }
            case 2 -> {
                String name = NAMES.get(random.nextInt(NAMES.size()));
                TarBytes.text(unit, header, TarBytes.NAME, TarBytes.NAME_LENGTH, name);
                if (random.nextBoolean()) {
                    TarBytes.text(unit, header, TarBytes.PREFIX, TarBytes.PREFIX_LENGTH, "");
                }
                change = "name '" + name + "'";
            }
            case 3 -> {
                byte type = (byte) (random.nextInt(4) == 0 ? random.nextInt(256)
                        : "0123456789xgLKSVMDAINZ ".charAt(random.nextInt(23)));
                unit[header + TarBytes.TYPE] = type;
                change = "type " + (char) type;
            }
            case 4 -> {
                String link = LINKS.get(random.nextInt(LINKS.size()));
                TarBytes.text(unit, header, TarBytes.LINK, 100, link);
                if (random.nextBoolean()) {
                    unit[header + TarBytes.TYPE] = (byte) (random.nextBoolean() ? '1' : '2');
                }
                change = "link '" + link + "', type " + (char) unit[header + TarBytes.TYPE];
            }
            case 5 -> {
                int field = List.of(TarBytes.MODE, TarBytes.UID, TarBytes.GID, TarBytes.MTIME).get(random.nextInt(4));
                int length = field == TarBytes.MTIME ? 12 : 8;
                if (random.nextBoolean()) {
                    TarBytes.base256(unit, header, field, length, random.nextLong());
                } else {
                    TarBytes.text(unit, header, field, length, List.of("9999999", "zzzzzzz", "", "-1").get(random.nextInt(4)));
                }
                change = "field " + field + " garbled";
            }
            case 6 -> {
                String magic = List.of("ustar  \0", "ustar\u000000", "\0\0\0\0\0\0\0\0", "garbage!").get(random.nextInt(4));
                TarBytes.text(unit, header, TarBytes.MAGIC, 8, magic);
                change = "magic '" + magic + "'";
            }
            case 7 -> {
                String prefix = NAMES.get(random.nextInt(NAMES.size()));
                TarBytes.text(unit, header, TarBytes.PREFIX, TarBytes.PREFIX_LENGTH, prefix);
                change = "prefix '" + prefix + "'";
            }
            default -> {
                unit[header + random.nextInt(TarBytes.BLOCK)] ^= (byte) (1 << random.nextInt(8));
                change = "a header bit flipped";
            }
        }
        boolean sum = random.nextInt(8) != 0;
        if (sum) {
            TarBytes.checksum(unit, header);
        }
        how.add("entry " + index + ": " + change + (sum ? "" : ", checksum left"));
        changed.set(index, unit);
        return changed;
    }

    private static List<byte[]> insertHeaders(List<byte[]> units, Random random, List<String> how) {
        List<byte[]> changed = new ArrayList<>(units);
        int index = changed.isEmpty() ? 0 : random.nextInt(changed.size());
        String records;
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String link = LINKS.get(random.nextInt(LINKS.size()));
        switch (random.nextInt(16)) {
            case 0 -> records = TarBytes.record("path", name);
            case 1 -> records = TarBytes.record("linkpath", link);
            case 2 -> records = TarBytes.record("size", List.of("99999999999999999999", "-1", "1e3", "",
                    String.valueOf(1L << 40), "9223372036854775807", "0", "513").get(random.nextInt(8)));
            case 3 -> records = TarBytes.record("uid", "99999999999999999999") + TarBytes.record("gid", "-5")
                    + TarBytes.record("mtime", List.of("nan", "1e400", "-1.5", "abc").get(random.nextInt(4)));
            case 4 -> records = TarBytes.record("GNU.sparse.size", "99999999") + TarBytes.record("GNU.sparse.map",
                    List.of("0,1,2", "0,9999999999", "", "a,b").get(random.nextInt(4)));
            case 5 -> records = TarBytes.record("GNU.sparse.major", "1") + TarBytes.record("GNU.sparse.minor", "0")
                    + TarBytes.record("GNU.sparse.name", name) + TarBytes.record("GNU.sparse.realsize", "99999999999");
            case 6 -> records = TarBytes.record("GNU.sparse.offset", "0") + TarBytes.record("GNU.sparse.numbytes",
                    "99999999999");
            case 7 -> records = List.of("9999999999 path=a\n", "0 path=\n", "5 a\n", "3 =\n", "12 path=abc",
                    "abc", "", "99 path=short\n", "1 \n", "-5 path=x\n", "11 path=a\n\n").get(random.nextInt(11));
            case 8 -> records = TarBytes.record("path", "a/".repeat(1 + random.nextInt(3_000)) + random.nextInt(1000));
            case 9 -> records = TarBytes.record("linkpath", "../a/".repeat(1 + random.nextInt(2_000)) + "x");
            case 10 -> records = TarBytes.record("path", name) + TarBytes.record("linkpath", link)
                    + TarBytes.record("size", "0");
            case 11 -> records = TarBytes.record("SCHILY.devmajor", "x") + TarBytes.record("SCHILY.xattr.user.a", "\0")
                    + TarBytes.record("LIBARCHIVE.xattr.x", "y");
            default -> records = null;
        }
        byte[] headers;
        String what;
        if (records != null) {
            byte type = random.nextInt(6) == 0 ? (byte) 'g' : (byte) 'x';
            headers = TarBytes.pax(type, records);
            what = "PAX " + (char) type + " " + FuzzRun.printable(records.length() > 80 ? records.substring(0, 80)
                    + "...(" + records.length() + ")" : records);
        } else {
            byte type = random.nextBoolean() ? (byte) 'L' : (byte) 'K';
            String value = random.nextInt(4) == 0 ? "a/".repeat(1 + random.nextInt(5_000)) : type == 'L' ? name : link;
            byte[] content = (value + (random.nextBoolean() ? "\0" : "")).getBytes(StandardCharsets.UTF_8);
            headers = TarBytes.entry("././@LongLink", type, content, null);
            if (random.nextInt(4) == 0) { // claims more than it holds
                TarBytes.sizeField(headers, 0, List.of(1L << 20, 1L << 33, 1L << 40).get(random.nextInt(3)));
                TarBytes.checksum(headers, 0);
            }
            what = "GNU " + (char) type + " " + FuzzRun.printable(value.length() > 60 ? value.substring(0, 60) + "...("
                    + value.length() + ")" : value);
        }
        if (changed.isEmpty()) {
            changed.add(headers);
        } else {
            changed.set(index, TarBytes.concat(headers, changed.get(index)));
        }
        how.add(what + " before entry " + index);
        return changed;
    }

    private static List<byte[]> addEntry(List<byte[]> units, Random random, List<String> how) {
        List<byte[]> changed = new ArrayList<>(units);
        String name = NAMES.get(random.nextInt(NAMES.size()));
        String link = LINKS.get(random.nextInt(LINKS.size()));
        byte type = (byte) "0125346".charAt(random.nextInt(7));
        byte[] content = type == '0' ? bytes(random, random.nextInt(2_000)) : new byte[0];
        int at = changed.isEmpty() ? 0 : 1 + random.nextInt(changed.size());
        changed.add(at, TarBytes.entry(name, type, content, type == '1' || type == '2' ? link : null));
        how.add("entry '" + FuzzRun.printable(name) + "' type " + (char) type
                + (type == '1' || type == '2' ? " to '" + FuzzRun.printable(link) + "'" : "") + " added at " + at);
        return changed;
    }

    private static List<byte[]> editManifest(List<byte[]> units, Random random, List<String> how) {
        List<byte[]> changed = new ArrayList<>(units);
        if (changed.isEmpty()) {
            how.add("no manifest to edit");
            return changed;
        }
        byte[] json = TarBytes.content(changed.get(0));
        byte[] edited;
        if (random.nextInt(3) == 0) {
            edited = editJsonText(json, random, how);
        } else {
            try {
                JsonNode root = JSON.readTree(json);
                if (!(root instanceof ObjectNode object)) {
                    how.add("manifest no object");
                    return changed;
                }
                editJsonTree(object, random, how);
                edited = JSON.writeValueAsBytes(object);
            } catch (IOException e) {
                how.add("manifest unreadable");
                return changed;
            }
        }
        changed.set(0, TarBytes.withContent(changed.get(0), edited));
        return changed;
    }

    private static void editJsonTree(ObjectNode root, Random random, List<String> how) {
        ArrayNode files = root.get("files") instanceof ArrayNode array ? array : root.putArray("files");
        ObjectNode file = files.isEmpty() ? null : (ObjectNode) files.get(random.nextInt(files.size()));
        JsonNode[] odd = {null, JSON.getNodeFactory().textNode(""), JSON.getNodeFactory().numberNode(5),
            JSON.getNodeFactory().objectNode(), JSON.getNodeFactory().arrayNode(),
            JSON.getNodeFactory().numberNode(new java.math.BigInteger("9".repeat(40))),
            JSON.getNodeFactory().numberNode(-1.5), JSON.getNodeFactory().booleanNode(true),
            JSON.getNodeFactory().nullNode(), JSON.getNodeFactory().textNode("\u0000\uFFFF")};
        JsonNode value = odd[random.nextInt(odd.length)];
        switch (random.nextInt(12)) {
            case 0 -> {
                if (file != null) {
                    files.remove(random.nextInt(files.size()));
                }
                how.add("manifest: a file dropped");
            }
            case 1 -> {
                if (file != null) {
                    long size = file.path("size").asLong();
                    long to = List.of(size + 1, size - 1, 0L, -1L, Long.MAX_VALUE, 1L << 40).get(random.nextInt(6));
                    file.put("size", to);
                    how.add("manifest: a size " + to);
                }
            }
            case 2 -> {
                if (file != null) {
                    file.set(List.of("path", "size", "sha256").get(random.nextInt(3)), value);
                    how.add("manifest: a file field " + value);
                }
            }
            case 3 -> {
                if (file != null) {
                    String sha = file.path("sha256").asText();
                    file.put("sha256", random.nextBoolean() ? sha.toUpperCase() : "0".repeat(64));
                    how.add("manifest: a sha256 changed");
                }
            }
            case 4 -> {
                if (file != null) {
                    files.add(file.deepCopy());
                    how.add("manifest: a file twice");
                }
            }
            case 5 -> {
                String path = NAMES.get(random.nextInt(NAMES.size()));
                files.addObject().put("path", path).put("size", 0).put("sha256",
                        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
                how.add("manifest: lists '" + FuzzRun.printable(path) + "'");
            }
            case 6 -> {
                String field = List.of("volume", "files", "labels", "entries", "totalBytes", "kind", "format")
                        .get(random.nextInt(7));
                root.set(field, value);
                how.add("manifest: " + field + " = " + value);
            }
            case 7 -> {
                String field = List.of("volume", "files", "labels").get(random.nextInt(3));
                root.remove(field);
                how.add("manifest: no " + field);
            }
            case 8 -> {
                root.putObject("labels").put("a", 1).putObject("b").put("c", "d");
                ((ObjectNode) root.get("labels")).putArray("e").add(1);
                how.add("manifest: labels of every type");
            }
            case 9 -> {
                JsonNode deep = JSON.getNodeFactory().arrayNode();
                for (int i = 0; i < 500; i++) {
                    deep = JSON.getNodeFactory().arrayNode().add(deep);
                }
                root.set("x-deep", deep);
                how.add("manifest: 500 levels deep");
            }
            case 10 -> {
                root.put("x-long", "v".repeat(random.nextInt(3_000_000)));
                how.add("manifest: a long string");
            }
            default -> {
                for (int i = random.nextInt(20_000); i > 0; i--) {
                    files.addObject();
                }
                how.add("manifest: many empty files");
            }
        }
    }

    private static byte[] editJsonText(byte[] json, Random random, List<String> how) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = json.length == 0 ? 0 : random.nextInt(json.length);
        switch (random.nextInt(8)) {
            case 0 -> {
                out.write(json, 0, at);
                how.add("manifest cut at " + at);
            }
            case 1 -> {
                byte[] copy = json.clone();
                for (int i = 1 + random.nextInt(4); i > 0 && copy.length > 0; i--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                out.writeBytes(copy);
                how.add("manifest bits flipped");
            }
            case 2 -> {
                out.write(json, 0, at);
                byte[] bad = List.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff},
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {0},
                        new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}).get(random.nextInt(5));
                out.writeBytes(bad);
                out.write(json, at, json.length - at);
                how.add("manifest with odd bytes at " + at);
            }
            case 3 -> {
                out.write(json, 0, at);
                out.writeBytes("[".repeat(100_000).getBytes(StandardCharsets.US_ASCII));
                how.add("manifest with 100000 [ at " + at);
            }
            case 4 -> {
                out.writeBytes(json);
                out.writeBytes(json);
                how.add("manifest twice in its entry");
            }
            case 5 -> {
                out.writeBytes("{\"volume\":\"v\",\"size\":1".getBytes(StandardCharsets.US_ASCII));
                out.writeBytes("9".repeat(random.nextInt(5_000)).getBytes(StandardCharsets.US_ASCII));
                out.writeBytes("e99999999}".getBytes(StandardCharsets.US_ASCII));
                how.add("manifest with a huge number");
            }
            case 6 -> {
                String token = List.of("{", "}", "[", "]", "\"", ",", ":", "null", "/*", "\\u0000", "\\uD800", "1e999")
                        .get(random.nextInt(12));
                out.write(json, 0, at);
                out.writeBytes(token.getBytes(StandardCharsets.US_ASCII));
                out.write(json, at, json.length - at);
                how.add("manifest with '" + token + "' at " + at);
            }
            default -> how.add("manifest empty");
        }
        return out.toByteArray();
    }

    private static byte[] flipBits(byte[] bytes, Random random, List<String> how, String where) {
        byte[] copy = bytes.clone();
        int flips = 1 + random.nextInt(16);
        for (int i = 0; i < flips && copy.length > 0; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        how.add(flips + " bits of the " + where + " bytes flipped");
        return copy;
    }

    private static byte[] truncate(byte[] bytes, Random random, List<String> how, String where) {
        int length = bytes.length == 0 ? 0 : random.nextInt(bytes.length);
        how.add(where + " bytes cut at " + length + " of " + bytes.length);
        return java.util.Arrays.copyOf(bytes, length);
    }

    static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    private static String describe(int index, Generated input) {
        return "input " + index + " (seed " + String.format("%#x", SEED) + ", replay with ArchiveReaderFuzzTest.input("
                + index + ")), " + input.compression + ": " + input.how;
    }

    // ---- compression bombs and other costly archives ---------------------------------------------------------

    interface BombWriter {
        void write(Path file, Compression compression) throws IOException;
    }

    record Bomb(String description, Compression compression, BombWriter writer) {}

    /** The bombs, each in every compression. */
    List<Bomb> bombs() throws IOException {
        byte[] manifestUnit = TarBytes.units(BASES.get(0)).get(0);
        byte[] end = new byte[2 * TarBytes.BLOCK];
        List<Bomb> bombs = new ArrayList<>();
        for (Compression c : Compression.values()) {
            long big = c == Compression.ZSTD ? ZSTD_BOMB : c == Compression.GZIP ? GZIP_BOMB : TAR_BOMB;
            String size = (big >> 30) + " GiB";
            byte[] zero = {0};
            bombs.add(new Bomb("an unlisted file of " + size + " of zeros", c, (file, comp) -> repeated(file, comp,
                    TarBytes.concat(manifestUnit, TarBytes.header("bomb.bin", (byte) '0', big, null)), zero, big, end)));
            Manifest listed = new Manifest("0", "vol", "generic", Map.of(), "", 1, 1,
                    Map.of("bomb.bin", new Manifest.FileDigest(1, sha256(zero))));
            byte[] listedUnit = TarBytes.withContent(manifestUnit, listed.toJson());
            bombs.add(new Bomb("a file the manifest lists with 1 byte, its header " + size + " of zeros", c,
                    (file, comp) -> repeated(file, comp, TarBytes.concat(listedUnit,
                            TarBytes.header("bomb.bin", (byte) '0', big, null)), zero, big, end)));
            bombs.add(new Bomb("a GNU long name of " + size + " of zeros before the manifest", c,
                    (file, comp) -> repeated(file, comp, TarBytes.header("././@LongLink", (byte) 'L', big, null), zero,
                            big, TarBytes.concat(manifestUnit, end))));
            bombs.add(new Bomb("a GNU long name of " + size + " of 'a/' after the manifest", c,
                    (file, comp) -> repeated(file, comp, TarBytes.concat(manifestUnit,
                            TarBytes.header("././@LongLink", (byte) 'L', big, null)), "a/".getBytes(StandardCharsets.US_ASCII),
                            big, TarBytes.concat(TarBytes.header("x", (byte) '0', 0, null), end))));
            byte[] record = TarBytes.record("path", "aaaa").getBytes(StandardCharsets.US_ASCII);
            long paxBig = c == Compression.NONE ? 8L << 20 : big;
            long paxSize = paxBig / record.length * record.length;
            bombs.add(new Bomb("a PAX header of " + (paxSize >> 20) + " MiB of path records after the manifest", c,
                    (file, comp) -> repeated(file, comp, TarBytes.concat(manifestUnit,
                            TarBytes.header("pax", (byte) 'x', paxSize, null)), record, paxSize,
                            TarBytes.concat(new byte[(int) (TarBytes.padded(paxSize) - paxSize)],
                                    TarBytes.header("x", (byte) '0', 0, null), end))));
            bombs.add(new Bomb("a PAX header of " + (paxSize >> 20) + " MiB of path records before the manifest", c,
                    (file, comp) -> repeated(file, comp, TarBytes.header("pax", (byte) 'x', paxSize, null), record,
                            paxSize, TarBytes.concat(new byte[(int) (TarBytes.padded(paxSize) - paxSize)],
                                    manifestUnit, end))));
            byte[] sparse = (TarBytes.record("GNU.sparse.offset", "0") + TarBytes.record("GNU.sparse.numbytes", "0"))
                    .getBytes(StandardCharsets.US_ASCII);
            long sparseSize = paxBig / sparse.length * sparse.length;
            bombs.add(new Bomb("a PAX header of " + (sparseSize >> 20) + " MiB of sparse map records", c,
                    (file, comp) -> repeated(file, comp, TarBytes.concat(manifestUnit,
                            TarBytes.header("pax", (byte) 'x', sparseSize, null)), sparse, sparseSize,
                            TarBytes.concat(new byte[(int) (TarBytes.padded(sparseSize) - sparseSize)],
                                    TarBytes.header("x", (byte) '0', 0, null), end))));
            bombs.add(new Bomb("a manifest that claims 1 TiB", c, (file, comp) -> Files.write(file,
                    compress(comp, TarBytes.concat(TarBytes.header(Manifest.ENTRY, (byte) '0', 1L << 40, null),
                            "{\"volume\":\"v\"}".getBytes(StandardCharsets.US_ASCII), end)))));
            bombs.add(new Bomb(size + " of zeros and nothing else", c,
                    (file, comp) -> repeated(file, comp, new byte[0], zero, big, new byte[0])));
            byte[] open = "{\"volume\":\"v\",\"x\":[".getBytes(StandardCharsets.US_ASCII);
            byte[] empty = "{},".getBytes(StandardCharsets.US_ASCII);
            byte[] close = "{}]}".getBytes(StandardCharsets.US_ASCII);
            long objects = (MANIFEST_MAX_BYTES - open.length - close.length) / empty.length * empty.length;
            long manifestSize = open.length + objects + close.length;
            if (c == Compression.NONE) {
                continue; // no compression bomb: 64 MiB on disk
            }
            bombs.add(new Bomb("a manifest of " + (manifestSize >> 20) + " MiB of empty JSON objects", c,
                    (file, comp) -> repeated(file, comp, TarBytes.concat(
                            TarBytes.header(Manifest.ENTRY, (byte) '0', manifestSize, null), open), empty, objects,
                            TarBytes.concat(close, new byte[(int) (TarBytes.padded(manifestSize) - manifestSize)], end))));
            bombs.add(new Bomb("a manifest of " + (MANIFEST_MAX_BYTES >> 20) + " MiB of spaces", c,
                    (file, comp) -> repeated(file, comp,
                            TarBytes.header(Manifest.ENTRY, (byte) '0', MANIFEST_MAX_BYTES, null),
                            new byte[] {' '}, MANIFEST_MAX_BYTES, end)));
        }
        bombs.add(new Bomb("20000 directories", Compression.ZSTD, (file, comp) -> {
            List<byte[]> units = new ArrayList<>(List.of(manifestUnit));
            for (int i = 0; i < 20_000; i++) {
                units.add(TarBytes.header("d" + i + "/", (byte) '5', 0, null));
            }
            Files.write(file, compress(comp, TarBytes.join(units)));
        }));
        bombs.add(new Bomb("100 entries with paths of 60000 characters beside a symbolic link", Compression.ZSTD,
                (file, comp) -> {
                    List<byte[]> units = new ArrayList<>(List.of(manifestUnit,
                            TarBytes.entry("zz", (byte) '2', new byte[0], "a")));
                    String deep = "a/".repeat(30_000);
                    for (int i = 0; i < 100; i++) {
                        units.add(TarBytes.concat(TarBytes.pax((byte) 'x', TarBytes.record("path", deep + i)),
                                TarBytes.header("x", (byte) '5', 0, null)));
                    }
                    Files.write(file, compress(comp, TarBytes.join(units)));
                }));
        bombs.add(new Bomb("150 symbolic links with targets of 60000 characters", Compression.ZSTD,
                (file, comp) -> {
                    List<byte[]> units = new ArrayList<>(List.of(manifestUnit));
                    String deep = "a/".repeat(30_000);
                    for (int i = 0; i < 150; i++) {
                        units.add(TarBytes.concat(TarBytes.pax((byte) 'x', TarBytes.record("linkpath", deep + i)),
                                TarBytes.header("l" + i, (byte) '2', 0, "x")));
                    }
                    Files.write(file, compress(comp, TarBytes.join(units)));
                }));
        return bombs;
    }

    /** Frames (zstd) or members (gzip) of one repeated pattern, made once and then repeated. */
    private static final Map<String, byte[]> CHUNKS = new ConcurrentHashMap<>();
    private static final int CHUNK_BYTES = 64 << 20;

    /**
     * Writes {@code prefix}, {@code length} bytes of {@code pattern} repeated and {@code suffix}, compressed: whole
     * frames (zstd) or members (gzip) of the pattern repeated, so that gigabytes cost megabytes; a sparse file for an
     * uncompressed tar of zeros.
     */
    static void repeated(Path file, Compression compression, byte[] prefix, byte[] pattern, long length, byte[] suffix)
            throws IOException {
        if (compression == Compression.NONE) {
            try (RandomAccessFile out = new RandomAccessFile(file.toFile(), "rw")) {
                out.setLength(0);
                out.write(prefix);
                if (pattern.length == 1 && pattern[0] == 0) {
                    out.setLength(prefix.length + length);
                    out.seek(prefix.length + length);
                } else { // real bytes on disk: a few MiB make the point
                    length = Math.min(length, 8L << 20) / pattern.length * pattern.length;
                    byte[] chunk = patterned(pattern, 1 << 20);
                    for (long left = length; left > 0; left -= chunk.length) {
                        out.write(chunk, 0, (int) Math.min(chunk.length, left));
                    }
                }
                out.write(suffix);
            }
            return;
        }
        int repeats = CHUNK_BYTES / pattern.length;
        long chunkLength = (long) repeats * pattern.length;
        byte[] chunk = CHUNKS.computeIfAbsent(compression + new String(pattern, StandardCharsets.ISO_8859_1),
                key -> compressPattern(compression, pattern, chunkLength));
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(compress(compression, prefix));
            long left = length;
            for (; left >= chunkLength; left -= chunkLength) {
                out.write(chunk);
            }
            out.write(compress(compression, TarBytes.concat(patterned(pattern, (int) left), suffix)));
        }
    }

    private static byte[] compressPattern(Compression compression, byte[] pattern, long length) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] chunk = patterned(pattern, 1 << 20);
        try (OutputStream out = compression == Compression.ZSTD ? new ZstdOutputStream(bytes, 1)
                : new GZIPOutputStream(bytes, 1 << 16) {
                    {
                        def.setLevel(Deflater.BEST_COMPRESSION);
                    }
                }) {
            for (long left = length; left > 0; left -= chunk.length) {
                out.write(chunk, 0, (int) Math.min(chunk.length, left));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** {@code length} bytes of the pattern repeated; a multiple of the pattern's length when 1 MiB is asked. */
    private static byte[] patterned(byte[] pattern, int length) {
        if (length == 1 << 20) {
            length = length / pattern.length * pattern.length;
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = pattern[i % pattern.length];
        }
        return bytes;
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
