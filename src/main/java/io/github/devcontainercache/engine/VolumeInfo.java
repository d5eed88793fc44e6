package io.github.devcontainercache.engine;

import java.util.Map;

/** A volume as {@code GET /volumes/{name}} describes it. */
public record VolumeInfo(
        String name,
        String driver,
        String mountpoint,
        String createdAt,
        Map<String, String> labels,
        Map<String, String> options) {

    public VolumeInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        options = options == null ? Map.of() : Map.copyOf(options);
    }
}
