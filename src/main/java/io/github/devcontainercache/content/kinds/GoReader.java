package io.github.devcontainercache.content.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Go's module cache ({@code GOMODCACHE}, {@code /go/pkg/mod}): {@code cache/download/<module>/@v/<version>.zip}
 * beside its {@code .ziphash}, and the extracted {@code <module>@<version>/}; upper-case letters are written
 * {@code !x}. Items are module@version. Verified: each zip, entry by entry, and its {@code .ziphash}, the
 * {@code h1:} hash go.sum holds: SHA-256 of the sorted lines {@code <sha256 of a file>  <its name>}.
 */
final class GoReader extends KindReader {

    private static final String DOWNLOAD = "cache/download/";

    private final Map<String, String> zipHashes = new HashMap<>();
    private final Map<String, String> recorded = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();

    GoReader(boolean verify) {
        super(verify);
    }

    @Override
    String unit() {
        return "modules (module@version)";
    }

    @Override
    boolean file(String path, long sizeBytes) {
        tally.add(module(path), sizeBytes);
        boolean download = path.startsWith(DOWNLOAD) && path.contains("/@v/");
        if (download && path.endsWith(".zip")) {
            sizes.put(path, sizeBytes);
        }
        return verify && download && (path.endsWith(".zip") || path.endsWith(".ziphash"));
    }

    @Override
    void content(String path, long sizeBytes, InputStream in) throws IOException {
        if (path.endsWith(".ziphash")) {
            String value = new String(in.readNBytes(4096), StandardCharsets.UTF_8).strip();
            synchronized (this) {
                recorded.put(path.substring(0, path.length() - ".ziphash".length()) + ".zip", value);
            }
            return;
        }
        // entry name to its line, sorted by name as Go's sort.Strings does (by UTF-8 bytes)
        Map<String, String> lines = new java.util.TreeMap<>((a, b) -> java.util.Arrays.compareUnsigned(
                a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));
        String problem = ZipCheck.problem(in, (name, content) -> {
            if (name.contains("\n")) {
                throw new IOException("an entry's name holds a newline");
            }
            lines.put(name, Digests.hex("SHA-256", content, scratch) + "  " + name + "\n");
        });
        verified();
        String module = module(path);
        if (problem != null) {
            broken(module, fileName(path) + " " + problem, List.of(path, path + "hash"), sizeBytes);
            return;
        }
        MessageDigest summary = Digests.of("SHA-256");
        for (String line : lines.values()) {
            summary.update(line.getBytes(StandardCharsets.UTF_8));
        }
        synchronized (this) {
            zipHashes.put(path, "h1:" + Base64.getEncoder().encodeToString(summary.digest()));
        }
    }

    @Override
    void finish() {
        zipHashes.forEach((zip, actual) -> {
            String expected = recorded.get(zip);
            if (expected != null && !expected.equals(actual)) {
                broken(module(zip), fileName(zip) + " hashes to " + actual + ", its .ziphash says " + expected,
                        List.of(zip, zip + "hash"), sizes.getOrDefault(zip, 0L));
            }
        });
    }

    /** module@version of a path of the cache, else its first folder. */
    static String module(String path) {
        if (path.startsWith(DOWNLOAD)) {
            int at = path.indexOf("/@v/");
            if (at > 0) {
                String file = fileName(path);
                int dot = file.lastIndexOf('.');
                String version = dot > 0 ? file.substring(0, dot) : file;
                return unescape(path.substring(DOWNLOAD.length(), at)) + (version.equals("list") ? "" : "@" + version);
            }
            return "cache/download/" + segments(path)[2];
        }
        String[] segments = segments(path);
        for (int i = 0; i < segments.length - 1; i++) {
            if (segments[i].contains("@")) {
                return unescape(String.join("/", java.util.Arrays.copyOf(segments, i + 1)));
            }
        }
        return segments.length > 1 ? segments[0] + "/" : segments[0];
    }

    /** Go's case encoding undone: {@code !b!urnt!sushi} is {@code BurntSushi}. */
    static String unescape(String escaped) {
        StringBuilder plain = new StringBuilder(escaped.length());
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if (c == '!' && i + 1 < escaped.length()) {
                plain.append(Character.toUpperCase(escaped.charAt(++i)));
            } else {
                plain.append(c);
            }
        }
        return plain.toString();
    }
}
