package io.github.devcontainercache.archive;

import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Which archive entries may be written into a volume: none that could reach outside it or create devices. */
final class EntrySafety {

    /** The longest target a symbolic link can have: PATH_MAX (4096) less the terminating NUL. */
    static final int MAX_LINK_TARGET = 4095;

    private EntrySafety() {}

    /** The entry's path, normalized, relative to the volume's root ("" for the root); null when refused. */
    static String normalize(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.contains("\\")) {
            return null;
        }
        // one scan, no array of parts: an archive's names can be tens of KiB each
        StringBuilder path = new StringBuilder(name.length());
        for (int start = 0, end; start < name.length(); start = end + 1) {
            end = name.indexOf('/', start);
            end = end < 0 ? name.length() : end;
            boolean dot = end - start == 1 && name.charAt(start) == '.';
            if (end - start == 2 && name.charAt(start) == '.' && name.charAt(start + 1) == '.') {
                return null;
            }
            if (end > start && !dot) {
                path.append(path.length() == 0 ? "" : "/").append(name, start, end);
            }
        }
        return path.toString();
    }

    /** A regular file: commons-compress calls every entry that is no directory a file, links included. */
    static boolean isRegular(TarArchiveEntry entry) {
        return !entry.isDirectory() && !entry.isSymbolicLink() && !entry.isLink() && !entry.isCharacterDevice()
                && !entry.isBlockDevice() && !entry.isFIFO();
    }

    /** Why the entry is refused, or {@code null} when it is safe. */
    static String refusal(TarArchiveEntry entry) {
        String name = entry.getName();
        if (normalize(name) == null) {
            return "'" + printable(name) + "' is an absolute path, climbs out with '..' or is no path";
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            return "'" + printable(name) + "' is a device or FIFO";
        }
        if (entry.isSymbolicLink()) {
            String target = entry.getLinkName();
            if (target == null || target.startsWith("/") || target.indexOf('\0') >= 0) {
                return "'" + printable(name) + "' links outside the volume (to " + printable(target) + ")";
            }
            if (target.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LINK_TARGET) {
                return ArchiveMessages.archiveLinkTooLong(printable(name), MAX_LINK_TARGET);
            }
            Path resolved = Path.of("/volume", normalize(name)).getParent().resolve(target).normalize();
            if (!resolved.startsWith("/volume")) {
                return "'" + printable(name) + "' links outside the volume (to " + printable(target) + ")";
            }
        }
        if (entry.isLink() && normalize(entry.getLinkName()) == null) {
            return "'" + printable(name) + "' is a hard link outside the volume (to " + printable(entry.getLinkName()) + ")";
        }
        // sparse files: no export writes one, and each tar dialect lays out its map of holes differently (a PAX record
        // of GNU's that commons-compress does not take up would reach the engine, which might)
        if (entry.isSparse() || entry.getExtraPaxHeaders().keySet().stream().anyMatch(key -> key.startsWith("GNU.sparse."))
                || !(entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() || entry.isLink())) {
            return "'" + printable(name) + "' is of a type a cache does not hold";
        }
        if (entry.getMode() < 0 || entry.getMode() > 07777777) { // more than a tar header holds: import cannot write it
            return ArchiveMessages.archiveEntryMode(printable(name), entry.getMode());
        }
        if (!isRegular(entry) && entry.getSize() != 0) {
            return ArchiveMessages.archiveEntryWithContent(printable(name), entry.getSize());
        }
        return null;
    }

    /**
     * The entries that would be written through a symbolic link of the archive, and the links whose target goes
     * through another link: a link to "." followed by a link to "that/.." reaches outside the volume although each
     * target alone stays inside. Costs the length of every path and target, not its square: each prefix of a path is
     * looked up by its hash, computed as the path is read, without a copy.
     */
    static java.util.List<String> throughLinks(java.util.List<String> paths, java.util.Map<String, String> symlinks) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (symlinks.isEmpty()) {
            return problems;
        }
        java.util.Map<Integer, java.util.List<String>> byHash = byHash(symlinks.keySet());
        java.util.BitSet lengths = lengths(symlinks.keySet());
        for (String path : paths) {
            int below = ancestorIn(path, byHash, lengths);
            if (below >= 0) {
                problems.add("'" + printable(path) + "' would be written through the symbolic link '"
                        + printable(path.substring(0, below)) + "'");
            }
        }
        for (java.util.Map.Entry<String, String> link : symlinks.entrySet()) {
            String through = linkPassedThrough(link.getKey(), link.getValue(), byHash);
            if (through != null) {
                problems.add("'" + printable(link.getKey()) + "' links through another symbolic link ('"
                        + printable(through) + "')");
            }
        }
        return problems;
    }

    /**
     * The entries that lie below a regular file or a hard link of the archive, where no directory can be made: an
     * import would fail halfway.
     */
    static java.util.List<String> belowFiles(java.util.List<String> paths, java.util.Set<String> files) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (files.isEmpty()) {
            return problems;
        }
        java.util.Map<Integer, java.util.List<String>> byHash = byHash(files);
        java.util.BitSet lengths = lengths(files);
        for (String path : paths) {
            int below = ancestorIn(path, byHash, lengths);
            if (below >= 0) {
                problems.add(ArchiveMessages.archiveEntryBelowFile(printable(path), printable(path.substring(0, below))));
            }
        }
        return problems;
    }

    private static java.util.Map<Integer, java.util.List<String>> byHash(java.util.Collection<String> paths) {
        java.util.Map<Integer, java.util.List<String>> byHash = new java.util.HashMap<>();
        for (String path : paths) {
            byHash.computeIfAbsent(path.hashCode(), hash -> new java.util.ArrayList<>(1)).add(path);
        }
        return byHash;
    }

    private static java.util.BitSet lengths(java.util.Collection<String> paths) {
        java.util.BitSet lengths = new java.util.BitSet();
        paths.forEach(path -> lengths.set(path.length()));
        return lengths;
    }

    /**
     * The length of the path's first ancestor among the paths hashed, or -1: one pass over the path, its prefixes'
     * hashes computed as it goes, so that a path thousands of levels deep costs no more than its length.
     */
    private static int ancestorIn(String path, java.util.Map<Integer, java.util.List<String>> byHash,
            java.util.BitSet lengths) {
        int hash = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '/' && lengths.get(i) && isPrefix(byHash.get(hash), path, i)) {
                return i;
            }
            hash = 31 * hash + c;
        }
        return -1;
    }

    /** Whether one of the paths is the first {@code length} characters of the path. */
    private static boolean isPrefix(java.util.List<String> links, String path, int length) {
        if (links != null) {
            for (String link : links) {
                if (link.length() == length && path.startsWith(link)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * The first other link that resolving {@code target} from the directory of {@code link} passes through, step by
     * step as a path is resolved ("/volume" is the volume's root, ".." above the root stays there), or null.
     */
    private static String linkPassedThrough(
            String link, String target, java.util.Map<Integer, java.util.List<String>> byHash) {
        // the components of the absolute path reached, and for each the hash and length of the path relative to
        // the volume's root up to it (meaningful when the first component is the volume's)
        java.util.List<String> parts = new java.util.ArrayList<>();
        java.util.List<int[]> relative = new java.util.ArrayList<>();
        if (!link.isEmpty()) { // the parent of the root is "/"
            push(parts, relative, "volume");
            String[] directory = link.split("/");
            for (int i = 0; i < directory.length - 1; i++) {
                push(parts, relative, directory[i]);
            }
        }
        for (String part : target.split("/")) {
            if (part.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                    relative.remove(relative.size() - 1);
                }
            } else if (!part.isEmpty() && !part.equals(".")) {
                push(parts, relative, part);
            }
            if (parts.size() < 2 || !parts.get(0).equals("volume")) {
                continue;
            }
            int[] reached = relative.get(relative.size() - 1);
            java.util.List<String> candidates = byHash.get(reached[0]);
            if (candidates == null || candidates.stream().noneMatch(candidate -> candidate.length() == reached[1])) {
                continue;
            }
            String path = String.join("/", parts.subList(1, parts.size()));
            if (candidates.contains(path) && !path.equals(link)) {
                return path;
            }
        }
        return null;
    }

    private static void push(java.util.List<String> parts, java.util.List<int[]> relative, String part) {
        int hash = 0;
        int length = 0;
        if (!parts.isEmpty()) {
            int[] parent = relative.get(relative.size() - 1);
            hash = parts.size() == 1 ? 0 : 31 * parent[0] + '/';
            length = parts.size() == 1 ? 0 : parent[1] + 1;
        }
        for (int i = 0; i < part.length(); i++) {
            hash = 31 * hash + part.charAt(i);
        }
        parts.add(part);
        relative.add(new int[] {hash, length + part.length()});
    }

    static String printable(String text) {
        if (text == null) {
            return "nothing";
        }
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
        }
        return out.length() > 200 ? out.substring(0, 200) + "..." : out.toString();
    }
}
