package io.github.devcontainercache.archive.keyed;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Retention of a directory store: per restore prefix, the newest {@code keep} keys stay, older keys with that prefix
 * go. A key kept by one prefix stays; a key no prefix matches is none of prune's business and stays.
 */
public final class Prune {

    private Prune() {}

    /**
     * @param stored the volume's keys, the newest first
     * @param prefixes the restore prefixes, encoded
     * @return the keys to remove, the newest first
     */
    public static List<KeyedStore.Stored> expired(List<KeyedStore.Stored> stored, List<String> prefixes, int keep) {
        Set<String> kept = new HashSet<>();
        Set<String> matched = new HashSet<>();
        for (String prefix : prefixes) {
            int seen = 0;
            for (KeyedStore.Stored key : stored) {
                if (key.key().startsWith(prefix)) {
                    matched.add(key.key());
                    if (seen++ < keep) {
                        kept.add(key.key());
                    }
                }
            }
        }
        List<KeyedStore.Stored> expired = new ArrayList<>();
        for (KeyedStore.Stored key : stored) {
            if (matched.contains(key.key()) && !kept.contains(key.key())) {
                expired.add(key);
            }
        }
        return expired;
    }
}
