package io.github.devcontainercache.engine;

/**
 * The engine answered a request with an error, or the connection broke in the middle of one. The message
 * names the request and what the engine said.
 */
public class EngineException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int statusCode;

    public EngineException(String message, int statusCode) {
        super(message);
        this.statusCode = statusCode;
    }

    public EngineException(String message, Throwable cause) {
        super(message, cause);
        this.statusCode = -1;
    }

    /** The HTTP status the engine answered, or -1 when it did not answer. */
    public int statusCode() {
        return statusCode;
    }
}
