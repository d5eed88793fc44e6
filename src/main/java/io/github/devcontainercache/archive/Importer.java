package io.github.devcontainercache.archive;

import io.github.devcontainercache.engine.TarPipe;
import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.content.Progress;
import io.github.devcontainercache.content.TarStream;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Reads cache archives: verifies the whole archive (manifest, every entry safe and listed, every size and
 * checksum) before anything is written, then streams it into a volume. Streams: no file and no archive in memory.
 * Each pass reads the tar through {@link TarStream}, one buffer for the whole archive (commons-compress's reader
 * takes a new 8 KiB array for every skip, several for each of a cache's tens of thousands of entries: a gigabyte
 * of garbage for one pass, which a default JVM answers by growing its heap).
 */
public final class Importer {

    private static final int MAX_PROBLEMS = 20;

    /**
     * The most that the headers of one entry may take (its PAX records, GNU long names, the end of the archive): an
     * export writes a few KiB at most, and a reader holds them in memory.
     */
    static final int MAX_HEADER_BYTES = 64 * 1024;

    /**
     * The most content that the manifest does not account for (files it does not list, or lists with another size)
     * that is still read through to report every problem; past it, verification stops: a few compressed bytes can
     * claim gigabytes.
     */
    static final long MAX_UNLISTED_BYTES = 16L * 1024 * 1024;

    private final BuildLog log;

    public Importer(BuildLog log) {
        this.log = log;
    }

    /** Verifies every byte of the archive and returns its manifest; refuses it with every problem found. */
    public Manifest verify(Path archive) throws ArchiveRefusedException, IOException {
        Compression compression = Compression.ofFile(archive).orElse(Compression.NONE);
        List<String> problems = new ArrayList<>();
        Manifest manifest = null;
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                Bounded in = new Bounded(compression.decompress(file))) {
            TarStream tar = TarStream.ofArchive(in, Exporter.BUFFER_BYTES, MAX_HEADER_BYTES);
            in.allow(MAX_HEADER_BYTES);
            TarArchiveEntry first = tar.next();
            if (first != null && !first.isCheckSumOK()) {
                throw new ArchiveRefusedException(archive.toString(), List.of("the header of its manifest is damaged"));
            }
            if (first == null || !Manifest.ENTRY.equals(first.getName())) {
                throw new ArchiveRefusedException(archive.toString(),
                        List.of("it does not start with the manifest " + Manifest.ENTRY
                                + ": it was not written by devcontainer-cache:export"));
            }
            if (first.getSize() > Manifest.MAX_BYTES) {
                throw new ArchiveRefusedException(archive.toString(), List.of("its manifest is too large"));
            }
            in.allow(padded(first.getSize()) + MAX_HEADER_BYTES);
            try {
                manifest = Manifest.parse(tar.content().readNBytes((int) first.getSize()));
            } catch (IOException e) {
                throw new ArchiveRefusedException(archive.toString(), List.of("its manifest cannot be read: " + e.getMessage()));
            }
            Progress progress = new Progress(log, "Verifying " + archive.getFileName(), manifest.totalBytes());
            Set<String> seen = new HashSet<>();
            Set<String> names = new HashSet<>();
            java.util.Map<String, String> symlinks = new java.util.HashMap<>();
            java.util.List<String> paths = new ArrayList<>();
            Set<String> files = new HashSet<>(); // regular files and hard links: nothing can lie below them
            long unlisted = 0;
            byte[] buffer = new byte[Exporter.BUFFER_BYTES];
            MessageDigest digest = Exporter.sha256();
            InputStream content = tar.content();
            TarArchiveEntry entry;
            for (entry = tar.next(); entry != null; entry = tar.next()) {
                in.allow(padded(entry.getSize()) + MAX_HEADER_BYTES);
                String refusal = !entry.isCheckSumOK()
                        ? "the header of '" + EntrySafety.printable(entry.getName()) + "' is damaged (its checksum is wrong)"
                        : EntrySafety.refusal(entry);
                String path = EntrySafety.normalize(entry.getName());
                if (refusal == null && entry.isSymbolicLink()) {
                    symlinks.put(path, entry.getLinkName());
                }
                if (refusal == null) {
                    paths.add(path);
                    if (EntrySafety.isRegular(entry) || entry.isLink()) {
                        files.add(path);
                    }
                }
                boolean hashed = false;
                if (refusal != null) {
                    problems.add(refusal);
                } else if (!names.add(path)) {
                    problems.add("'" + EntrySafety.printable(path) + "' is in the archive twice");
                } else if (entry.isLink() && !seen.contains(EntrySafety.normalize(entry.getLinkName()))) {
                    problems.add("'" + EntrySafety.printable(path) + "' is a hard link to a file the archive does not hold first");
                } else if (EntrySafety.isRegular(entry)) {
                    Manifest.FileDigest expected = manifest.files().get(path);
                    if (expected == null) {
                        problems.add("'" + EntrySafety.printable(path) + "' is not listed in the manifest");
                    } else if (entry.getSize() != expected.size()) {
                        // told by the header: reading the content first would read what the header claims
                        problems.add("'" + EntrySafety.printable(path) + "' holds " + entry.getSize()
                                + " bytes, the manifest says " + expected.size());
                        seen.add(path);
                    } else {
                        hashed = true;
                        digest.reset();
                        long size = 0;
                        for (int read = content.read(buffer); read >= 0; read = content.read(buffer)) {
                            digest.update(buffer, 0, read);
                            size += read;
                            progress.add(read);
                        }
                        if (size != expected.size()) {
                            problems.add("'" + EntrySafety.printable(path) + "' holds " + size + " bytes, the manifest says " + expected.size());
                        } else if (!Exporter.hex(digest).equals(expected.sha256())) {
                            problems.add("'" + EntrySafety.printable(path) + "' does not have the SHA-256 the manifest gives");
                        }
                        seen.add(path);
                    }
                }
                if (!hashed) {
                    unlisted += padded(entry.getSize());
                    if (unlisted > MAX_UNLISTED_BYTES) {
                        problems.add(ArchiveMessages.archiveHoldsUnlisted(MAX_UNLISTED_BYTES));
                        break;
                    }
                }
                if (problems.size() >= MAX_PROBLEMS) {
                    problems.add("(stopped after " + MAX_PROBLEMS + " problems)");
                    break;
                }
            }
            if (entry == null) {
                // the rest, to the end of the compressed stream, whose own checksum is checked there
                in.allow(MAX_HEADER_BYTES);
                try {
                    while (in.read(buffer) >= 0) {
                        // nothing: the tar's last records and its compression's trailer
                    }
                } catch (Bounded.Overrun e) {
                    problems.add(ArchiveMessages.archiveTrailingData(MAX_HEADER_BYTES));
                }
            }
            List<String> throughLinks = EntrySafety.throughLinks(paths, symlinks);
            int room = Math.max(0, MAX_PROBLEMS - problems.size());
            problems.addAll(throughLinks.subList(0, Math.min(throughLinks.size(), room)));
            List<String> belowFiles = EntrySafety.belowFiles(paths, files);
            room = Math.max(0, MAX_PROBLEMS - problems.size());
            problems.addAll(belowFiles.subList(0, Math.min(belowFiles.size(), room)));
            for (String listed : manifest.files().keySet()) {
                if (problems.size() < MAX_PROBLEMS && !seen.contains(listed)) {
                    problems.add("'" + EntrySafety.printable(listed) + "' is listed in the manifest but not in the archive");
                }
            }
        } catch (Bounded.Overrun | TarStream.ExtendedHeaderTooLarge e) {
            problems.add(ArchiveMessages.archiveHeadersTooLarge(MAX_HEADER_BYTES));
        } catch (IOException e) {
            // a truncated or corrupted stream: compression and tar readers say what they found
            problems.add("it cannot be read to the end (" + e.getMessage() + "): it is truncated or corrupted");
        } catch (RuntimeException e) {
            problems.add("it cannot be read (" + e + "): it is corrupted");
        }
        if (!problems.isEmpty()) {
            throw new ArchiveRefusedException(archive.toString(), problems);
        }
        return manifest;
    }

    /** The bytes an entry's content takes in a tar: whole blocks of 512. */
    private static long padded(long size) {
        return size <= 0 ? 0 : size > Long.MAX_VALUE - 511 ? Long.MAX_VALUE : (size + 511) / 512 * 512;
    }

    /**
     * The decompressed tar, read no further than {@link #allow allowed}: what the current entry's content takes,
     * and room for the headers of the next. commons-compress reads a PAX header or a GNU long name whole into memory,
     * whatever size its header claims, and a few compressed bytes expand to gigabytes.
     */
    private static final class Bounded extends java.io.FilterInputStream {

        /** Reading went past what was allowed. */
        static final class Overrun extends IOException {
            private static final long serialVersionUID = 1L;

            Overrun() {
                super("the headers of an entry take more than " + MAX_HEADER_BYTES + " bytes");
            }
        }

        private long position;
        private long limit;

        Bounded(InputStream in) {
            super(in);
        }

        /** Allows {@code more} bytes past the current position, and no more. */
        void allow(long more) {
            limit = more > Long.MAX_VALUE - position ? Long.MAX_VALUE : position + more;
        }

        @Override
        public int read() throws IOException {
            if (position >= limit) {
                throw new Overrun();
            }
            int read = in.read();
            if (read >= 0) {
                position++;
            }
            return read;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (position >= limit) {
                throw new Overrun();
            }
            int read = in.read(buffer, offset, (int) Math.min(length, limit - position));
            if (read > 0) {
                position += read;
            }
            return read;
        }

        @Override
        public long skip(long count) throws IOException {
            if (count > limit - position) {
                throw new Overrun();
            }
            long skipped = in.skip(count);
            position += Math.max(0, skipped);
            return skipped;
        }

        @Override
        public boolean markSupported() {
            return false;
        }
    }

    /**
     * Extracts a verified archive straight into a volume's directory on this host, with owners, modes and times:
     * for a build that runs as root on the engine's host, much faster than the archive API.
     */
    public void extractTo(Path archive, Path root) throws IOException {
        Compression compression = Compression.ofFile(archive).orElse(Compression.NONE);
        Path realRoot = root.toRealPath();
        java.util.List<Object[]> directories = new ArrayList<>();
        java.util.List<Object[]> links = new ArrayList<>();
        byte[] buffer = new byte[Exporter.BUFFER_BYTES];
        try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                InputStream in = compression.decompress(file)) {
            TarStream tar = TarStream.ofArchive(in, Exporter.BUFFER_BYTES, MAX_HEADER_BYTES);
            tar.next(); // the manifest: only the first entry is; a cache file of that name is content
            for (TarArchiveEntry entry = tar.next(); entry != null; entry = tar.next()) {
                String name = EntrySafety.normalize(entry.getName());
                Path path = name == null ? null : realRoot.resolve(name).normalize();
                if (path == null || !path.startsWith(realRoot)) {
                    throw new IOException("refusing to write outside the volume: " + entry.getName());
                }
                // Nothing is written through a link, whoever made it: every existing ancestor must be a real
                // directory inside the volume.
                requireInside(realRoot, path.equals(realRoot) ? path : path.getParent(), entry);
                if (entry.isDirectory()) {
                    if (Files.isSymbolicLink(path)) {
                        throw new IOException("refusing to write through the link " + path);
                    }
                    Files.createDirectories(path);
                    directories.add(new Object[] {path, entry});
                    continue;
                }
                Files.createDirectories(path.getParent());
                requireInside(realRoot, path.getParent(), entry);
                Files.deleteIfExists(path);
                if (entry.isSymbolicLink()) {
                    links.add(new Object[] {path, entry}); // links last: nothing is written through them
                    continue;
                } else if (entry.isLink()) {
                    Files.createLink(path, root.resolve(EntrySafety.normalize(entry.getLinkName())));
                    continue;
                } else {
                    try (OutputStream out = Files.newOutputStream(path)) {
                        copy(tar.content(), out, buffer);
                    }
                }
                applyAttributes(path, entry);
            }
        }
        for (Object[] link : links) {
            Path path = (Path) link[0];
            TarArchiveEntry entry = (TarArchiveEntry) link[1];
            Files.deleteIfExists(path);
            Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
            applyAttributes(path, entry);
        }
        // directories last, deepest first: writing into them changed their times
        for (int i = directories.size() - 1; i >= 0; i--) {
            applyAttributes((Path) directories.get(i)[0], (TarArchiveEntry) directories.get(i)[1]);
        }
    }

    /** Copies through the caller's buffer: one for a whole import, not one for each of its thousands of files. */
    private static void copy(InputStream in, OutputStream out, byte[] buffer) throws IOException {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
        }
    }

    /** Refuses when a component from the volume's root down to {@code directory} is a link. */
    private static void requireInside(Path realRoot, Path directory, TarArchiveEntry entry) throws IOException {
        if (!directory.startsWith(realRoot)) {
            throw new IOException("refusing to write outside the volume: " + entry.getName());
        }
        for (Path current = directory; !current.equals(realRoot); current = current.getParent()) {
            if (Files.isSymbolicLink(current)) {
                throw new IOException("refusing to write " + entry.getName() + " through the link " + current);
            }
        }
    }

    private static void applyAttributes(Path path, TarArchiveEntry entry) throws IOException {
        java.nio.file.LinkOption noFollow = java.nio.file.LinkOption.NOFOLLOW_LINKS;
        Files.setAttribute(path, "unix:uid", (int) entry.getLongUserId(), noFollow);
        Files.setAttribute(path, "unix:gid", (int) entry.getLongGroupId(), noFollow);
        if (!entry.isSymbolicLink() && !Files.isSymbolicLink(path)) {
            Files.setAttribute(path, "unix:mode", entry.getMode() & 07777);
            Files.setLastModifiedTime(path, java.nio.file.attribute.FileTime.from(entry.getModTime().toInstant()));
        }
    }

    /**
     * Streams a verified archive, entries renamed {@code <directory>/...}, into {@code writer}, which sends it to
     * the engine (the archive API extracts it, owners kept).
     */
    public void write(Path archive, String directory, Consumer<InputStream> writer) throws IOException {
        Compression compression = Compression.ofFile(archive).orElse(Compression.NONE);
        TarPipe.stream("import of " + archive.getFileName(), out -> {
            try (InputStream file = new BufferedInputStream(Files.newInputStream(archive), 1 << 16);
                    InputStream in = compression.decompress(file)) {
                TarStream tar = TarStream.ofArchive(in, Exporter.BUFFER_BYTES, MAX_HEADER_BYTES);
                TarArchiveOutputStream renamed = Exporter.tarOut(out);
                byte[] buffer = new byte[Exporter.BUFFER_BYTES];
                tar.next(); // the manifest: only the first entry is; a cache file of that name is content
                for (TarArchiveEntry entry = tar.next(); entry != null; entry = tar.next()) {
                    String path = EntrySafety.normalize(entry.getName());
                    entry.setName(directory + (path.isEmpty() ? "" : "/" + path) + (entry.isDirectory() ? "/" : ""));
                    if (entry.isLink()) {
                        entry.setLinkName(directory + "/" + EntrySafety.normalize(entry.getLinkName()));
                    }
                    renamed.putArchiveEntry(entry);
                    if (EntrySafety.isRegular(entry)) {
                        copy(tar.content(), renamed, buffer);
                    }
                    renamed.closeArchiveEntry();
                }
                renamed.finish();
            }
        }, writer);
    }
}
