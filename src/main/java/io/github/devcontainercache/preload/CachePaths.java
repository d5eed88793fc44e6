package io.github.devcontainercache.preload;

import java.util.regex.Pattern;

/** Paths inside a cache, as the plugin writes them: relative, of plain characters, with no way out of the cache. */
final class CachePaths {

    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._+@=-][A-Za-z0-9._+@=, -]*");

    private CachePaths() {}

    /** Whether a relative path is safe to create in a cache: segments of plain characters, no {@code .} nor {@code ..}. */
    static boolean isSafe(String path) {
        if (path == null || path.isEmpty() || path.startsWith("/") || path.endsWith("/") || path.length() > 1024) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..") || !SEGMENT.matcher(segment).matches()) {
                return false;
            }
        }
        return true;
    }

    /** The folder a path is in, {@code ""} at the cache's root. */
    static String parent(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? "" : path.substring(0, slash);
    }
}
