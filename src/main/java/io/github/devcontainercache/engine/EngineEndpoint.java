package io.github.devcontainercache.engine;

import java.net.URI;
import java.nio.file.Path;

/**
 * One place an engine may answer: its address, why the plugin looks there, and the directory holding the TLS
 * material ({@code ca.pem}, {@code cert.pem}, {@code key.pem}) when the connection must use TLS.
 *
 * @param host the engine address: {@code unix://}, {@code tcp://} or {@code npipe://}
 * @param source why this address: the parameter, {@code DOCKER_HOST}, a context, a well-known socket
 * @param tlsDirectory the TLS material, or {@code null} for a plain connection
 */
public record EngineEndpoint(URI host, String source, Path tlsDirectory) {

    public boolean usesTls() {
        return tlsDirectory != null;
    }

    /** The address as the user would write it, followed by where it came from. */
    public String describe() {
        return host + " (" + source + (usesTls() ? ", TLS" : "") + ")";
    }
}
