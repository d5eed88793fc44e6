package io.github.devcontainercache.engine;

import java.util.Map;

/** A container as {@code GET /containers/json} lists it. */
public record ContainerInfo(
        String id, String name, String image, String state, long createdEpochSecond, Map<String, String> labels) {

    public boolean isRunning() {
        return "running".equals(state) || "restarting".equals(state) || "paused".equals(state);
    }


    public ContainerInfo {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }
}
