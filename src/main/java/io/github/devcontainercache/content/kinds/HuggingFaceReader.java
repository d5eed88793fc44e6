package io.github.devcontainercache.content.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The Hugging Face hub's cache: {@code models--ORG--NAME/} (also {@code datasets--}, {@code spaces--}) with
 * {@code blobs/<etag>}, {@code snapshots/<commit>/<file>} links to {@code ../../blobs/<etag>}, {@code refs/<name>}.
 * Items are repositories, with their revisions. Verified: a blob named by 64 hex digits is the SHA-256 of its content
 * (a large file), one named by 40 the git blob id of it (a small file); every snapshot link lands on a blob of its
 * repository that is there.
 */
final class HuggingFaceReader extends KindReader {

    private static final Map<String, String> TYPES = Map.of("models", "model", "datasets", "dataset", "spaces", "space");

    /** Repository folder to its revisions: ref names, or commits that no ref names. */
    private final Map<String, Set<String>> refs = new TreeMap<>();
    private final Map<String, Set<String>> commits = new TreeMap<>();
    /** Blobs seen, by path, with their sizes. */
    private final Map<String, Long> blobs = new HashMap<>();
    /** Link path to the blob path it resolves to ({@code null} when it leaves its repository's blobs). */
    private final Map<String, String> links = new HashMap<>();

    HuggingFaceReader(boolean verify) {
        super(verify);
    }

    @Override
    String unit() {
        return "repositories (type, name, revisions)";
    }

    @Override
    boolean file(String path, long sizeBytes) {
        String[] segments = segments(path);
        String repository = segments[0];
        if (!isRepository(repository) || segments.length < 3) {
            tally.add(topLevel(path).startsWith(".") ? topLevel(path) : "other files", sizeBytes);
            return false;
        }
        tally.add(repository, sizeBytes);
        switch (segments[1]) {
            case "blobs" -> {
                if (segments.length == 3) {
                    synchronized (this) {
                        blobs.put(path, sizeBytes);
                    }
                    String name = segments[2];
                    return verify && (Digests.SHA256_HEX.matcher(name).matches() || Digests.SHA1_HEX.matcher(name).matches());
                }
            }
            case "refs" -> refs.computeIfAbsent(repository, k -> new TreeSet<>()).add(path.substring(repository.length() + 6));
            case "snapshots" -> commits.computeIfAbsent(repository, k -> new TreeSet<>()).add(segments[2]);
            default -> { }
        }
        return false;
    }

    @Override
    void link(String path, String target) {
        String[] segments = segments(path);
        if (segments.length < 4 || !isRepository(segments[0]) || !segments[1].equals("snapshots")) {
            return;
        }
        commits.computeIfAbsent(segments[0], k -> new TreeSet<>()).add(segments[2]);
        String resolved = resolve(path, target);
        links.put(path, resolved != null && resolved.startsWith(segments[0] + "/blobs/")
                && resolved.indexOf('/', segments[0].length() + 7) < 0 ? resolved : null);
    }

    @Override
    void content(String path, long sizeBytes, InputStream in) throws IOException {
        String name = fileName(path);
        String actual = name.length() == 64 ? Digests.hex("SHA-256", in, scratch) : Digests.gitBlob(sizeBytes, in);
        verified();
        if (!actual.equals(name)) {
            synchronized (this) {
                corrupt.add(path);
            }
        }
    }

    private final Set<String> corrupt = new HashSet<>();

    @Override
    void finish() {
        if (!verify) {
            return;
        }
        Map<String, List<String>> linksTo = new HashMap<>();
        links.forEach((link, blob) -> {
            if (blob != null) {
                linksTo.computeIfAbsent(blob, k -> new ArrayList<>()).add(link);
            }
        });
        for (String blob : corrupt) {
            List<String> files = new ArrayList<>();
            files.add(blob);
            List<String> pointing = linksTo.getOrDefault(blob, List.of()).stream().sorted().toList();
            files.addAll(pointing);
            broken(repositoryName(topLevel(blob)) + (pointing.isEmpty() ? "" : " " + snapshotFile(pointing.get(0))),
                    "blob " + fileName(blob) + " does not hash to its name", files, blobs.getOrDefault(blob, 0L));
        }
        links.forEach((link, blob) -> {
            if (blob == null) {
                broken(repositoryName(topLevel(link)) + " " + snapshotFile(link), "the link leaves the repository's blobs",
                        List.of(link), 0);
            } else if (!blobs.containsKey(blob)) {
                broken(repositoryName(topLevel(link)) + " " + snapshotFile(link),
                        "the link's blob " + fileName(blob) + " is missing", List.of(link), 0);
            }
        });
    }

    @Override
    java.util.List<Findings.Item> items(int limit) {
        List<Findings.Item> items = new ArrayList<>();
        for (Findings.Item item : tally.largest(Integer.MAX_VALUE)) {
            if (!isRepository(item.name())) {
                items.add(item);
                continue;
            }
            Set<String> revisions = new TreeSet<>(refs.getOrDefault(item.name(), Set.of()));
            if (revisions.isEmpty()) {
                commits.getOrDefault(item.name(), Set.of()).forEach(c -> revisions.add(c.substring(0, Math.min(12, c.length()))));
            }
            items.add(new Findings.Item(repositoryName(item.name()) + (revisions.isEmpty() ? "" : " @ " + String.join(", ", revisions)),
                    item.sizeBytes(), item.files()));
        }
        return items.size() > limit ? List.copyOf(items.subList(0, limit)) : items;
    }

    static boolean isRepository(String folder) {
        int dashes = folder.indexOf("--");
        return dashes > 0 && TYPES.containsKey(folder.substring(0, dashes)) && folder.length() > dashes + 2;
    }

    /** {@code model openai/whisper-tiny} for {@code models--openai--whisper-tiny}. */
    static String repositoryName(String folder) {
        int dashes = folder.indexOf("--");
        return TYPES.get(folder.substring(0, dashes)) + " " + folder.substring(dashes + 2).replace("--", "/");
    }

    /** The file a snapshot link stands for: {@code config.json} for {@code .../snapshots/<commit>/config.json}. */
    private static String snapshotFile(String link) {
        String[] segments = segments(link);
        return String.join("/", java.util.Arrays.copyOfRange(segments, 3, segments.length));
    }

    /** Where a relative link lands, relative to the cache's root; {@code null} when it is absolute or climbs out. */
    static String resolve(String link, String target) {
        if (target.startsWith("/") || target.isEmpty()) {
            return null;
        }
        List<String> parts = new ArrayList<>(List.of(segments(link)));
        parts.remove(parts.size() - 1);
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                if (parts.isEmpty()) {
                    return null;
                }
                parts.remove(parts.size() - 1);
            } else if (!part.isEmpty() && !part.equals(".")) {
                parts.add(part);
            }
        }
        return String.join("/", parts);
    }
}
