package io.github.devcontainercache.archive;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.content.Progress;
import io.github.devcontainercache.content.TarStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a cache to {@code <volume>.tar.zst} (or {@code .tar.gz}, {@code .tar}): the manifest first, then every
 * entry with its owner, mode and time. One pass over the cache: its entries are written, compressed and hashed on
 * the way to a temporary file. The manifest, which needs every file's SHA-256, then goes in a frame of its own (a zstd
 * frame, a gzip member, plain tar records) in front of them. In zstd the body is written behind room left for it,
 * and what the manifest leaves of that room is a skippable frame: the file becomes the archive without a copy. In
 * the other compressions, or when the manifest does not fit, the body is copied behind it. Decompressors read
 * consecutive frames as one stream, so the archive is one tar that starts with its manifest, as it always was.
 * Nothing is held in memory. The archive is written beside the one it replaces and moved into place only once it
 * is complete, its size checked and, when it replaces one, on the disk: an export that fails or is interrupted
 * leaves the older archive as it was, and no file that looks complete.
 */
public final class Exporter {

    /** The start of an export: what to read the cache from. */
    public interface Source {
        /** Writes every entry of the cache, named relative to its root ("./" for the root), to {@code tar}. */
        void copyTo(TarArchiveOutputStream tar, Progress progress) throws IOException;
    }

    /** The copy buffer: large, as the engine's stream and the disk give their best with large reads. */
    static final int BUFFER_BYTES = 1 << 20;

    /**
     * Room left in front of the body for the manifest, in a compression that can pad what it leaves unused (zstd):
     * the manifest of 40,000 files (about 45 bytes each once compressed) goes there, and the body need not be copied
     * behind it. The room it does not take is a hole in the file, and adds no more than 1/{@value #MAX_PADDING_SHARE}
     * to the archive; past either, the body is copied.
     */
    static final long FRONT_BYTES = 2 << 20;

    /** The padding a front may leave is at most this share of the archive: a small archive stays compact. */
    static final long MAX_PADDING_SHARE = 64;

    private static final int SKIPPABLE_HEADER_BYTES = 8;

    private final BuildLog log;
    private final long frontBytes;

    public Exporter(BuildLog log) {
        this(log, FRONT_BYTES);
    }

    Exporter(BuildLog log, long frontBytes) {
        this.log = log;
        this.frontBytes = frontBytes;
    }

    /** An archive already in the export directory: what a failed export leaves, and names. */
    public record ArchiveFile(Path path, Instant modified, long bytes) {}

    /** The archive of a volume in the directory, as an export names it. */
    public static Path archivePath(Path directory, String volume, Compression compression) {
        return directory.resolve(volume + compression.suffix());
    }

    /** The archive of a volume that is in the directory now, if any. */
    public static Optional<ArchiveFile> existing(Path directory, String volume, Compression compression) {
        Path path = archivePath(directory, volume, compression);
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            return attributes.isRegularFile()
                    ? Optional.of(new ArchiveFile(path, attributes.lastModifiedTime().toInstant(), attributes.size()))
                    : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Exports and returns the archive's path. */
    public Path export(Source source, Path directory, String volume, String kind, Map<String, String> labels,
            String pluginVersion, Compression compression, long expectedBytes) throws IOException {
        Files.createDirectories(directory);
        Path target = archivePath(directory, volume, compression);
        ExportFiles.removeThoseOfDeadExports(directory, volume);
        // Names of this export's own: another build exporting the same cache into the same directory at the same
        // time writes its own files, and the last complete archive moved into place wins.
        Path body = ExportFiles.create(directory, volume, ".staging" + compression.suffix());
        Path partial = null;
        try {
            long front = compression.paddable() ? frontBytes : 0;
            HashingTar written;
            long end;
            try (FileChannel out = FileChannel.open(body, StandardOpenOption.WRITE)) {
                out.position(front); // the front stays a hole until the manifest goes there
                try (OutputStream file = new BufferedOutputStream(
                                new UnclosedOutputStream(Channels.newOutputStream(out)), BUFFER_BYTES);
                        OutputStream compressed = compression.compress(file);
                        HashingTar tar = new HashingTar(compressed)) {
                    source.copyTo(tar, new Progress(log, "Writing " + target.getFileName(), expectedBytes));
                    written = tar;
                }
                end = out.position();
            }
            Manifest manifest = new Manifest(pluginVersion, volume, kind, labels,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), written.entries, written.total,
                    written.files);
            byte[] manifestFrame = frame(compression, manifestRecords(manifest.toJson()));
            long padding = front - manifestFrame.length;
            Path archive;
            if (padding >= SKIPPABLE_HEADER_BYTES && padding * MAX_PADDING_SHARE <= end) {
                // the manifest in the front, and the rest of it a frame that decompressors skip: nothing is copied
                try (FileChannel out = FileChannel.open(body, StandardOpenOption.WRITE)) {
                    out.write(ByteBuffer.wrap(manifestFrame), 0);
                    out.write(skippableHeader(padding), manifestFrame.length);
                    finish(out, body, end, target);
                }
                archive = body;
            } else {
                // a manifest larger than the front, or a front that would be too large a share of a small archive:
                // the body is copied behind the manifest in a file of its own
                partial = ExportFiles.create(directory, volume, compression.suffix() + ".part");
                try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE);
                        FileChannel in = FileChannel.open(body, StandardOpenOption.READ)) {
                    out.write(ByteBuffer.wrap(manifestFrame));
                    for (long done = front; done < end; ) {
                        done += in.transferTo(done, end - done, out);
                    }
                    finish(out, partial, manifestFrame.length + end - front, target);
                }
                archive = partial;
            }
            Files.move(archive, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            log.info(ArchiveMessages.exported(volume, target, manifest.files().size(), manifest.totalBytes(), Files.size(target)));
            return target;
        } finally {
            // the archive that was there, or one that another build finished meanwhile, stays as it is
            Files.deleteIfExists(body);
            if (partial != null) {
                Files.deleteIfExists(partial);
            }
        }
    }

    /**
     * Checks that the file holds what was written into it and, when it is to replace an archive, puts it on the disk
     * first, so that a crash right after the move finds the new archive whole, never an empty file where the older
     * one was.
     */
    private static void finish(FileChannel out, Path file, long written, Path target) throws IOException {
        if (out.size() != written) {
            throw new IOException(ArchiveMessages.archiveNotWhole(file, written, out.size()));
        }
        if (Files.exists(target)) {
            out.force(true);
        }
    }

    /** The manifest's records in a frame of their own (a zstd frame, a gzip member, or as they are). */
    private static byte[] frame(Compression compression, byte[] records) throws IOException {
        ByteArrayOutputStream frame = new ByteArrayOutputStream(records.length / 2 + 64);
        try (OutputStream out = compression.compress(frame)) {
            out.write(records);
        }
        return frame.toByteArray();
    }

    /**
     * The header of a zstd skippable frame that covers the rest of the front: its magic number and the length of its
     * content, the zeros up to the body. Every zstd decompressor passes over such a frame.
     */
    private static ByteBuffer skippableHeader(long frameBytes) {
        return ByteBuffer.allocate(SKIPPABLE_HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN)
                .putInt(0x184D2A50)
                .putInt((int) (frameBytes - SKIPPABLE_HEADER_BYTES))
                .flip();
    }

    /**
     * The manifest as tar records: its header and its content padded to a whole record, and no end-of-archive
     * records, as the body's entries follow.
     */
    static byte[] manifestRecords(byte[] json) {
        TarArchiveEntry entry = new TarArchiveEntry(Manifest.ENTRY);
        entry.setSize(json.length);
        entry.setMode(0100644);
        entry.setModTime(FileTime.from(Instant.now()));
        int record = TarConstants.DEFAULT_RCDSIZE;
        byte[] records = new byte[record + (json.length + record - 1) / record * record];
        entry.writeEntryHeader(records);
        System.arraycopy(json, 0, records, record, json.length);
        return records;
    }

    /** Leaves the stream under it open: the manifest's frame is closed, and the body still goes behind it. */
    private static final class UnclosedOutputStream extends FilterOutputStream {
        UnclosedOutputStream(OutputStream out) {
            super(out);
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            out.write(buffer, offset, length);
        }

        @Override
        public void close() throws IOException {
            flush();
        }
    }

    /** The entries of a directory on this host, in a stable order, with owners, modes and times. */
    public static Source directory(Path root) {
        return (tar, progress) -> copyDirectory(root, tar, progress);
    }

    private static void copyDirectory(Path root, TarArchiveOutputStream tar, Progress progress) throws IOException {
        byte[] buffer = new byte[BUFFER_BYTES];
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(root)) {
            paths = walk.sorted().toList();
        }
        // each path the walk gives starts with the root's: cut it off, where Path.relativize builds every name
        String rootName = root.toString();
        int cut = rootName.endsWith("/") ? rootName.length() : rootName.length() + 1;
        for (Path path : paths) {
            String full = path.toString();
            String relative = full.length() <= rootName.length() ? "" : full.substring(cut);
            Map<String, Object> unix = Files.readAttributes(path, "unix:uid,gid,mode,lastModifiedTime,size,isDirectory,isSymbolicLink,isRegularFile", LinkOption.NOFOLLOW_LINKS);
            boolean directory = (Boolean) unix.get("isDirectory");
            boolean link = (Boolean) unix.get("isSymbolicLink");
            boolean regular = (Boolean) unix.get("isRegularFile");
            if (!directory && !link && !regular) {
                continue; // sockets, devices, FIFOs are no cache content
            }
            String name = relative.isEmpty() ? "./" : directory ? relative + "/" : relative;
            TarArchiveEntry entry = link
                    ? new TarArchiveEntry(name, TarConstants.LF_SYMLINK)
                    : new TarArchiveEntry(name);
            if (link) {
                entry.setLinkName(Files.readSymbolicLink(path).toString());
            }
            entry.setUserId(((Number) unix.get("uid")).longValue());
            entry.setGroupId(((Number) unix.get("gid")).longValue());
            entry.setMode(((Number) unix.get("mode")).intValue());
            // to the second, as docker cp and tar keep times: a fraction would cost each entry a PAX header
            entry.setModTime(FileTime.from(((FileTime) unix.get("lastModifiedTime")).to(TimeUnit.SECONDS),
                    TimeUnit.SECONDS));
            if (regular) {
                entry.setSize(((Number) unix.get("size")).longValue());
            }
            tar.putArchiveEntry(entry);
            if (regular) {
                try (InputStream in = Files.newInputStream(path)) {
                    copyExactly(in, tar, entry.getSize(), progress, buffer, relative);
                }
            }
            tar.closeArchiveEntry();
        }
    }

    /** The entries of a tar stream of the archive API, named {@code <volume>/...}, renamed relative to the root. */
    public static Source archiveStream(InputStream stream) {
        return (tar, progress) -> {
            byte[] buffer = new byte[BUFFER_BYTES];
            TarStream in = new TarStream(stream, BUFFER_BYTES);
            for (TarArchiveEntry entry = in.next(); entry != null; entry = in.next()) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                String relative = slash < 0 || slash == name.length() - 1 ? "./" : name.substring(slash + 1);
                if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
                    continue; // devices and FIFOs are no cache content, as for a directory
                }
                entry.setName(relative);
                if (entry.isLink()) {
                    String link = entry.getLinkName();
                    int linkSlash = link.indexOf('/');
                    entry.setLinkName(linkSlash < 0 ? link : link.substring(linkSlash + 1));
                }
                tar.putArchiveEntry(entry);
                if (EntrySafety.isRegular(entry)) {
                    copy(in.content(), tar, progress, buffer);
                }
                tar.closeArchiveEntry();
            }
        };
    }

    static TarArchiveOutputStream tarOut(OutputStream out) {
        TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
        return tar;
    }

    /**
     * Copies the {@code size} bytes the entry's header announced, and fails when the file holds fewer or more: a
     * container wrote to it while it was read, and an archive of it would hold neither its old nor its new content.
     */
    private static void copyExactly(InputStream in, OutputStream out, long size, Progress progress, byte[] buffer,
            String file) throws IOException {
        long left = size;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                break;
            }
            out.write(buffer, 0, read);
            progress.add(read);
            left -= read;
        }
        if (left > 0 || in.read() >= 0) {
            throw new IOException(ArchiveMessages.fileChangedDuringExport(file));
        }
    }

    /** Copies through the caller's buffer: one for a whole export, not one for each of its thousands of files. */
    static void copy(InputStream in, OutputStream out, Progress progress, byte[] buffer) throws IOException {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            out.write(buffer, 0, read);
            progress.add(read);
        }
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }
}
