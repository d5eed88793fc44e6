package io.github.devcontainercache.content.kinds;

import io.github.devcontainercache.caches.CacheKind;

/**
 * Where a tool's layout starts in a cache, from where the cache is mounted: a cache at {@code ~/.m2} holds the
 * repository in {@code repository/}, one at {@code ~/.gradle/caches} is Gradle's {@code caches/} itself.
 *
 * @param strip what the paths of the layout start with in the cache
 * @param add what the reader's paths start with that the cache's do not
 */
record ToolRoot(String strip, String add) {

    static final ToolRoot WHOLE = new ToolRoot("", "");

    static ToolRoot of(CacheKind kind, String target) {
        String path = target == null ? "" : target.replace('\\', '/').replaceAll("/+$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return switch (kind) {
            case MAVEN -> last.equals(".m2") ? new ToolRoot("repository/", "") : WHOLE;
            // as the hub's client and the preload goal place it: in hub/ unless the cache is the hub folder
            case HUGGINGFACE -> last.equals("hub") ? WHOLE : new ToolRoot("hub/", "");
            case NPM -> last.equals("_cacache") ? new ToolRoot("", "_cacache/") : WHOLE;
            case GRADLE -> last.equals("caches") ? new ToolRoot("", "caches/") : WHOLE;
            case TORCH -> last.equals("hub") ? new ToolRoot("", "hub/") : WHOLE;
            case CARGO -> last.equals("registry") ? new ToolRoot("", "registry/")
                    : last.equals("git") ? new ToolRoot("", "git/") : WHOLE;
            default -> WHOLE;
        };
    }

    /** The path in the tool's layout, or {@code null} when the file is outside it. */
    String inLayout(String path) {
        return path.startsWith(strip) ? add + path.substring(strip.length()) : null;
    }

    /** The path in the cache of a path of the tool's layout. */
    String inCache(String layoutPath) {
        return strip + layoutPath.substring(add.length());
    }
}
