package io.github.devcontainercache.archive;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tar archives as bytes, for mutation: split into units (one entry with the PAX and GNU long-name headers before it,
 * and its content), headers edited field by field, and put back together, with or without a right checksum. Knows
 * the ustar layout and nothing of commons-compress, so that it can write what no tar writer would.
 */
final class TarBytes {

    static final int BLOCK = 512;

    // ustar header fields: offset and length
    static final int NAME = 0;
    static final int NAME_LENGTH = 100;
    static final int MODE = 100;
    static final int UID = 108;
    static final int GID = 116;
    static final int SIZE = 124;
    static final int MTIME = 136;
    static final int CHECKSUM = 148;
    static final int TYPE = 156;
    static final int LINK = 157;
    static final int MAGIC = 257;
    static final int PREFIX = 345;
    static final int PREFIX_LENGTH = 155;

    private TarBytes() {}

    /**
     * The units of a tar: each one entry's header blocks (PAX, global PAX and GNU long-name headers included) and its
     * content blocks. Stops at the first all-zero block (the end of the archive) or where the blocks run out.
     */
    static List<byte[]> units(byte[] tar) {
        List<byte[]> units = new ArrayList<>();
        int start = 0;
        int offset = 0;
        while (offset + BLOCK <= tar.length && !zeroBlock(tar, offset)) {
            long size = size(tar, offset);
            long end = offset + BLOCK + padded(Math.max(0, size));
            if (size < 0 || end > tar.length) {
                break;
            }
            byte type = tar[offset + TYPE];
            offset = (int) end;
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                continue; // belongs to the entry that follows
            }
            units.add(Arrays.copyOfRange(tar, start, offset));
            start = offset;
        }
        return units;
    }

    /** The units, then the two zero blocks that end an archive. */
    static byte[] join(List<byte[]> units) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] unit : units) {
            out.writeBytes(unit);
        }
        out.writeBytes(new byte[2 * BLOCK]);
        return out.toByteArray();
    }

    static long padded(long size) {
        return (size + BLOCK - 1) / BLOCK * BLOCK;
    }

    static boolean zeroBlock(byte[] tar, int offset) {
        for (int i = offset; i < offset + BLOCK; i++) {
            if (tar[i] != 0) {
                return false;
            }
        }
        return true;
    }

    /** The size field of the header at {@code offset}: octal, or base-256 when its first byte has the high bit. */
    static long size(byte[] tar, int offset) {
        int field = offset + SIZE;
        if ((tar[field] & 0x80) != 0) {
            long value = tar[field] & 0x3f;
            for (int i = 1; i < 12; i++) {
                if (value > (Long.MAX_VALUE >> 8)) {
                    return -1;
                }
                value = value << 8 | tar[field + i] & 0xff;
            }
            return (tar[field] & 0x40) != 0 ? -1 : value;
        }
        long value = 0;
        for (int i = 0; i < 12; i++) {
            byte c = tar[field + i];
            if (c == 0 || c == ' ') {
                if (value > 0 || i > 0 && tar[field + i - 1] >= '0') {
                    break;
                }
                continue;
            }
            if (c < '0' || c > '7') {
                return -1;
            }
            value = value * 8 + (c - '0');
        }
        return value;
    }

    /** The offset of the last header block of a unit: the entry's own header, after any PAX or long-name headers. */
    static int lastHeader(byte[] unit) {
        int offset = 0;
        while (offset + BLOCK <= unit.length) {
            byte type = unit[offset + TYPE];
            if (type != 'x' && type != 'g' && type != 'L' && type != 'K') {
                return offset;
            }
            long size = size(unit, offset);
            if (size < 0) {
                return offset;
            }
            offset += BLOCK + (int) padded(size);
        }
        return Math.max(0, Math.min(offset, unit.length - BLOCK));
    }

    /** Every header block's offset in a unit. */
    static List<Integer> headers(byte[] unit) {
        List<Integer> headers = new ArrayList<>();
        int offset = 0;
        while (offset + BLOCK <= unit.length) {
            headers.add(offset);
            byte type = unit[offset + TYPE];
            if (type != 'x' && type != 'g' && type != 'L' && type != 'K') {
                break;
            }
            long size = size(unit, offset);
            if (size < 0 || offset + BLOCK + padded(size) > unit.length) {
                break;
            }
            offset += BLOCK + (int) padded(size);
        }
        return headers;
    }

    /** A header block: name, type, size, link name, mode 644, owner 1000:1000, right checksum. */
    static byte[] header(String name, byte type, long size, String link) {
        byte[] header = new byte[BLOCK];
        text(header, 0, NAME, NAME_LENGTH, name);
        octal(header, 0, MODE, 8, type == '5' ? 0755 : 0644);
        octal(header, 0, UID, 8, 1000);
        octal(header, 0, GID, 8, 1000);
        sizeField(header, 0, size);
        octal(header, 0, MTIME, 12, 1_700_000_000L);
        header[TYPE] = type;
        if (link != null) {
            text(header, 0, LINK, 100, link);
        }
        System.arraycopy("ustar\u000000".getBytes(StandardCharsets.US_ASCII), 0, header, MAGIC, 8);
        checksum(header, 0);
        return header;
    }

    /** An entry: its header and its content, padded to whole blocks. */
    static byte[] entry(String name, byte type, byte[] content, String link) {
        byte[] unit = new byte[BLOCK + (int) padded(content.length)];
        System.arraycopy(header(name, type, content.length, link), 0, unit, 0, BLOCK);
        System.arraycopy(content, 0, unit, BLOCK, content.length);
        return unit;
    }

    /** A PAX extended header ({@code x}) whose records are given as written, lengths and all. */
    static byte[] pax(byte type, String records) {
        return entry("PaxHeaders.0/entry", type, records.getBytes(StandardCharsets.UTF_8), null);
    }

    /** One PAX record with its right length. */
    static String record(String key, String value) {
        String body = " " + key + "=" + value + "\n";
        int length = body.getBytes(StandardCharsets.UTF_8).length;
        int digits = String.valueOf(length).length();
        int total = length + digits;
        if (String.valueOf(total).length() != digits) {
            total++;
        }
        return total + body;
    }

    static void text(byte[] tar, int header, int field, int length, String value) {
        Arrays.fill(tar, header + field, header + field + length, (byte) 0);
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(bytes, 0, tar, header + field, Math.min(length, bytes.length));
    }

    static void octal(byte[] tar, int header, int field, int length, long value) {
        String digits = Long.toOctalString(value);
        String text = digits.length() >= length ? digits.substring(digits.length() - (length - 1))
                : "0".repeat(length - 1 - digits.length()) + digits;
        text(tar, header, field, length, text);
    }

    /** A size field: octal up to 8 GiB, base-256 above, as GNU tar writes it. */
    static void sizeField(byte[] tar, int header, long size) {
        if (size >= 0 && size < 077777777777L) {
            octal(tar, header, SIZE, 12, size);
        } else {
            base256(tar, header, SIZE, 12, size);
        }
    }

    static void base256(byte[] tar, int header, int field, int length, long value) {
        for (int i = length - 1; i >= 1; i--) {
            tar[header + field + i] = (byte) value;
            value >>= 8;
        }
        tar[header + field] = (byte) (value < 0 ? 0xff : 0x80);
    }

    /** Sets the header's checksum to the right one. */
    static void checksum(byte[] tar, int header) {
        Arrays.fill(tar, header + CHECKSUM, header + CHECKSUM + 8, (byte) ' ');
        long sum = 0;
        for (int i = header; i < header + BLOCK; i++) {
            sum += tar[i] & 0xff;
        }
        String digits = String.format("%06o", sum);
        text(tar, header, CHECKSUM, 6, digits.substring(digits.length() - 6));
        tar[header + CHECKSUM + 6] = 0;
        tar[header + CHECKSUM + 7] = ' ';
    }

    /** The content of the unit's own entry (after its header), as long as its size field says, within the unit. */
    static byte[] content(byte[] unit) {
        int header = lastHeader(unit);
        long size = size(unit, header);
        int from = header + BLOCK;
        int to = (int) Math.min(unit.length, from + Math.max(0, size));
        return from >= to ? new byte[0] : Arrays.copyOfRange(unit, from, to);
    }

    /** The unit with its entry's content replaced, size field and checksum set to match. */
    static byte[] withContent(byte[] unit, byte[] content) {
        int header = lastHeader(unit);
        byte[] replaced = new byte[header + BLOCK + (int) padded(content.length)];
        System.arraycopy(unit, 0, replaced, 0, header + BLOCK);
        System.arraycopy(content, 0, replaced, header + BLOCK, content.length);
        sizeField(replaced, header, content.length);
        checksum(replaced, header);
        return replaced;
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
