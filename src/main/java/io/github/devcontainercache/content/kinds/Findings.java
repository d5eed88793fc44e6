package io.github.devcontainercache.content.kinds;

import java.util.List;

/**
 * What one pass found in a cache, in its tool's own terms.
 *
 * @param unit what the items are, such as "artifacts (groupId:artifactId:version)"
 * @param items what takes the room, largest first, at most the number asked for
 * @param itemCount how many items there are in all
 * @param verified how many files had their content checked against what their format says of it
 * @param broken the entries whose content is not what their format says, each with the files that make it
 */
public record Findings(String unit, List<Item> items, long itemCount, long verified, List<Broken> broken) {

    /** One thing that takes room: a package, an artifact, a model, a bucket. */
    public record Item(String name, long sizeBytes, long files) {}

    /**
     * A broken entry, and the files to remove so that the tool fetches it anew.
     *
     * @param entry the tool's own name for it: the artifact, the package, the model
     * @param problem what is wrong, in a few words
     * @param files the files that make the entry, relative to the cache's root
     * @param sizeBytes what those files hold
     */
    public record Broken(String entry, String problem, List<String> files, long sizeBytes) {}
}
