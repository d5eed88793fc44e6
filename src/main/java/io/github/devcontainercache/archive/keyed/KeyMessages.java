package io.github.devcontainercache.archive.keyed;

import static io.github.devcontainercache.Wording.count;

import java.util.List;

/** What a user reads about keys and keyed archives: what is wrong with a key, and the fix. */
public final class KeyMessages {

    private KeyMessages() {}

    public static String hashFilesWithoutGlob(String template) {
        return "The key '" + template + "' has ${hashFiles:} without a glob; name the files that decide the cache's"
                + " content, such as ${hashFiles:**/requirements*.txt,uv.lock}.";
    }

    public static String unknownExpressions(String template, List<String> expressions) {
        return "The key '" + template + "' uses " + count(expressions.size(), "expression") + " that nothing defines: "
                + String.join(", ", expressions.stream().map(e -> "${" + e + "}").toList()) + ". Use ${hashFiles:GLOB},"
                + " ${os}, ${arch}, ${kind}, ${volume}, or a property the pom or -D defines.";
    }

    public static String emptyKey(String what) {
        return "The " + what + " is empty; give it a value, such as pip-${os}-${hashFiles:**/requirements*.txt}.";
    }

    public static String keyTooLong(String what, String key, int length) {
        return "The " + what + " '" + key + "' is " + length + " characters long once encoded, over "
                + CacheKeys.MAX_LENGTH + "; shorten it (a ${hashFiles:...} counts 64).";
    }

    public static String keyStartsWithDot(String what, String key) {
        return "The " + what + " '" + key + "' starts with a dot, which hides a file and is no Maven version; start it"
                + " with a letter or a digit.";
    }

    public static String snapshotKey(String what, String key) {
        return "The " + what + " '" + key + "' ends with SNAPSHOT, which a Maven repository takes for a snapshot"
                + " version and may replace; end it otherwise.";
    }

    public static String filesUnreadable(String volume, java.io.IOException e) {
        return "The files that decide the key of cache '" + volume + "' could not be read: " + e.getMessage()
                + ". Make them readable, or give the cache a <key> without ${hashFiles:...}.";
    }

    public static String badKeys(List<String> problems) {
        return "The keys of the caches cannot be used (" + count(problems.size(), "problem") + "):"
                + System.lineSeparator() + String.join(System.lineSeparator(), problems.stream().map(p -> "  - " + p).toList());
    }

    public static String noStore(String goal) {
        return "devcontainer-cache:" + goal + " needs a store for its keyed archives: set"
                + " -Ddevcontainer-cache.store=/a/shared/folder (or <store>), or -Ddevcontainer-cache.store=repository"
                + " for the project's Maven repository.";
    }

    public static String badRepository(String value) {
        return "devcontainer-cache.repository is '" + value + "', which is not id::url; write it as"
                + " team-caches::https://repo.example.org/caches, the id being a <server> of settings.xml when the"
                + " repository needs credentials.";
    }

    public static String noRepository() {
        return "store=repository needs a repository: set -Ddevcontainer-cache.repository=id::url, or the project's"
                + " <distributionManagement><repository>.";
    }

    public static String alreadySaved(String volume, String key, String store) {
        return "Cache '" + volume + "' is saved under key " + key + " in " + store + " already; a key's archive never"
                + " changes, so nothing is written.";
    }

    public static String saved(String volume, String key, String store, long bytes) {
        return "Cache '" + volume + "' saved under key " + key + " in " + store + " (" + io.github.devcontainercache
                .caches.ByteSize.format(bytes) + ").";
    }

    public static String savedByAnother(String volume, String key) {
        return "Cache '" + volume + "': another save of key " + key + " was first; its archive stays, whole.";
    }

    public static String restoreHit(String volume, Restore.Hit hit, String key, String matched) {
        return "Cache '" + volume + "': cacheHit=" + hit.id() + ", key " + key
                + (matched == null ? "" : ", matchedKey " + matched) + ".";
    }

    public static String restored(String volume, String matched) {
        return "Cache '" + volume + "' restored from key " + matched + ".";
    }

    public static String notEmpty(String volume) {
        return "Cache '" + volume + "' holds files already: restore fills only an absent or empty cache and never"
                + " mixes two, so it is left as it is. Wipe it first to restore it"
                + " (mvn devcontainer-cache:wipe -Ddevcontainer-cache.only=" + volume + ").";
    }

    public static String missFailed(List<String> volumes) {
        return "No stored key matches " + count(volumes.size(), "cache") + ": " + String.join(", ", volumes)
                + ". -Ddevcontainer-cache.failOnCacheMiss=false lets the build go on and fill them.";
    }

    public static String matchedButGone(String volume, String key) {
        return "Cache '" + volume + "': key " + key + " is listed but its archive is not there (removed meanwhile, by"
                + " prune or the repository's cleanup?); the cache is not restored. Run the restore again to take the"
                + " next match, or save the cache under that key again.";
    }

    public static String pruned(String volume, String key, boolean dryRun) {
        return (dryRun ? "Would remove" : "Removed") + " cache '" + volume + "' key " + key + ".";
    }

    public static String pruneNeedsDirectory() {
        return "prune works on a directory store; a Maven repository keeps what its own retention rules say"
                + " (target the artifacts G:A-cache-* with them).";
    }

    public static String saveFailed(String volume, String key, String store, java.io.IOException e) {
        return "Saving cache '" + volume + "' under key " + key + " in " + store + " failed: " + e.getMessage()
                + ". Nothing is stored under that key; run the save again once the store can be written.";
    }

    public static String restoreFailed(String volume, String key, String store, Exception e) {
        String why = String.valueOf(e.getMessage());
        return "Restoring cache '" + volume + "' from key " + key + " of " + store + " failed: "
                + (why.endsWith(".") ? why.substring(0, why.length() - 1) : why) + ". The cache is as it was before."
                + " If the store answered, its archive is broken: remove that key from the store and save it again.";
    }

    public static String lookupFailed(String volume, String store, java.io.IOException e) {
        return "The keys of cache '" + volume + "' could not be read from " + store + ": " + e.getMessage()
                + ". Check the store's address, and for a repository its <server> credentials in settings.xml.";
    }
}
