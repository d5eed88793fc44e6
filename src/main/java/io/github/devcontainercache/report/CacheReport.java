package io.github.devcontainercache.report;

import io.github.devcontainercache.caches.SkippedMount;
import java.util.List;

/**
 * The whole report: the engine, when it was made, one entry per selected cache, and the mounts of the dev container
 * configurations that are not caches, with why.
 */
public record CacheReport(String endpoint, String engineVersion, String apiVersion, String generatedAt,
        List<ReportEntry> caches, List<SkippedMount> skipped, java.util.Map<String, CacheHit> hits) {

    public CacheReport {
        skipped = skipped == null ? List.of() : List.copyOf(skipped);
        hits = hits == null ? java.util.Map.of() : java.util.Map.copyOf(hits);
    }

    public CacheReport(String endpoint, String engineVersion, String apiVersion, String generatedAt,
            List<ReportEntry> caches, List<SkippedMount> skipped) {
        this(endpoint, engineVersion, apiVersion, generatedAt, caches, skipped, null);
    }

    /** The same report, with what this build's restore found for each cache. */
    public CacheReport withHits(java.util.Map<String, CacheHit> found) {
        return new CacheReport(endpoint, engineVersion, apiVersion, generatedAt, caches, skipped, found);
    }

    public CacheReport(String endpoint, String engineVersion, String apiVersion, String generatedAt,
            List<ReportEntry> caches) {
        this(endpoint, engineVersion, apiVersion, generatedAt, caches, List.of());
    }

    /** The same report, with the mounts the dev container configurations left out. */
    public CacheReport withSkipped(List<SkippedMount> mounts) {
        return new CacheReport(endpoint, engineVersion, apiVersion, generatedAt, caches, mounts, hits);
    }
}
