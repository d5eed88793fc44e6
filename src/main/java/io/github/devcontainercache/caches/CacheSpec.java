package io.github.devcontainercache.caches;

import java.util.Map;

/**
 * A cache as written by a user, every field still text and possibly missing: the pom's {@code <cache>}, or
 * later a mount found in a devcontainer.json. {@link CacheDeclarations} turns it into a checked
 * {@link CacheDeclaration}.
 */
public record CacheSpec(
        String volume,
        String kind,
        String target,
        String budget,
        String owner,
        String driver,
        Map<String, String> driverOpts,
        String checksums,
        Origin origin) {

    public CacheSpec {
        driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
    }
}
