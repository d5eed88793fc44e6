package io.github.devcontainercache.engine;

import java.util.List;

/** No engine answered; lists every endpoint tried and why each failed. */
public class EngineUnreachableException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<EndpointAttempt> attempts;

    public EngineUnreachableException(List<EndpointAttempt> attempts) {
        super(EngineMessages.engineUnreachable(attempts));
        this.attempts = List.copyOf(attempts);
    }

    public List<EndpointAttempt> attempts() {
        return attempts;
    }
}
