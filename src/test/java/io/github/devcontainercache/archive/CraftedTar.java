package io.github.devcontainercache.archive;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Builds tar archives entry by entry, for tests: hostile ones included (absolute names, devices, links out), which
 * the plugin's own code would never write. Every entry has a fixed time, so the bytes are the same on every run.
 */
final class CraftedTar {

    static final FileTime TIME = FileTime.from(Instant.parse("2024-01-02T03:04:05Z"));

    private final List<Entry> entries = new ArrayList<>();
    /** The files the default manifest lists: every regular file added, with its real size and SHA-256. */
    private final Map<String, Manifest.FileDigest> listed = new LinkedHashMap<>();

    private record Entry(TarArchiveEntry header, byte[] content) {}

    /** A manifest entry with these exact bytes (first, unless added later on purpose). */
    CraftedTar manifest(byte[] json) {
        return file(Manifest.ENTRY, json, false);
    }

    /** A manifest entry listing {@code files}. */
    CraftedTar manifest(Map<String, Manifest.FileDigest> files) {
        return manifest(manifest("vol", files).toJson());
    }

    /** A regular file, listed in the default manifest. */
    CraftedTar file(String name, byte[] content) {
        return file(name, content, true);
    }

    CraftedTar file(String name, String content) {
        return file(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** A regular file, not listed in the default manifest. */
    CraftedTar unlisted(String name, byte[] content) {
        return file(name, content, false);
    }

    private CraftedTar file(String name, byte[] content, boolean list) {
        TarArchiveEntry entry = new TarArchiveEntry(name, true);
        entry.setSize(content.length);
        entry.setMode(0100644);
        entry.setModTime(TIME);
        entries.add(new Entry(entry, content));
        if (list) {
            listed.put(EntrySafety.normalize(name), digest(content));
        }
        return this;
    }

    CraftedTar directory(String name) {
        TarArchiveEntry entry = new TarArchiveEntry(name.endsWith("/") ? name : name + "/", true);
        entry.setMode(040755);
        entry.setModTime(TIME);
        return add(entry);
    }

    CraftedTar symlink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_SYMLINK, true);
        entry.setLinkName(target);
        entry.setMode(0120777);
        entry.setModTime(TIME);
        return add(entry);
    }

    CraftedTar hardLink(String name, String target) {
        TarArchiveEntry entry = new TarArchiveEntry(name, TarConstants.LF_LINK, true);
        entry.setLinkName(target);
        entry.setMode(0100644);
        entry.setModTime(TIME);
        return add(entry);
    }

    /** An entry of another type (a device, a FIFO), without content. */
    CraftedTar special(String name, byte type) {
        TarArchiveEntry entry = new TarArchiveEntry(name, type, true);
        entry.setMode(0644);
        entry.setModTime(TIME);
        return add(entry);
    }

    CraftedTar add(TarArchiveEntry entry) {
        entries.add(new Entry(entry, new byte[0]));
        return this;
    }

    /** The regular files added so far, each with its real size and SHA-256. */
    Map<String, Manifest.FileDigest> listed() {
        return new LinkedHashMap<>(listed);
    }

    byte[] bytes(Compression compression) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            try (OutputStream compressed = compression.compress(bytes);
                    TarArchiveOutputStream tar = Exporter.tarOut(compressed)) {
                for (Entry entry : entries) {
                    tar.putArchiveEntry(entry.header());
                    tar.write(entry.content());
                    tar.closeArchiveEntry();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** Writes the archive as {@code <name><suffix>} into {@code directory}. */
    Path write(Path directory, String name, Compression compression) throws IOException {
        return Files.write(directory.resolve(name + compression.suffix()), bytes(compression));
    }

    // ---- helpers shared by the tests ------------------------------------------------------------------------

    static Manifest manifest(String volume, Map<String, Manifest.FileDigest> files) {
        long total = files.values().stream().mapToLong(Manifest.FileDigest::size).sum();
        return new Manifest("0.0.0-test", volume, "generic", Map.of(), "2024-01-02T03:04:05Z", files.size(), total,
                files);
    }

    static Manifest.FileDigest digest(byte[] content) {
        return new Manifest.FileDigest(content.length, sha256(content));
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] random(long seed, int size) {
        byte[] bytes = new byte[size];
        new java.util.Random(seed).nextBytes(bytes);
        return bytes;
    }

    /** An entry as read back from a tar: its header and its content. */
    record Read(TarArchiveEntry entry, byte[] content) {}

    /** Every entry of an uncompressed tar stream, in order, by name. */
    static Map<String, Read> read(InputStream tar) throws IOException {
        Map<String, Read> read = new LinkedHashMap<>();
        TarArchiveInputStream in = new TarArchiveInputStream(tar);
        for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
            Read previous = read.put(entry.getName(), new Read(entry, in.readAllBytes()));
            if (previous != null) {
                throw new IOException(entry.getName() + " twice");
            }
        }
        return read;
    }

    static Map<String, Read> read(byte[] tar) throws IOException {
        return read(new ByteArrayInputStream(tar));
    }

    /** Every entry of an archive file, decompressed as its name says. */
    static Map<String, Read> readArchive(Path archive) throws IOException {
        Compression compression = Compression.ofFile(archive).orElseThrow();
        try (InputStream file = Files.newInputStream(archive);
                InputStream in = compression.decompress(file)) {
            return read(in);
        }
    }
}
