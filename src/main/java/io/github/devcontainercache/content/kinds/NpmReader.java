package io.github.devcontainercache.content.kinds;

import io.github.devcontainercache.engine.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * npm's cache ({@code ~/.npm}): {@code _cacache/index-v5/} buckets of JSON lines, each {@code <sha1 of the
 * line>\t{"key":..., "integrity":"sha512-...", "size":...}}, and {@code _cacache/content-v2/<algorithm>/<aa>/<bb>/<rest
 * of the hex digest>}, the content named by its own digest. Items are the packages behind the index entries (a
 * tarball is {@code name@version}, the registry's document of a package {@code name (metadata)}). Verified, as
 * {@code npm cache verify} does: every content file hashes to its name, every index line to its hash.
 */
final class NpmReader extends KindReader {

    private static final String INDEX = "_cacache/index-v5/";
    private static final String CONTENT = "_cacache/content-v2/";
    private static final Map<String, String> ALGORITHMS =
            Map.of("sha512", "SHA-512", "sha384", "SHA-384", "sha256", "SHA-256", "sha1", "SHA-1");
    /** A bucket holds a line per write of its key; more than this is not an index npm wrote. */
    private static final int MAX_BUCKET_BYTES = 16 << 20;

    /** Content path to its size. */
    private final Map<String, Long> contents = new HashMap<>();
    /** Content path (from an entry's integrity) to the packages and buckets whose entries name it. */
    private final Map<String, Set<String>> packagesOf = new HashMap<>();
    private final Map<String, Set<String>> bucketsOf = new HashMap<>();
    private final Set<String> corrupt = new TreeSet<>();

    NpmReader(boolean verify) {
        super(verify);
    }

    @Override
    String unit() {
        return "packages (name@version, and the registry's metadata of a name)";
    }

    @Override
    boolean file(String path, long sizeBytes) {
        if (path.startsWith(CONTENT)) {
            synchronized (this) {
                contents.put(path, sizeBytes);
            }
            return verify && ALGORITHMS.containsKey(segments(path)[2]);
        }
        if (path.startsWith(INDEX)) {
            tally.add("index of the cache", sizeBytes);
            return sizeBytes <= MAX_BUCKET_BYTES;
        }
        tally.add(path.startsWith("_cacache/") ? "_cacache/" + segments(path)[1] : topLevel(path), sizeBytes);
        return false;
    }

    @Override
    void content(String path, long sizeBytes, InputStream in) throws IOException {
        if (path.startsWith(INDEX)) {
            readBucket(path, in);
            return;
        }
        String[] segments = segments(path);
        String expected = String.join("", java.util.Arrays.copyOfRange(segments, 3, segments.length));
        String actual = Digests.hex(ALGORITHMS.get(segments[2]), in, scratch);
        verified();
        if (!actual.equals(expected)) {
            synchronized (this) {
                corrupt.add(path);
            }
        }
    }

    private void readBucket(String bucket, InputStream in) throws IOException {
        BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        Map<String, String> latest = new LinkedHashMap<>();
        boolean damaged = false;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            int tab = line.indexOf('\t');
            if (line.isBlank()) {
                continue;
            }
            if (tab != 40 || !Digests.hex("SHA-1", new java.io.ByteArrayInputStream(
                    line.substring(tab + 1).getBytes(StandardCharsets.UTF_8))).equals(line.substring(0, tab))) {
                damaged = true; // npm skips such a line; a whole bucket of them says the file is damaged
                continue;
            }
            try {
                Object entry = Json.read(line.substring(tab + 1));
                String key = Json.text(entry, "key", null);
                if (key != null) {
                    latest.put(key, Json.text(entry, "integrity", null));
                }
            } catch (IOException notJson) {
                damaged = true;
            }
        }
        synchronized (this) {
            for (Map.Entry<String, String> entry : latest.entrySet()) {
                String content = contentPath(entry.getValue());
                if (content != null) {
                    packagesOf.computeIfAbsent(content, k -> new TreeSet<>()).add(packageOf(entry.getKey()));
                    bucketsOf.computeIfAbsent(content, k -> new TreeSet<>()).add(bucket);
                }
            }
        }
        if (damaged && verify) {
            verified();
            broken(latest.isEmpty() ? "index bucket " + fileName(bucket) : String.join(", ", latest.keySet()),
                    "an index line does not match its hash", List.of(bucket), 0);
        }
    }

    @Override
    void finish() {
        for (Map.Entry<String, Long> content : contents.entrySet()) {
            Set<String> packages = packagesOf.get(content.getKey());
            tally.add(packages == null ? "content no index entry names" : packages.iterator().next(), content.getValue());
        }
        for (String path : corrupt) {
            List<String> files = new ArrayList<>();
            files.add(path);
            files.addAll(bucketsOf.getOrDefault(path, Set.of()));
            Set<String> packages = packagesOf.getOrDefault(path, Set.of());
            String name = fileName(path);
            broken(packages.isEmpty() ? "content " + name.substring(0, Math.min(12, name.length()))
                    : String.join(", ", packages),
                    "its content does not hash to its name", files, contents.getOrDefault(path, 0L));
        }
    }

    /** {@code _cacache/content-v2/sha512/aa/bb/rest} for {@code sha512-<base64>}; {@code null} if not of that form. */
    static String contentPath(String integrity) {
        if (integrity == null) {
            return null;
        }
        String first = integrity.strip().split("\\s+")[0];
        int dash = first.indexOf('-');
        if (dash < 0 || !ALGORITHMS.containsKey(first.substring(0, dash))) {
            return null;
        }
        String hex;
        try {
            String base64 = first.substring(dash + 1);
            int options = base64.indexOf('?');
            hex = HexFormat.of().formatHex(Base64.getDecoder().decode(options < 0 ? base64 : base64.substring(0, options)));
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
        if (hex.length() < 5) {
            return null;
        }
        return CONTENT + first.substring(0, dash) + "/" + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/"
                + hex.substring(4);
    }

    /** The package an index key stands for: {@code name@version} for a tarball, {@code name (metadata)} for a document. */
    static String packageOf(String key) {
        String tarball = "pacote:tarball:";
        if (key.startsWith(tarball)) {
            return key.substring(tarball.length());
        }
        String url = key.replaceFirst("^make-fetch-happen:request-cache:", "").replaceFirst("^[a-z]+://[^/]+/", "");
        int dashes = url.indexOf("/-/");
        if (dashes > 0 && url.endsWith(".tgz")) {
            String name = URLDecoder.decode(url.substring(0, dashes), StandardCharsets.UTF_8);
            String file = url.substring(dashes + 3, url.length() - 4);
            String bare = name.substring(name.lastIndexOf('/') + 1);
            return file.startsWith(bare + "-") ? name + "@" + file.substring(bare.length() + 1) : name + " " + file;
        }
        String name = URLDecoder.decode(url, StandardCharsets.UTF_8);
        return name.isEmpty() ? key : name + " (metadata)";
    }
}
