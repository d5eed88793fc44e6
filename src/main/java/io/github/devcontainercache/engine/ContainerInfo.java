package io.github.devcontainercache.engine;

import java.util.Map;

/** A container as {@code GET /containers/json} lists it. */
public record ContainerInfo(String id, String name, String state, long createdEpochSecond, Map<String, String> labels) {

    public ContainerInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
