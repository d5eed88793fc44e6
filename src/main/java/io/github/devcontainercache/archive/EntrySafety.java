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
        String path = name.startsWith("./") ? name.substring(2) : name.equals(".") ? "" : name;
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        for (String part : path.split("/")) {
            if (part.equals("..")) {
                return null;
            }
        }
        return path;
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
