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
        Origin origin,
        ComposeRef compose) {

    public CacheSpec {
        driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
    }

    /** A spec that does not come from a compose file. */
    public CacheSpec(
            String volume,
            String kind,
            String target,
            String budget,
            String owner,
            String driver,
            Map<String, String> driverOpts,
            String checksums,
            Origin origin) {
        this(volume, kind, target, budget, owner, driver, driverOpts, checksums, origin, null);
    }
}
