package io.github.devcontainercache.content.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.CacheContents;
import io.github.devcontainercache.content.EntrySink;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.content.VolumeScan;
import io.github.devcontainercache.content.VolumeScanner;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/** Format-exact pieces of caches, and the two ways a pass reads them: the directory walk and the archive API's tar. */
final class KindFixtures {

    static final CachePass.Options VERIFY = new CachePass.Options(true, true, null, false, 10, 100);
    static final CachePass.Options LIST = new CachePass.Options(false, false, null, false, 10, 100);

    private KindFixtures() {}

    static CachePass.Options ownedBy(Owner owner) {
        return new CachePass.Options(true, true, owner, true, 10, 100);
    }

    // ---- digests, spelled as the formats spell them

    static MessageDigest digestOf(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] digest(String algorithm, byte[] content) {
        return digestOf(algorithm).digest(content);
    }

    static String hex(String algorithm, byte[] content) {
        return HexFormat.of().formatHex(digest(algorithm, content));
    }

    static String hex(String algorithm, String content) {
        return hex(algorithm, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Text that deflate cannot shrink to nothing, so a flipped byte lands in real compressed data. */
    static byte[] noise(int bytes, long seed) {
        Random random = new Random(seed);
        StringBuilder text = new StringBuilder();
        while (text.length() < bytes) {
            text.append(Long.toString(random.nextLong(), 36)).append(random.nextInt(7) == 0 ? "\n" : " ");
        }
        return text.substring(0, bytes).getBytes(StandardCharsets.US_ASCII);
    }

    // ---- zips as java.util.zip writes them (deflated entries, data descriptors)

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A zip of stored entries, sizes and CRC in the local headers: what Python's zipfile writes for a .conda. */
    static byte[] storedZip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry stored = new ZipEntry(entry.getKey());
                stored.setMethod(ZipEntry.STORED);
                stored.setSize(entry.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(entry.getValue());
                stored.setCrc(crc.getValue());
                zip.putNextEntry(stored);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    /** A small jar: a manifest and two classes' worth of deflated bytes. */
    static byte[] jar(long seed) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        entries.put("com/example/A.class", noise(3000, seed));
        entries.put("com/example/B.class", noise(2000, seed + 1));
        return zip(entries);
    }

    static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static int int32(byte[] b, int at) {
        return int16(b, at) | int16(b, at + 2) << 16;
    }

    /** Where the central directory starts, read from the end record (a zip without a comment). */
    static int centralDirectoryOffset(byte[] zip) {
        return int32(zip, zip.length - 22 + 16);
    }

    /** The offsets of the local headers, in the order the central directory lists them. */
    static List<Integer> localHeaderOffsets(byte[] zip) {
        List<Integer> offsets = new ArrayList<>();
        int entries = int16(zip, zip.length - 22 + 10);
        for (int i = 0, at = centralDirectoryOffset(zip); i < entries; i++) {
            offsets.add(int32(zip, at + 42));
            at += 46 + int16(zip, at + 28) + int16(zip, at + 30) + int16(zip, at + 32);
        }
        return offsets;
    }

    /** Where an entry's compressed data starts, after its local header. */
    static int dataOffset(byte[] zip, int localHeader) {
        return localHeader + 30 + int16(zip, localHeader + 26) + int16(zip, localHeader + 28);
    }

    // ---- files

    static Path write(Path root, String path, byte[] content) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.write(file, content);
    }

    static Path write(Path root, String path, String content) throws IOException {
        return write(root, path, content.getBytes(StandardCharsets.UTF_8));
    }

    static Path link(Path root, String path, String target) throws IOException {
        Path link = root.resolve(path);
        Files.createDirectories(link.getParent());
        return Files.createSymbolicLink(link, Path.of(target));
    }

    static void flipByte(Path file, int at) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        bytes[at] ^= 0x5a;
        Files.write(file, bytes);
    }

    static void cut(Path file, int length) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        Files.write(file, java.util.Arrays.copyOf(bytes, length));
    }

    // ---- the two paths a pass takes

    /** A pass through the directory walk. */
    static CachePass.Result walk(Path cache, CacheKind kind, String target, CachePass.Options options)
            throws IOException {
        return CachePass.run(CacheContents.local(cache), kind, target, options);
    }

    /** A pass through a tar stream of the cache, as the archive API sends it. */
    static CachePass.Result archive(Path cache, CacheKind kind, String target, CachePass.Options options)
            throws IOException {
        return CachePass.run(tarContents(tarOf(cache)), kind, target, options);
    }

    /** Both passes; asserts that they find the same, and returns the walk's. */
    static CachePass.Result bothPaths(Path cache, CacheKind kind, String target, CachePass.Options options)
            throws IOException {
        CachePass.Result walked = walk(cache, kind, target, options);
        CachePass.Result streamed = archive(cache, kind, target, options);
        assertThat(streamed.findings()).as("the archive API's pass").isEqualTo(walked.findings());
        assertThat(streamed.unfinished()).as("the archive API's unfinished downloads")
                .containsExactlyInAnyOrderElementsOf(walked.unfinished());
        assertThat(streamed.otherLayout()).as("the archive API's layout").isEqualTo(walked.otherLayout());
        return walked;
    }

    /** Contents read from a tar stream only, as {@link CacheContents#archive} reads them. */
    static CacheContents tarContents(byte[] tar) {
        return new CacheContents() {
            @Override
            public VolumeScan scan(int keepLargest, EntrySink sink) throws IOException {
                return VolumeScanner.scan(new ByteArrayInputStream(tar), keepLargest, sink);
            }

            @Override
            public InputStream open(String file) {
                throw new UnsupportedOperationException("a pass reads the stream only");
            }

            @Override
            public Optional<Owner> rootOwner() {
                throw new UnsupportedOperationException("a pass reads the stream only");
            }

            @Override
            public Optional<Long> regularFileSize(String file) {
                throw new UnsupportedOperationException("a pass reads the stream only");
            }

            @Override
            public ReadPath via() {
                return ReadPath.ARCHIVE_API;
            }
        };
    }

    /**
     * The tar the archive API sends for a directory: {@code vol/} first, then every entry below it named
     * {@code vol/<path>}, directories before what they hold; links as links, owners as the files have them.
     */
    static byte[] tarOf(Path cache) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(cache)) {
            paths = walk.sorted().toList();
        }
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path path : paths) {
                String relative = cache.relativize(path).toString();
                String name = "vol/" + relative;
                TarArchiveEntry entry;
                if (Files.isSymbolicLink(path)) {
                    entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK);
                    entry.setLinkName(Files.readSymbolicLink(path).toString());
                } else if (Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
                    entry = new TarArchiveEntry(relative.isEmpty() ? "vol/" : name + "/");
                } else {
                    entry = new TarArchiveEntry(name);
                    entry.setSize(Files.size(path));
                }
                entry.setUserId(((Number) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS)).longValue());
                entry.setGroupId(((Number) Files.getAttribute(path, "unix:gid", LinkOption.NOFOLLOW_LINKS)).longValue());
                tar.putArchiveEntry(entry);
                if (entry.isFile() && !entry.isSymbolicLink()) {
                    Files.copy(path, tar);
                }
                tar.closeArchiveEntry();
            }
        }
        return bytes.toByteArray();
    }

    static Findings.Broken brokenEntry(CachePass.Result result, String entry) {
        return result.findings().broken().stream().filter(b -> b.entry().equals(entry)).findFirst()
                .orElseThrow(() -> new AssertionError(entry + " is not reported broken: " + result.findings().broken()));
    }
}
