package io.github.devcontainercache.archive;

import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Which archive entries may be written into a volume: none that could reach outside it or create devices. */
final class EntrySafety {

    private EntrySafety() {}

    /** The entry's path, normalized, relative to the volume's root ("" for the root); null when refused. */
    static String normalize(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0 || name.startsWith("/") || name.contains("\\")) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (String part : name.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                return null;
            }
            path.append(path.length() == 0 ? "" : "/").append(part);
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
            Path resolved = Path.of("/volume", normalize(name)).getParent().resolve(target).normalize();
            if (!resolved.startsWith("/volume")) {
                return "'" + printable(name) + "' links outside the volume (to " + printable(target) + ")";
            }
        }
        if (entry.isLink() && normalize(entry.getLinkName()) == null) {
            return "'" + printable(name) + "' is a hard link outside the volume (to " + printable(entry.getLinkName()) + ")";
        }
        if (!(entry.isFile() || entry.isDirectory() || entry.isSymbolicLink() || entry.isLink())) {
            return "'" + printable(name) + "' is of a type a cache does not hold";
        }
        return null;
    }

    /**
     * The entries that would be written through a symbolic link of the archive, and the links whose target goes
     * through another link: a link to "." followed by a link to "that/.." reaches outside the volume although each
     * target alone stays inside.
     */
    static java.util.List<String> throughLinks(java.util.List<String> paths, java.util.Map<String, String> symlinks) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        if (symlinks.isEmpty()) {
            return problems;
        }
        for (String path : paths) {
            for (int slash = path.indexOf('/'); slash >= 0; slash = path.indexOf('/', slash + 1)) {
                if (symlinks.containsKey(path.substring(0, slash))) {
                    problems.add("'" + printable(path) + "' would be written through the symbolic link '"
                            + printable(path.substring(0, slash)) + "'");
                    break;
                }
            }
        }
        for (java.util.Map.Entry<String, String> link : symlinks.entrySet()) {
            Path directory = Path.of("/volume", link.getKey()).getParent();
            Path current = directory;
            for (String part : link.getValue().split("/")) {
                current = current.resolve(part).normalize();
                String relative = current.startsWith("/volume") && !current.equals(Path.of("/volume"))
                        ? Path.of("/volume").relativize(current).toString()
                        : null;
                if (relative != null && symlinks.containsKey(relative) && !relative.equals(link.getKey())) {
                    problems.add("'" + printable(link.getKey()) + "' links through another symbolic link ('"
                            + printable(relative) + "')");
                    break;
                }
            }
        }
        return problems;
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
