package io.github.devcontainercache.report;

/**
 * What a {@code restore} of the same build found for a cache.
 *
 * @param key the cache's key
 * @param cacheHit {@code exact}, {@code partial} or {@code miss}
 * @param matchedKey the key restored from; {@code null} on a miss
 * @param restored whether the cache was filled from it (an existing cache with files is left as it is)
 */
public record CacheHit(String key, String cacheHit, String matchedKey, boolean restored) {}
