package io.github.devcontainercache.engine;

/** What {@code GET /version} says: the product (Docker Engine, Podman Engine), its version and its API version. */
public record EngineVersion(String product, String version, String apiVersion) {

    /** True for Podman's Docker-compatible service, which answers some requests differently. */
    public boolean isPodman() {
        return product.toLowerCase(java.util.Locale.ROOT).contains("podman");
    }
}
