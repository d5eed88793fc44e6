package io.github.devcontainercache.archive;

import io.github.devcontainercache.BuildIdentity;
import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.Messages;
import io.github.devcontainercache.content.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * Writes a cache to {@code <volume>.tar.zst} (or {@code .tar.gz}, {@code .tar}): the manifest first, then every
 * entry with its owner, mode and time. Streams: no file and no archive is held in memory. The manifest needs every
 * file's SHA-256 before the first file is written: a directory is read twice (hashed, then written), a stream of
 * the archive API goes to an uncompressed staging tar first, hashed on the way; the archive is then written under a temporary name and moved into place only when complete: an
 * interrupted export leaves no file that looks complete.
 */
public final class Exporter {

    /** The start of an export: what to read the cache from. */
    public interface Source {
        /** Writes every entry of the cache, named relative to its root ("./" for the root), to {@code tar}. */
        void copyTo(TarArchiveOutputStream tar, Progress progress) throws IOException;

        /** Whether the source can be read twice (a directory can, a stream cannot). */
        default boolean rereadable() {
            return false;
        }
    }

    private final BuildLog log;

    public Exporter(BuildLog log) {
        this.log = log;
    }

    /** Exports and returns the archive's path. */
    public Path export(Source source, Path directory, String volume, String kind, Map<String, String> labels,
            String pluginVersion, Compression compression, long expectedBytes) throws IOException {
        Files.createDirectories(directory);
        Path target = directory.resolve(volume + compression.suffix());
        long started = System.currentTimeMillis();
        removeFilesOfDeadExports(directory, volume);
        // Names of this export's own: another build exporting the same cache into the same directory at the same
        // time writes its own files, and the last complete archive moved into place wins.
        Path staging = temporaryFile(directory, volume, ".staging.tar");
        Path partial = temporaryFile(directory, volume, compression.suffix() + ".part");
        boolean complete = false;
        try {
            HashingTar staged;
            try (OutputStream out = source.rereadable()
                            ? OutputStream.nullOutputStream()
                            : new BufferedOutputStream(Files.newOutputStream(staging), 1 << 16);
                    HashingTar tar = new HashingTar(out)) {
                source.copyTo(tar, new Progress(log, "Hashing " + volume, expectedBytes));
                staged = tar;
            }
            Manifest manifest = new Manifest(pluginVersion, volume, kind, labels,
                    Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), staged.entries, staged.total,
                    staged.files);
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(partial), 1 << 16);
                    OutputStream compressed = compression.compress(file);
                    HashingTar tar = new HashingTar(compressed, false)) {
                byte[] json = manifest.toJson();
                tar.recording = false;
                TarArchiveEntry manifestEntry = new TarArchiveEntry(Manifest.ENTRY);
                manifestEntry.setSize(json.length);
                manifestEntry.setMode(0100644);
                manifestEntry.setModTime(FileTime.from(Instant.now()));
                tar.putArchiveEntry(manifestEntry);
                tar.write(json);
                tar.closeArchiveEntry();
                tar.recording = true;
                Progress progress = new Progress(log, "Writing " + target.getFileName(), manifest.totalBytes());
                if (source.rereadable()) {
                    source.copyTo(tar, progress);
                    // sizes and times, not hashes: a second SHA-256 of every byte would cost more than it catches
                    if (!tar.stamps.equals(staged.stamps)) {
                        throw new IOException("the cache changed while it was exported; export it again while no"
                                + " container writes to it");
                    }
                } else {
                    try (InputStream stagedTar = new BufferedInputStream(Files.newInputStream(staging), 1 << 16)) {
                        TarArchiveInputStream entries = new TarArchiveInputStream(stagedTar);
                        for (TarArchiveEntry entry = entries.getNextEntry(); entry != null;
                                entry = entries.getNextEntry()) {
                            tar.putArchiveEntry(entry);
                            if (EntrySafety.isRegular(entry)) {
                                copy(entries, tar, progress);
                            }
                            tar.closeArchiveEntry();
                        }
                    }
                }
            }
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            complete = true;
            log.info(Messages.exported(volume, target, manifest.files().size(), manifest.totalBytes(), Files.size(target)));
            return target;
        } finally {
            Files.deleteIfExists(staging);
            Files.deleteIfExists(partial);
            // An older archive would look like the result of this failed export; one that another build finished
            // meanwhile is complete, and stays.
            if (!complete && Files.exists(target) && Files.getLastModifiedTime(target).toMillis() < started) {
                Files.deleteIfExists(target);
            }
        }
    }

    /**
     * A new file for this export: {@code .dcc-export-<pid>-<host>-<random>-<volume><suffix>}, where host is a hash
     * of this host and pid namespace. Made with the default permissions (the archive keeps them once moved).
     */
    private static Path temporaryFile(Path directory, String volume, String suffix) throws IOException {
        String name = ".dcc-export-" + BuildIdentity.pid() + "-" + hostHash() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + "-" + volume + suffix;
        return Files.createFile(directory.resolve(name));
    }

    private static String hostHash() {
        return Integer.toHexString(BuildIdentity.host().hashCode());
    }

    /**
     * Removes the temporary files that an export of this cache left when its build was killed: those of this host
     * and pid namespace named after a process that is gone. An export that is still running keeps its own, and so
     * does one of another host sharing the directory.
     */
    static void removeFilesOfDeadExports(Path directory, String volume) throws IOException {
        Pattern prefix = Pattern.compile("\\.dcc-export-(\\d{1,18})-([0-9a-f]+)-[0-9a-f]+-");
        List<String> endings = new ArrayList<>(List.of(volume + ".staging.tar"));
        for (Compression compression : Compression.values()) {
            endings.add(volume + compression.suffix() + ".part");
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                Matcher parts = prefix.matcher(name);
                if (parts.lookingAt() && endings.contains(name.substring(parts.end()))
                        && parts.group(2).equals(hostHash()) && !BuildIdentity.alive(Long.parseLong(parts.group(1)))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }

    /** A tar output that hashes each regular file on its way through, for the manifest. */
    private static final class HashingTar extends TarArchiveOutputStream {
        final Map<String, Manifest.FileDigest> files = new LinkedHashMap<>();
        /** Each regular file's size and modification time: what tells a file that changed between two reads. */
        final Map<String, String> stamps = new LinkedHashMap<>();
        private final boolean hashing;
        /** Off while the manifest entry is written: a cache file of that name is content, and is recorded. */
        boolean recording = true;
        long entries;
        long total;
        private String current;
        private MessageDigest digest;
        private long size;

        HashingTar(OutputStream out) {
            this(out, true);
        }

        HashingTar(OutputStream out, boolean hashing) {
            super(out);
            this.hashing = hashing;
            setLongFileMode(LONGFILE_POSIX);
            setBigNumberMode(BIGNUMBER_POSIX);
        }

        /** Above 0 while the stream writes an entry of its own (a PAX header) inside one of the caller's. */
        private int nested;

        @Override
        public void putArchiveEntry(TarArchiveEntry entry) throws IOException {
            nested++;
            try {
                super.putArchiveEntry(entry);
            } finally {
                nested--;
            }
            if (nested > 0 || !recording) {
                return;
            }
            entries++;
            boolean regular = EntrySafety.isRegular(entry);
            current = regular ? EntrySafety.normalize(entry.getName()) : null;
            digest = regular && hashing ? sha256() : null;
            if (regular) {
                stamps.put(current, entry.getSize() + "@" + entry.getModTime().getTime());
            }
            size = 0;
        }

        @Override
        public void write(byte[] buffer, int offset, int length) throws IOException {
            super.write(buffer, offset, length);
            if (nested == 0 && digest != null) {
                digest.update(buffer, offset, length);
                size += length;
            }
        }

        @Override
        public void closeArchiveEntry() throws IOException {
            super.closeArchiveEntry();
            if (nested > 0 || !recording) {
                return;
            }
            if (current != null && digest != null) {
                files.put(current, new Manifest.FileDigest(size, hex(digest)));
                total += size;
            }
            current = null;
            digest = null;
        }
    }

    /** The entries of a directory on this host, in a stable order, with owners, modes and times. */
    public static Source directory(Path root) {
        return new Source() {
            @Override
            public boolean rereadable() {
                return true;
            }

            @Override
            public void copyTo(TarArchiveOutputStream tar, Progress progress) throws IOException {
                copyDirectory(root, tar, progress);
            }
        };
    }

    private static void copyDirectory(Path root, TarArchiveOutputStream tar, Progress progress) throws IOException {
        {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root)) {
                paths = walk.sorted().toList();
            }
            for (Path path : paths) {
                String relative = root.relativize(path).toString().replace('\\', '/');
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
                entry.setModTime((FileTime) unix.get("lastModifiedTime"));
                if (regular) {
                    entry.setSize(((Number) unix.get("size")).longValue());
                }
                tar.putArchiveEntry(entry);
                if (regular) {
                    try (InputStream in = Files.newInputStream(path)) {
                        copy(in, tar, progress);
                    }
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** The entries of a tar stream of the archive API, named {@code <volume>/...}, renamed relative to the root. */
    public static Source archiveStream(InputStream stream) {
        return (tar, progress) -> {
            TarArchiveInputStream in = new TarArchiveInputStream(stream);
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
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
                    copy(in, tar, progress);
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

    static void copy(InputStream in, OutputStream out, Progress progress) throws IOException {
        byte[] buffer = new byte[1 << 16];
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
