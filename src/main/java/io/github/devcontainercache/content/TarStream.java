package io.github.devcontainercache.content;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.attribute.FileTime;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipEncoding;
import org.apache.commons.compress.archivers.zip.ZipEncodingHelper;

/**
 * Reads the tar stream of the engine's archive API entry by entry, through one buffer for the whole stream: the
 * headers are parsed by commons-compress, but the content and the padding between entries are read here. (The
 * commons-compress reader takes a new 8 KiB array for every skip, at least one for every entry, and a cache holds
 * tens of thousands: gigabytes of garbage for one pass, which a default JVM answers by growing its heap.) PAX
 * extended headers and GNU long names are applied to the entry they precede; global PAX headers are skipped. The
 * archives users bring to an import are read by {@link #ofArchive}, which returns a damaged header for its caller to
 * refuse by name, and bounds extended headers as the caller says.
 */
public final class TarStream {

    private static final int RECORD = 512;
    /** The most an extended header (PAX records, a GNU long name) may take: the engine writes a few hundred bytes. */
    static final int MAX_EXTENDED_HEADER = 1 << 20;
    private static final ZipEncoding UTF_8 = ZipEncodingHelper.getZipEncoding(StandardCharsets.UTF_8.name());

    /** An extended header larger than the reader allows: no export or engine writes one. */
    public static final class ExtendedHeaderTooLarge extends IOException {
        private static final long serialVersionUID = 1L;

        ExtendedHeaderTooLarge(String message) {
            super(message);
        }
    }

    private final InputStream in;
    /** What the messages call the stream. */
    private final String source;
    private final boolean damagedHeadersReturned;
    private final int maxExtendedHeader;
    private final byte[] header = new byte[RECORD];
    private final byte[] buffer;
    /** Content bytes of the current entry not yet read, then the padding that ends its last record. */
    private long remaining;
    private long padding;
    private boolean ended;
    private final byte[] one = new byte[1];
    private final InputStream content = new InputStream() {
        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] target, int offset, int length) throws IOException {
            if (remaining <= 0) {
                return -1;
            }
            int read = in.read(target, offset, (int) Math.min(length, remaining));
            if (read < 0) {
                throw new EOFException("the archive ends inside an entry");
            }
            remaining -= read;
            return read;
        }
    };

    /** A reader of the engine's archive stream. @param bufferBytes the size of the buffer that skips what is not read */
    public TarStream(InputStream in, int bufferBytes) {
        this(in, bufferBytes, "the engine's archive", false, MAX_EXTENDED_HEADER);
    }

    private TarStream(InputStream in, int bufferBytes, String source, boolean damagedHeadersReturned,
            int maxExtendedHeader) {
        this.in = in;
        this.buffer = new byte[bufferBytes];
        this.source = source;
        this.damagedHeadersReturned = damagedHeadersReturned;
        this.maxExtendedHeader = maxExtendedHeader;
    }

    /**
     * A reader of an archive a user brings: an entry whose header has a wrong checksum is returned (its
     * {@code isCheckSumOK()} says so), and an extended header of more than {@code maxExtendedHeader} bytes fails.
     */
    public static TarStream ofArchive(InputStream in, int bufferBytes, int maxExtendedHeader) {
        return new TarStream(in, bufferBytes, "the archive", true, maxExtendedHeader);
    }

    /** The next entry, whose content {@link #content()} reads until the next call; {@code null} at the end. */
    public TarArchiveEntry next() throws IOException {
        Map<String, String> pax = new LinkedHashMap<>();
        String longName = null;
        String longLink = null;
        while (true) {
            skipRest();
            if (ended || !readHeader()) {
                ended = true;
                return null;
            }
            TarArchiveEntry entry;
            try {
                entry = new TarArchiveEntry(header, UTF_8, false);
            } catch (IllegalArgumentException e) {
                throw new IOException(source + " has a damaged header: " + e.getMessage(), e);
            }
            if (!entry.isCheckSumOK()) {
                if (damagedHeadersReturned) {
                    start(Math.max(0, entry.getSize()));
                    return entry;
                }
                throw new IOException(source + " has a damaged header (its checksum is wrong)");
            }
            start(entry.getSize());
            if (entry.isPaxHeader()) {
                pax.putAll(paxRecords(extended(entry), source));
            } else if (entry.isGlobalPaxHeader()) {
                extended(entry); // defaults for every entry, which the engine does not write
            } else if (entry.isGNULongNameEntry()) {
                longName = cString(extended(entry));
            } else if (entry.isGNULongLinkEntry()) {
                longLink = cString(extended(entry));
            } else {
                if (longName != null) {
                    entry.setName(longName);
                }
                if (longLink != null) {
                    entry.setLinkName(longLink);
                }
                applyPax(entry, pax);
                // a PAX size replaces the header's
                start(entry.isDirectory() || entry.isSymbolicLink() || entry.isLink() ? 0 : entry.getSize());
                return entry;
            }
        }
    }

    /**
     * Applies PAX records to the entry. Times in plain decimal seconds, which every export writes for every entry,
     * are read here: commons-compress reads each through BigDecimal, a tenth of a pass's garbage.
     */
    private static void applyPax(TarArchiveEntry entry, Map<String, String> pax) {
        pax.forEach((key, value) -> {
            FileTime time = key.equals("mtime") || key.equals("atime") || key.equals("ctime") ? decimalSeconds(value) : null;
            if (time == null) {
                entry.addPaxHeader(key, value);
            } else {
                switch (key) {
                    case "mtime" -> entry.setLastModifiedTime(time);
                    case "atime" -> entry.setLastAccessTime(time);
                    default -> entry.setStatusChangeTime(time);
                }
            }
        });
    }

    /** {@code [-]seconds[.fraction]}, or null for any other form (left to commons-compress). */
    static FileTime decimalSeconds(String value) {
        int at = value.startsWith("-") ? 1 : 0;
        int dot = value.indexOf('.');
        int end = dot < 0 ? value.length() : dot;
        if (end == at || end - at > 18 || !digits(value, at, end)
                || (dot >= 0 && (dot == value.length() - 1 || !digits(value, dot + 1, value.length())))) {
            return null;
        }
        long seconds = Long.parseLong(value, at, end, 10);
        long nanos = 0;
        for (int i = 0; i < 9; i++) { // nine digits of the fraction, the rest cut off as commons-compress does
            int digit = dot + 1 + i;
            nanos = nanos * 10 + (dot >= 0 && digit < value.length() ? value.charAt(digit) - '0' : 0);
        }
        return at == 1 ? FileTime.from(java.time.Instant.ofEpochSecond(-seconds, -nanos))
                : FileTime.from(java.time.Instant.ofEpochSecond(seconds, nanos));
    }

    private static boolean digits(String value, int from, int to) {
        for (int i = from; i < to; i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /** The current entry's content: it ends where the entry does. Not to be closed. */
    public InputStream content() {
        return content;
    }

    private void start(long size) throws IOException {
        if (size < 0) {
            throw new IOException(source + " names an entry of " + size + " bytes");
        }
        remaining = size;
        padding = (RECORD - size % RECORD) % RECORD;
    }

    /** Reads past what is left of the current entry, and the padding of its last record. */
    private void skipRest() throws IOException {
        long left = remaining + padding;
        while (left > 0) {
            int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (read < 0) {
                throw new EOFException("the archive ends inside an entry");
            }
            left -= read;
        }
        remaining = 0;
        padding = 0;
    }

    /** Reads one header record; false at the end of the archive (two zero records, or none at all). */
    private boolean readHeader() throws IOException {
        int filled = 0;
        while (filled < RECORD) {
            int read = in.read(header, filled, RECORD - filled);
            if (read < 0) {
                if (filled == 0) {
                    return false;
                }
                throw new EOFException("the archive ends inside a header");
            }
            filled += read;
        }
        for (byte b : header) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    private byte[] extended(TarArchiveEntry entry) throws IOException {
        if (entry.getSize() > maxExtendedHeader) {
            throw new ExtendedHeaderTooLarge(source + " has an extended header of " + entry.getSize() + " bytes");
        }
        byte[] bytes = content.readNBytes((int) entry.getSize());
        if (bytes.length < entry.getSize()) {
            throw new EOFException("the archive ends inside an extended header");
        }
        return bytes;
    }

    private static String cString(byte[] bytes) {
        int end = 0;
        while (end < bytes.length && bytes[end] != 0) {
            end++;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** PAX records: {@code "<length> <key>=<value>\n"}, the length counting the whole record. */
    static Map<String, String> paxRecords(byte[] bytes, String source) throws IOException {
        Map<String, String> records = new LinkedHashMap<>();
        int at = 0;
        while (at < bytes.length && bytes[at] != 0) {
            int space = at;
            long length = 0;
            while (space < bytes.length && bytes[space] >= '0' && bytes[space] <= '9' && length < bytes.length) {
                length = length * 10 + (bytes[space] - '0');
                space++;
            }
            if (space == at || space >= bytes.length || bytes[space] != ' ' || length <= space - at
                    || at + length > bytes.length || bytes[(int) (at + length - 1)] != '\n') {
                throw new IOException(source + " has a damaged PAX header");
            }
            int end = (int) (at + length - 1);
            int equals = space + 1;
            while (equals < end && bytes[equals] != '=') {
                equals++;
            }
            if (equals == end) {
                throw new IOException(source + " has a damaged PAX header");
            }
            records.put(new String(bytes, space + 1, equals - space - 1, StandardCharsets.UTF_8),
                    new String(bytes, equals + 1, end - equals - 1, StandardCharsets.UTF_8));
            at = end + 1;
        }
        return records;
    }
}
