package io.github.devcontainercache.caches;

import java.util.Map;
import java.util.Objects;

/**
 * One checked cache declaration. Fields a source did not give are {@code null} (the driver options are then
 * empty), so that declarations from several sources can be merged field by field.
 */
public record CacheDeclaration(
        String volume,
        CacheKind kind,
        String target,
        Long budgetBytes,
        Owner owner,
        String driver,
        Map<String, String> driverOpts,
        String checksums,
        Origin origin,
        ComposeRef compose) {

    public CacheDeclaration {
        Objects.requireNonNull(volume, "volume");
        Objects.requireNonNull(origin, "origin");
        driverOpts = driverOpts == null ? Map.of() : Map.copyOf(driverOpts);
    }

    /** A declaration that does not come from a compose file. */
    public CacheDeclaration(
            String volume,
            CacheKind kind,
            String target,
            Long budgetBytes,
            Owner owner,
            String driver,
            Map<String, String> driverOpts,
            String checksums,
            Origin origin) {
        this(volume, kind, target, budgetBytes, owner, driver, driverOpts, checksums, origin, null);
    }

    /** The same declaration for a volume of another name (one compose made under another project name). */
    public CacheDeclaration withVolume(String otherVolume) {
        return new CacheDeclaration(
                otherVolume, kind, target, budgetBytes, owner, driver, driverOpts, checksums, origin, compose);
    }

    /** The kind to work with: the declared one, else the one the target suggests. */
    public CacheKind effectiveKind() {
        return kind != null ? kind : CacheKind.fromTarget(target);
    }

    /** The driver to create the volume with; Docker's default is {@code local}. */
    public String effectiveDriver() {
        return driver != null ? driver : "local";
    }

    /**
     * This declaration completed by another one for the same volume: every field this one gives wins, the
     * other fills the gaps (the pom over a devcontainer.json, field by field).
     */
    public CacheDeclaration overriding(CacheDeclaration other) {
        return new CacheDeclaration(
                volume,
                kind != null ? kind : other.kind,
                target != null ? target : other.target,
                budgetBytes != null ? budgetBytes : other.budgetBytes,
                owner != null ? owner : other.owner,
                driver != null ? driver : other.driver,
                !driverOpts.isEmpty() ? driverOpts : other.driverOpts,
                checksums != null ? checksums : other.checksums,
                origin.equals(other.origin) ? origin : new Origin(origin + ", " + other.origin),
                compose != null ? compose : other.compose);
    }
}
