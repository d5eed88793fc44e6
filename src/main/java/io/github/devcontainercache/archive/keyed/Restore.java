package io.github.devcontainercache.archive.keyed;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

/** Which stored key a restore takes: the exact key, else the newest key with each restore prefix in turn. */
public final class Restore {

    /** How a restore matched, as {@code cacheHit} says it. */
    public enum Hit {
        EXACT,
        PARTIAL,
        MISS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** The match: its kind and the key it found (encoded), empty on a miss. */
    public record Match(Hit hit, Optional<String> key) {}

    private Restore() {}

    /**
     * @param key the cache's key, encoded
     * @param prefixes the restore prefixes, encoded, in order
     */
    public static Match match(KeyedStore store, String volume, String key, List<String> prefixes) throws IOException {
        // one listing answers both: a repository's keys cost a request each time they are read
        List<KeyedStore.Stored> stored = store.keys(volume);
        if (stored.stream().anyMatch(candidate -> candidate.key().equals(key))) {
            return new Match(Hit.EXACT, Optional.of(key));
        }
        for (String prefix : prefixes) {
            for (KeyedStore.Stored candidate : stored) {
                if (candidate.key().startsWith(prefix)) {
                    return new Match(Hit.PARTIAL, Optional.of(candidate.key()));
                }
            }
        }
        return new Match(Hit.MISS, Optional.empty());
    }
}
