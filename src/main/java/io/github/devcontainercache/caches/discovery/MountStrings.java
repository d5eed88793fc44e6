package io.github.devcontainercache.caches.discovery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The mount syntaxes of devcontainer.json: the {@code --mount} string form
 * ({@code source=NAME,target=/path,type=volume}, with the {@code src}, {@code dst} and {@code destination}
 * spellings, any key order, volume when {@code type} is absent, as Docker reads it), and the {@code -v}
 * form of {@code runArgs} ({@code NAME:/path[:options]}).
 */
final class MountStrings {

    private static final Set<String> KNOWN_TYPES = Set.of("volume", "bind", "tmpfs", "npipe", "image", "cluster");

    private MountStrings() {}

    /** A mount as written: its type, its source (null when anonymous) and its target. */
    record Mount(String type, String source, String target) {
        boolean isVolume() {
            return "volume".equals(type);
        }
    }

    /** Thrown for a mount that cannot be read; the message says what is wrong with it. */
    static final class BadMount extends Exception {
        private static final long serialVersionUID = 1L;

        BadMount(String message) {
            super(message);
        }
    }

    /** Reads the {@code --mount} string form. */
    static Mount parseMountString(String text) throws BadMount {
        Map<String, String> fields = new LinkedHashMap<>();
        for (String part : text.split(",")) {
            String field = part.trim();
            if (field.isEmpty()) {
                continue;
            }
            int equals = field.indexOf('=');
            String key = (equals < 0 ? field : field.substring(0, equals)).trim().toLowerCase(Locale.ROOT);
            String value = equals < 0 ? "true" : field.substring(equals + 1).trim();
            fields.put(key, value);
        }
        String type = fields.getOrDefault("type", "volume").toLowerCase(Locale.ROOT);
        if (!KNOWN_TYPES.contains(type)) {
            throw new BadMount("unknown mount type '" + type + "' (expected volume, bind or tmpfs)");
        }
        String source = first(fields, "source", "src");
        String target = first(fields, "target", "destination", "dst");
        if (target == null || target.isEmpty()) {
            throw new BadMount("the mount has no target (write target=/path/in/container)");
        }
        return new Mount(type, source == null || source.isEmpty() ? null : source, target);
    }

    /** Reads a {@code -v}/{@code --volume} value: a named volume, a bind of a host path, or an anonymous volume. */
    static Mount parseVolumeFlag(String text) throws BadMount {
        String rest = text;
        String drive = "";
        if (rest.matches("^[A-Za-z]:[\\\\/].*")) {
            // a Windows host path: C:\data:/data
            drive = rest.substring(0, 2);
            rest = rest.substring(2);
        }
        String[] parts = rest.split(":", -1);
        if (parts.length == 1 && drive.isEmpty()) {
            if (parts[0].isEmpty()) {
                throw new BadMount("the volume is empty (write NAME:/path/in/container)");
            }
            return new Mount("volume", null, parts[0]);
        }
        String source = drive + parts[0];
        String target = parts.length > 1 ? parts[1] : "";
        if (target.isEmpty()) {
            throw new BadMount("the volume has no target (write NAME:/path/in/container)");
        }
        boolean hostPath = source.isEmpty()
                || !drive.isEmpty()
                || source.startsWith("/")
                || source.startsWith(".")
                || source.startsWith("~")
                || source.startsWith("$")
                || source.contains("/")
                || source.contains("\\");
        return new Mount(hostPath ? "bind" : "volume", source, target);
    }

    /**
     * The mounts given in {@code runArgs}, each with the index of the argument that holds it:
     * {@code -v X}, {@code --volume X}, {@code --volume=X}, {@code --mount X} and {@code --mount=X}.
     */
    static List<int[]> mountArguments(List<String> args) {
        List<int[]> found = new java.util.ArrayList<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (arg == null) {
                continue;
            }
            if ((arg.equals("-v") || arg.equals("--volume")) && i + 1 < args.size()) {
                found.add(new int[] {i + 1, 0});
                i++;
            } else if (arg.startsWith("--volume=") || arg.startsWith("-v=")) {
                found.add(new int[] {i, 0});
            } else if (arg.equals("--mount") && i + 1 < args.size()) {
                found.add(new int[] {i + 1, 1});
                i++;
            } else if (arg.startsWith("--mount=")) {
                found.add(new int[] {i, 1});
            }
        }
        return found;
    }

    /** The value of a runArgs mount argument, without its {@code --flag=} prefix. */
    static String argumentValue(String arg) {
        if (arg.startsWith("--volume=") || arg.startsWith("--mount=") || arg.startsWith("-v=")) {
            return arg.substring(arg.indexOf('=') + 1);
        }
        return arg;
    }

    private static String first(Map<String, String> fields, String... keys) {
        for (String key : keys) {
            if (fields.containsKey(key)) {
                return fields.get(key);
            }
        }
        return null;
    }
}
