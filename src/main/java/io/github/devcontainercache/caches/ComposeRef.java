package io.github.devcontainercache.caches;

/**
 * For a cache found in a compose file: the compose project and volume key, which compose writes on the volume as
 * the labels {@code com.docker.compose.project} and {@code com.docker.compose.volume}.
 */
public record ComposeRef(String project, String volume) {

    public static final String PROJECT_LABEL = "com.docker.compose.project";
    public static final String VOLUME_LABEL = "com.docker.compose.volume";
}
