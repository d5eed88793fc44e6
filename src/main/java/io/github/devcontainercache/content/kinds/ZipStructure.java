package io.github.devcontainercache.content.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks a zip held whole in memory, read once: its end record, the central directory it points to, and, for each
 * entry the directory lists, the local header at its offset (same name), its data inside the file and before the
 * directory, no two entries overlapping; a stored entry against its CRC-32. What a zip reader needs to open every
 * entry ("invalid LOC header", "zip END header not found" are these checks failing). With {@code inflate}, each
 * compressed entry is inflated too and checked against its CRC-32 and size: that costs what unzipping does, many
 * times the read. Zips larger than {@link #MAX_BYTES} are left to {@link ZipCheck}'s stream.
 */
final class ZipStructure {

    /** The largest zip read whole into memory; a larger one is checked as a stream. */
    static final int MAX_BYTES = 256 << 20;

    private static final int LOCAL = 0x04034b50;
    private static final int CENTRAL = 0x02014b50;
    private static final int END = 0x06054b50;
    private static final int ZIP64_END = 0x06064b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int END_RECORD = 22;

    private ZipStructure() {}

    /** {@link #problem(InputStream, long, Scratch)} with buffers of its own. */
    static String problem(InputStream in, long sizeBytes, boolean inflate) throws IOException {
        return problem(in, sizeBytes, new Scratch(inflate));
    }

    /** {@link #check(byte[], int, byte[])}, inflating into a buffer of its own, or not. */
    static String check(byte[] zip, int length, boolean inflate) {
        return check(zip, length, inflate ? new byte[1 << 16] : null);
    }

    /** {@code null} when the zip is whole, else what is wrong with it. Reads the stream to its end. */
    static String problem(InputStream in, long sizeBytes, Scratch scratch) throws IOException {
        if (sizeBytes > MAX_BYTES || sizeBytes < 0) {
            return ZipCheck.problem(in, null);
        }
        byte[] buffer = scratch.whole((int) sizeBytes);
        int length = in.readNBytes(buffer, 0, (int) sizeBytes);
        while (in.read() >= 0) {
            length = -1; // longer than said: changed while read
        }
        if (length != sizeBytes) { // shorter or longer than said
            return "changed while it was read";
        }
        try {
            return check(buffer, length, scratch.inflate ? scratch.inflated() : null);
        } catch (RuntimeException unreadable) {
            return "cannot be read as a zip: " + unreadable;
        }
    }

    /** @param inflated where to inflate each compressed entry into; {@code null} not to inflate */
    static String check(byte[] zip, int length, byte[] inflated) {
        int end = findEnd(zip, length);
        if (end < 0) {
            return "truncated: it does not end with a zip's end record";
        }
        long entries = u16(zip, end + 10);
        long directorySize = u32(zip, end + 12);
        long directoryOffset = u32(zip, end + 16);
        long directoryEnd = end;
        if (entries == 0xffff || directoryOffset == 0xffffffffL || directorySize == 0xffffffffL) {
            int locator = end - 20;
            if (locator < 0 || (int) u32(zip, locator) != ZIP64_LOCATOR) {
                return "its end record names a zip64 record that is not there";
            }
            long zip64 = u64(zip, locator + 8);
            if (zip64 < 0 || zip64 + 56 > locator || (int) u32(zip, (int) zip64) != ZIP64_END) {
                return "its zip64 end record is damaged";
            }
            entries = u64(zip, (int) zip64 + 32);
            directorySize = u64(zip, (int) zip64 + 40);
            directoryOffset = u64(zip, (int) zip64 + 48);
            directoryEnd = zip64;
        } else if (end >= 20 && (int) u32(zip, end - 20) == ZIP64_LOCATOR && u64(zip, end - 12) == directoryOffset + directorySize
                && directoryOffset + directorySize + 56 <= end - 20
                && (int) u32(zip, (int) (directoryOffset + directorySize)) == ZIP64_END) {
            directoryEnd = directoryOffset + directorySize; // zip64 records some writers add when no value needs them
        }
        if (directoryOffset < 0 || directorySize < 0 || directoryOffset + directorySize != directoryEnd) {
            return "its directory does not end where its end record starts";
        }
        long[] starts = new long[(int) Math.min(entries, length / 46 + 1)];
        long[] ends = new long[starts.length];
        int at = (int) directoryOffset;
        CRC32 crc = new CRC32();
        for (int i = 0; i < entries; i++) {
            if (i >= starts.length || at + 46 > directoryEnd || (int) u32(zip, at) != CENTRAL) {
                return "its directory lists " + entries + " entries, " + i + " could be read";
            }
            int flags = u16(zip, at + 8);
            int method = u16(zip, at + 10);
            long expectedCrc = u32(zip, at + 16);
            long compressed = u32(zip, at + 20);
            long size = u32(zip, at + 24);
            int nameLength = u16(zip, at + 28);
            int extraLength = u16(zip, at + 30);
            int commentLength = u16(zip, at + 32);
            long offset = u32(zip, at + 42);
            int name = at + 46;
            if (name + nameLength + extraLength + commentLength > directoryEnd) {
                return "its directory is cut short at entry " + (i + 1);
            }
            long[] big = zip64Extra(zip, name + nameLength, extraLength, size, compressed, offset);
            size = big[0];
            compressed = big[1];
            offset = big[2];
            if (offset < 0 || offset + 30 > directoryOffset || (int) u32(zip, (int) offset) != LOCAL) {
                return entry(zip, i, name, nameLength) + " has no local header where the directory says: invalid LOC header";
            }
            int local = (int) offset;
            int localName = u16(zip, local + 26);
            int localExtra = u16(zip, local + 28);
            if (localName != nameLength || !Arrays.equals(zip, local + 30, local + 30 + nameLength, zip, name, name + nameLength)) {
                return entry(zip, i, name, nameLength) + " has a local header of another name: invalid LOC header";
            }
            long data = offset + 30 + localName + localExtra;
            long dataEnd = data + compressed;
            if (dataEnd > directoryOffset) {
                return entry(zip, i, name, nameLength) + " runs into the directory: its data is cut short";
            }
            if ((flags & 1) == 0 && method == 0) {
                crc.reset();
                crc.update(zip, (int) data, (int) compressed);
                if (crc.getValue() != expectedCrc || compressed != size) {
                    return entry(zip, i, name, nameLength) + " does not match its CRC-32";
                }
            } else if ((flags & 1) == 0 && method == 8 && inflated != null) {
                String damage = inflate(zip, (int) data, (int) compressed, size, expectedCrc, inflated);
                if (damage != null) {
                    return entry(zip, i, name, nameLength) + " " + damage;
                }
            }
            starts[i] = offset;
            ends[i] = dataEnd;
            at = name + nameLength + extraLength + commentLength;
        }
        if (at != directoryEnd) {
            return "its directory holds more than the " + entries + " entries its end record counts";
        }
        return overlap(starts, ends, (int) entries);
    }

    /** Entries whose data overlaps: a directory that lies about where they are. */
    private static String overlap(long[] starts, long[] ends, int entries) {
        // each entry's start and index in one long (a start is below 2^31, an index below 2^23), sorted as numbers
        long[] order = new long[entries];
        for (int i = 0; i < entries; i++) {
            order[i] = starts[i] << 23 | i;
        }
        Arrays.sort(order);
        for (int k = 1; k < entries; k++) {
            int previous = (int) (order[k - 1] & 0x7fffff);
            int next = (int) (order[k] & 0x7fffff);
            if (starts[next] < ends[previous]) {
                return "entries " + (previous + 1) + " and " + (next + 1) + " overlap";
            }
        }
        return null;
    }

    /** {@code entry 3 (com/example/A.class)}: the entry a problem is of. */
    private static String entry(byte[] zip, int index, int name, int nameLength) {
        return "entry " + (index + 1) + " (" + new String(zip, name, nameLength, StandardCharsets.UTF_8) + ")";
    }

    private static String inflate(byte[] zip, int data, int compressed, long size, long expectedCrc, byte[] out) {
        Inflater inflater = new Inflater(true);
        CRC32 crc = new CRC32();
        long total = 0;
        try {
            // raw deflate wants one byte past the data to see its end (as ZipFile gives it): the directory follows
            inflater.setInput(zip, data, compressed + 1);
            while (!inflater.finished()) {
                int n = inflater.inflate(out);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    return "is damaged: its data ends before its last block";
                }
                crc.update(out, 0, n);
                total += n;
            }
        } catch (DataFormatException e) {
            return "is damaged: " + e.getMessage();
        } finally {
            inflater.end();
        }
        return total != size ? "is damaged: " + total + " bytes, its directory says " + size
                : crc.getValue() != expectedCrc ? "does not match its CRC-32" : null;
    }

    /** Size, compressed size and offset, from the zip64 extra field where the directory says 0xffffffff. */
    private static long[] zip64Extra(byte[] zip, int extra, int length, long size, long compressed, long offset) {
        long[] values = {size, compressed, offset};
        for (int at = extra; at + 4 <= extra + length; ) {
            int id = u16(zip, at);
            int dataLength = u16(zip, at + 2);
            if (id == 1) {
                int field = at + 4;
                for (int i = 0; i < 3 && field + 8 <= at + 4 + dataLength; i++) {
                    if (values[i] == 0xffffffffL) {
                        values[i] = u64(zip, field);
                        field += 8;
                    }
                }
            }
            at += 4 + dataLength;
        }
        return values;
    }

    private static int findEnd(byte[] zip, int length) {
        for (int at = length - END_RECORD; at >= 0 && at >= length - END_RECORD - 0xffff; at--) {
            if ((int) u32(zip, at) == END && at + END_RECORD + u16(zip, at + 20) == length) {
                return at;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int at) {
        return (u16(b, at) | (long) u16(b, at + 2) << 16) & 0xffffffffL;
    }

    private static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }
}
