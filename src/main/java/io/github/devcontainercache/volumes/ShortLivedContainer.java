package io.github.devcontainercache.volumes;

import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.HelperContainer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A container that runs one command on a volume mounted at {@code /cache}, as root, without network, and is removed
 * when it ends: what deletes files in a volume, which the archive API cannot.
 */
final class ShortLivedContainer {

    private ShortLivedContainer() {}

    /** Runs {@code entrypoint} with {@code command} in a container of {@code image}; returns its exit code. */
    static long run(DockerEngine engine, String image, List<String> entrypoint, List<String> command, String volume) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Image", image);
        body.put("Entrypoint", entrypoint);
        body.put("Cmd", command);
        body.put("User", "0:0");
        body.put("NetworkDisabled", true);
        body.put("Labels", HelperContainer.labels());
        body.put("HostConfig", Map.of(
                "NetworkMode", "none",
                "Mounts", List.of(Map.of("Type", "volume", "Source", volume, "Target", "/cache",
                        "VolumeOptions", Map.of("NoCopy", true)))));
        String id = engine.createContainer(null, body);
        long exit;
        try {
            exit = engine.runToCompletion(id);
        } catch (RuntimeException e) {
            // the engine gone: why the run failed matters more than why the removal did
            try {
                engine.removeContainer(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        engine.removeContainer(id);
        return exit;
    }
}
