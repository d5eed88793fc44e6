package io.github.devcontainercache.content.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A Maven local repository: {@code group/path/artifactId/version/artifactId-version[-classifier].ext}. Items are
 * groupId:artifactId:version. Verified: every jar, war, ear and zip (each entry's CRC-32, and a whole central
 * directory: a truncated jar is the classic "invalid LOC header"), and every file's {@code .sha1} and {@code .sha256}
 * sidecar where there is one.
 */
final class MavenReader extends KindReader {

    static final Set<String> ZIPS = Set.of("jar", "war", "ear", "zip", "aar", "hpi", "jpi", "nbm", "rar", "kar");
    private static final Map<String, String> SIDECARS = Map.of("sha1", "SHA-1", "sha256", "SHA-256");

    /** Sidecar path, as seen, to the value it holds (read when verifying). */
    private final Map<String, String> sidecarValues = new HashMap<>();
    /** Sidecars seen, by path: on the mount point all of them are known before any content is read. */
    private final Set<String> sidecars = new HashSet<>();
    /** Artifact path to its digests, by sidecar extension. */
    private final Map<String, Map<String, String>> digests = new HashMap<>();
    private final Map<String, Long> sizes = new HashMap<>();
    /** Whether every sidecar is known before contents come (the mount point's walk), so digests only where one is. */
    private volatile boolean sidecarsKnown;
    /** Artifact path to what is wrong with its zip: reported at the end, once all its sidecars are known. */
    private final Map<String, String> zipProblems = new HashMap<>();

    MavenReader(boolean verify) {
        super(verify);
    }

    @Override
    String unit() {
        return "artifacts (groupId:artifactId:version)";
    }

    @Override
    boolean file(String path, long sizeBytes) {
        tally.add(coordinates(path), sizeBytes);
        if (!verify) {
            return false;
        }
        String extension = extension(path);
        if (SIDECARS.containsKey(extension)) {
            sidecars.add(path);
            return true;
        }
        if (path.endsWith("/_remote.repositories") || fileName(path).startsWith("maven-metadata")
                || path.endsWith(".lastUpdated") || extension.equals("md5") || extension.equals("asc")
                || extension.equals("sha512")) {
            return false;
        }
        sizes.put(path, sizeBytes);
        return true;
    }

    @Override
    void content(String path, long sizeBytes, InputStream in) throws IOException {
        String extension = extension(path);
        if (SIDECARS.containsKey(extension)) {
            String value = Digests.sidecarValue(in);
            synchronized (this) {
                sidecarValues.put(path, value);
            }
            return;
        }
        List<MessageDigest> wanted = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (Map.Entry<String, String> sidecar : SIDECARS.entrySet()) {
            // through the archive API the sidecar comes after its file (the engine sends a folder in name order):
            // SHA-1 always there, the most common sidecar; elsewhere only where one is
            if (sidecar.getKey().equals("sha1") && !sidecarsKnown || hasSidecar(path + "." + sidecar.getKey())) {
                wanted.add(Digests.of(sidecar.getValue()));
                names.add(sidecar.getKey());
            }
        }
        DigestingStream digesting = new DigestingStream(in, wanted, scratch);
        String problem = ZIPS.contains(extension) ? ZipStructure.problem(digesting, sizeBytes, scratch) : null;
        digesting.drain();
        Map<String, String> found = new HashMap<>();
        for (int i = 0; i < names.size(); i++) {
            found.put(names.get(i), Digests.hex(wanted.get(i)));
        }
        synchronized (this) {
            digests.put(path, found);
        }
        verified();
        if (problem != null) {
            synchronized (this) {
                zipProblems.put(path, problem);
            }
        }
    }

    @Override
    void walked() {
        sidecarsKnown = true;
    }

    private synchronized boolean hasSidecar(String path) {
        return sidecars.contains(path);
    }

    @Override
    void finish() {
        // through the archive API a jar's sidecars may come after it: its files are known only now
        zipProblems.forEach((path, problem) -> broken(coordinates(path), fileName(path) + " " + problem,
                withSidecars(path), sizes.getOrDefault(path, 0L)));
        Set<String> reported = new HashSet<>(zipProblems.keySet());
        for (Map.Entry<String, String> sidecar : sidecarValues.entrySet()) {
            String path = sidecar.getKey();
            String extension = extension(path);
            String artifact = path.substring(0, path.length() - extension.length() - 1);
            Map<String, String> found = digests.get(artifact);
            if (found == null || found.get(extension) == null) {
                continue; // no such file beside it, or not read: nothing to compare
            }
            if (!found.get(extension).equals(sidecar.getValue()) && reported.add(artifact)) {
                broken(coordinates(artifact), fileName(artifact) + " does not match its ." + extension,
                        withSidecars(artifact), sizes.getOrDefault(artifact, 0L));
            }
        }
    }

    private List<String> withSidecars(String artifact) {
        List<String> files = new ArrayList<>();
        files.add(artifact);
        for (String extension : SIDECARS.keySet()) {
            if (hasSidecar(artifact + "." + extension)) {
                files.add(artifact + "." + extension);
            }
        }
        return files;
    }

    /** groupId:artifactId:version of a file in the repository's layout, else its first folder. */
    static String coordinates(String path) {
        String[] segments = segments(path);
        int n = segments.length;
        // _remote.repositories: which repository each file of the version folder came from
        if (n >= 4 && (segments[n - 1].startsWith(segments[n - 3] + "-")
                || segments[n - 1].equals("_remote.repositories"))) {
            return String.join(".", java.util.Arrays.copyOf(segments, n - 3)) + ":" + segments[n - 3] + ":"
                    + segments[n - 2];
        }
        if (n >= 3 && segments[n - 1].startsWith("maven-metadata")) {
            // metadata of an artifact (group/artifactId/maven-metadata.xml) or of a version's snapshots
            boolean version = n >= 4 && Character.isDigit(segments[n - 2].charAt(0));
            int artifact = version ? n - 3 : n - 2;
            return String.join(".", java.util.Arrays.copyOf(segments, artifact)) + ":" + segments[artifact]
                    + (version ? ":" + segments[n - 2] : "");
        }
        return segments.length > 1 ? segments[0] + "/" : segments[0];
    }

    static String extension(String path) {
        String name = fileName(path);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }
}
