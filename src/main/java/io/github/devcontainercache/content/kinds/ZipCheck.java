package io.github.devcontainercache.content.kinds;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a zip (a jar, a war, a module zip) as a stream, the way it arrives through the archive API: every entry is
 * inflated and checked against its CRC-32 and size (what {@code java.util.zip} checks as it reads), and what follows
 * the last entry must be the central directory its end record describes, so that a file cut short at an entry's
 * boundary is caught too. A garbled header shows as an entry that cannot be read ("invalid LOC header"), or as
 * fewer entries than the end record counts.
 */
final class ZipCheck {

    private static final int END_SIGNATURE = 0x06054b50;
    private static final int END_RECORD = 22;
    private static final int MAX_COMMENT = 0xffff;
    private static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    private static final int ZIP64_LOCATOR = 20;

    /** What each entry's content is given to, if anyone wants it. */
    interface EntryContent {
        void entry(String name, InputStream content) throws IOException;
    }

    private ZipCheck() {}

    /** {@code null} when the zip is whole, else what is wrong with it. */
    static String problem(InputStream raw, EntryContent each) {
        Counting counted = new Counting(new BufferedInputStream(raw, 1 << 16));
        Entries zip = new Entries(counted);
        long entries = 0;
        boolean inHeader = true; // a local header that cannot be read is the next entry's
        try {
            byte[] skip = new byte[1 << 16];
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                entries++;
                inHeader = false;
                if (each != null && !entry.isDirectory()) {
                    each.entry(entry.getName(), zip);
                }
                while (zip.read(skip) >= 0) {
                    // inflating to the end is what checks the CRC-32 and the size
                }
                inHeader = true;
            }
            inHeader = false;
            return end(zip.rest(), counted, entries);
        } catch (IOException | RuntimeException e) {
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            long damaged = inHeader ? entries + 1 : entries;
            return damaged == 1 && inHeader ? "cannot be opened: " + why : "entry " + damaged + " is damaged: " + why;
        }
    }

    /**
     * Checks the tail: the bytes after the last local entry, whose last record must be the end of the central
     * directory, with as many entries as were read and a directory that ends where the record starts.
     */
    private static String end(InputStream rest, Counting counted, long entriesRead) throws IOException {
        // ZipInputStream has read up to 30 bytes past the last entry to see that no entry follows (all of an empty
        // zip's end record): the last bytes are kept as they pass, whoever reads them
        byte[] skip = new byte[1 << 16];
        while (rest.read(skip) >= 0) {
            // kept by counted
        }
        byte[] tail = counted.last();
        long total = counted.count;
        for (int at = tail.length - END_RECORD; at >= 0 && at >= tail.length - END_RECORD - MAX_COMMENT; at--) {
            if (int32(tail, at) == END_SIGNATURE && at + END_RECORD + int16(tail, at + 20) == tail.length) {
                long entries = int16(tail, at + 10);
                long directorySize = int32(tail, at + 12) & 0xffffffffL;
                long directoryOffset = int32(tail, at + 16) & 0xffffffffL;
                if (entries == 0xffff || directoryOffset == 0xffffffffL) {
                    return null; // zip64: its own records, not checked further
                }
                if (entries != entriesRead) {
                    return "its directory lists " + entries + " entries, " + entriesRead + " could be read";
                }
                long endAt = total - tail.length + at;
                if (at >= ZIP64_LOCATOR && int32(tail, at - ZIP64_LOCATOR) == ZIP64_LOCATOR_SIGNATURE) {
                    // a zip64 end record and its locator, which some writers add when no value needs them, sit
                    // between the directory and the end record: the locator says where the zip64 record starts
                    endAt = (int32(tail, at - ZIP64_LOCATOR + 8) & 0xffffffffL)
                            | (long) int32(tail, at - ZIP64_LOCATOR + 12) << 32;
                }
                if (directoryOffset + directorySize != endAt) {
                    return "its directory does not end where its end record starts";
                }
                return null;
            }
        }
        return "truncated: it does not end with a zip's end record";
    }

    private static int int16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int at) {
        return int16(b, at) | int16(b, at + 2) << 16;
    }

    /** A zip stream whose unread rest, after the last entry, can be read. */
    private static final class Entries extends ZipInputStream {
        Entries(InputStream in) {
            super(in);
        }

        /** What is left: the bytes ZipInputStream read ahead, then the rest of the stream. */
        InputStream rest() {
            return in;
        }
    }

    /** Counts the bytes read through it, and keeps the last of them: where a zip's end record is. */
    private static final class Counting extends FilterInputStream {
        long count;
        private final byte[] ring = new byte[MAX_COMMENT + END_RECORD];

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                ring[(int) (count % ring.length)] = (byte) b;
                count++;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int read = in.read(b, off, len);
            for (int done = 0; done < read; ) {
                int at = (int) (count % ring.length);
                int chunk = Math.min(read - done, ring.length - at);
                System.arraycopy(b, off + done, ring, at, chunk);
                done += chunk;
                count += chunk;
            }
            return read;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] buffer = new byte[(int) Math.min(Math.max(n, 1), 1 << 16)];
            long skipped = 0;
            while (skipped < n) {
                int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (read < 0) {
                    break;
                }
                skipped += read;
            }
            return skipped;
        }

        /** The last bytes read, at most as many as the ring holds, in order. */
        byte[] last() {
            if (count <= ring.length) {
                return java.util.Arrays.copyOf(ring, (int) count);
            }
            int at = (int) (count % ring.length);
            byte[] last = new byte[ring.length];
            System.arraycopy(ring, at, last, 0, ring.length - at);
            System.arraycopy(ring, 0, last, ring.length - at, at);
            return last;
        }
    }
}
