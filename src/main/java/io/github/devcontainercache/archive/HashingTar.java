package io.github.devcontainercache.archive;

import java.io.IOException;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** A tar output that hashes each regular file on its way through, for the manifest. */
final class HashingTar extends TarArchiveOutputStream {
    final Map<String, Manifest.FileDigest> files = new LinkedHashMap<>();
    long entries;
    long total;
    private final MessageDigest digest = Exporter.sha256();
    private String current;
    private long size;

    HashingTar(OutputStream out) {
        super(out);
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
        if (nested > 0) {
            return;
        }
        entries++;
        current = EntrySafety.isRegular(entry) ? EntrySafety.normalize(entry.getName()) : null;
        digest.reset();
        size = 0;
    }

    @Override
    public void write(byte[] buffer, int offset, int length) throws IOException {
        super.write(buffer, offset, length);
        if (nested == 0 && current != null) {
            digest.update(buffer, offset, length);
            size += length;
        }
    }

    @Override
    public void closeArchiveEntry() throws IOException {
        super.closeArchiveEntry();
        if (nested > 0) {
            return;
        }
        if (current != null) {
            files.put(current, new Manifest.FileDigest(size, Exporter.hex(digest)));
            total += size;
        }
        current = null;
    }
}
