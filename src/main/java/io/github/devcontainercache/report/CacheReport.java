package io.github.devcontainercache.report;

import java.util.List;

/** The whole report: the engine, when it was made, and one entry per selected cache. */
public record CacheReport(String endpoint, String engineVersion, String apiVersion, String generatedAt,
        List<ReportEntry> caches) {}
