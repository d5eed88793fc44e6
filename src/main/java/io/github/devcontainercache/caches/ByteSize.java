package io.github.devcontainercache.caches;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Byte sizes as people write them in a pom ({@code 2GB}, {@code 500MiB}, {@code 1.5G}) and as the plugin
 * prints them. Decimal units (kB, MB, GB, TB) are powers of 1000, binary units (KiB, MiB, GiB, TiB) powers
 * of 1024, as Docker and the SI define them; a bare letter (K, M, G, T) is binary, as {@code du -h} prints.
 */
public final class ByteSize {

    private static final Pattern SIZE =
            Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*([a-z]*)", Pattern.CASE_INSENSITIVE);

    private static final Map<String, Long> UNITS = Map.ofEntries(
            Map.entry("", 1L),
            Map.entry("b", 1L),
            Map.entry("kb", 1000L),
            Map.entry("mb", 1000L * 1000),
            Map.entry("gb", 1000L * 1000 * 1000),
            Map.entry("tb", 1000L * 1000 * 1000 * 1000),
            Map.entry("k", 1L << 10),
            Map.entry("m", 1L << 20),
            Map.entry("g", 1L << 30),
            Map.entry("t", 1L << 40),
            Map.entry("kib", 1L << 10),
            Map.entry("mib", 1L << 20),
            Map.entry("gib", 1L << 30),
            Map.entry("tib", 1L << 40));

    private ByteSize() {}

    /** Bytes for a text like {@code 2GB}; empty when it is not a size. */
    public static OptionalLong parse(String text) {
        if (text == null) {
            return OptionalLong.empty();
        }
        Matcher matcher = SIZE.matcher(text.trim());
        if (!matcher.matches()) {
            return OptionalLong.empty();
        }
        Long unit = UNITS.get(matcher.group(2).toLowerCase(Locale.ROOT));
        if (unit == null) {
            return OptionalLong.empty();
        }
        // A fraction of a byte is rounded to the nearest byte: "1.5" is 2 bytes.
        BigDecimal bytes = new BigDecimal(matcher.group(1))
                .multiply(BigDecimal.valueOf(unit))
                .setScale(0, RoundingMode.HALF_UP);
        if (bytes.compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) > 0) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(bytes.longValue());
    }

    /** A short human-readable size in binary units: {@code 0 B}, {@code 512 B}, {@code 1.5 KiB}, {@code 2.0 GiB}. */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = bytes;
        int unit = -1;
        // Move up a unit also when rounding to one decimal would print 1024.0 of this one.
        while ((value >= 1024 || Math.round(value * 10) >= 10240) && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }
}
