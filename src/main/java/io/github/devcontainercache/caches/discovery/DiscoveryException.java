package io.github.devcontainercache.caches.discovery;

/** A dev container configuration cannot be read; the message names the file, and the line where known. */
public class DiscoveryException extends Exception {

    private static final long serialVersionUID = 1L;

    public DiscoveryException(String message) {
        super(message);
    }

    public DiscoveryException(String message, Throwable cause) {
        super(message, cause);
    }
}
