package io.github.devcontainercache.engine;

/** An endpoint the plugin tried or considered, and why it did not answer. */
public record EndpointAttempt(String endpoint, String failure) {

    @Override
    public String toString() {
        return endpoint + ": " + failure;
    }
}
