package io.github.devcontainercache.engine;

import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.devcontainercache.BuildLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Connects to the first endpoint that answers {@code GET /version} within the connection timeout. An engine
 * that accepts the connection but never answers is given up on after that timeout too, not after the (much
 * longer) response timeout that later requests get.
 */
public final class EngineConnector {

    static {
        // The HTTP transport logs every retried connection at INFO through Maven's logger; an engine that is not
        // there is reported once, clearly, by this plugin instead. A user's own setting wins.
        String transportLogger = "org.slf4j.simpleLogger.log.com.github.dockerjava.zerodep.shaded";
        if (System.getProperty(transportLogger) == null) {
            System.setProperty(transportLogger, "warn");
        }
    }

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final BuildLog log;

    public EngineConnector(Duration connectTimeout, Duration responseTimeout, BuildLog log) {
        this.connectTimeout = connectTimeout;
        this.responseTimeout = responseTimeout;
        this.log = log;
    }

    public DockerEngine connect(EndpointDiscovery.Result discovery) throws EngineUnreachableException {
        return start(discovery).await();
    }

    /**
     * Starts connecting to the first candidate on a background thread and returns at once, so that the goal
     * reads its configuration while the HTTP transport loads (most of a goal's start-up). Collect the engine
     * with {@link Connection#await()}, or drop it with {@link Connection#cancel()}.
     */
    public Connection start(EndpointDiscovery.Result discovery) {
        List<EngineEndpoint> candidates = discovery.candidates();
        FutureTask<Object> first = null;
        if (!candidates.isEmpty()) {
            EngineEndpoint endpoint = candidates.get(0);
            first = new FutureTask<>(() -> {
                try {
                    return connect(endpoint);
                } catch (EndpointFailedException e) {
                    return e;
                }
            });
            Thread thread = new Thread(first, "devcontainer-cache-connect");
            thread.setDaemon(true);
            thread.start();
        }
        return new Connection(discovery, first);
    }

    /** A connection under way. */
    public final class Connection {
        private final EndpointDiscovery.Result discovery;
        private final FutureTask<Object> first;

        private Connection(EndpointDiscovery.Result discovery, FutureTask<Object> first) {
            this.discovery = discovery;
            this.first = first;
        }

        /** The first engine that answers, trying the remaining candidates in order when the first does not. */
        public DockerEngine await() throws EngineUnreachableException {
            List<EndpointAttempt> attempts = new ArrayList<>(discovery.notTried());
            List<Throwable> causes = new ArrayList<>();
            List<EngineEndpoint> candidates = discovery.candidates();
            for (int i = 0; i < candidates.size(); i++) {
                EngineEndpoint endpoint = candidates.get(i);
                log.debug("Trying the engine at " + endpoint.describe());
                try {
                    return i == 0 ? firstResult() : connect(endpoint);
                } catch (EndpointFailedException e) {
                    attempts.add(new EndpointAttempt(endpoint.describe(), e.getMessage()));
                    causes.add(e);
                }
            }
            EngineUnreachableException unreachable = new EngineUnreachableException(attempts);
            causes.forEach(unreachable::addSuppressed);
            throw unreachable;
        }

        /** Drops the connection: closes it once the background attempt has finished. */
        public void cancel() {
            if (first == null) {
                return;
            }
            Thread closer = new Thread(() -> {
                try {
                    firstResult().close();
                } catch (EndpointFailedException | RuntimeException nothingToClose) {
                    // no connection was made
                }
            }, "devcontainer-cache-cancel");
            closer.setDaemon(true);
            closer.start();
        }

        private DockerEngine firstResult() throws EndpointFailedException {
            Object result;
            try {
                result = first.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new EndpointFailedException(EngineMessages.endpointFailure(e));
            } catch (ExecutionException e) {
                throw new EndpointFailedException(EngineMessages.endpointFailure(e.getCause()), e.getCause());
            }
            if (result instanceof EndpointFailedException failed) {
                throw failed;
            }
            return (DockerEngine) result;
        }
    }

    private DockerEngine connect(EngineEndpoint endpoint) throws EndpointFailedException {
        DockerHttpClient http;
        try {

            ZerodepDockerHttpClient.Builder builder = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(endpoint.host())
                    .connectionTimeout(connectTimeout)
                    .responseTimeout(responseTimeout)
                    .maxConnections(8);
            if (endpoint.usesTls()) {
                builder.sslConfig(new LocalDirectorySSLConfig(endpoint.tlsDirectory().toString()));
            }
            http = TransportStartup.build(!endpoint.usesTls(), builder::build);
        } catch (RuntimeException e) {
            throw new EndpointFailedException(EngineMessages.endpointFailure(e), e);
        }
        DockerEngine engine = new DockerEngine(http, endpoint, null);
        FutureTask<Object> handshake = new FutureTask<>(() -> engine.getJson("/version", "read the engine version"));
        Thread thread = new Thread(handshake, "devcontainer-cache-handshake");
        thread.setDaemon(true);
        thread.start();
        try {
            Object version = handshake.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new DockerEngine(http, endpoint, toVersion(version));
        } catch (TimeoutException e) {
            engine.close();
            throw new EndpointFailedException(EngineMessages.engineNoAnswer(connectTimeout));
        } catch (ExecutionException e) {
            engine.close();
            throw new EndpointFailedException(EngineMessages.handshakeFailure(e.getCause(), endpoint), e.getCause());
        } catch (InterruptedException e) {
            engine.close();
            Thread.currentThread().interrupt();
            throw new EndpointFailedException(EngineMessages.endpointFailure(e));
        }
    }

    static EngineVersion toVersion(Object version) {
        String product = "Docker Engine";
        for (Object component : Json.array(version, "Components")) {
            if (Json.text(component, "Name", "").toLowerCase(Locale.ROOT).contains("podman")) {
                product = "Podman Engine";
            }
        }
        return new EngineVersion(
                product, Json.text(version, "Version", "unknown"), Json.text(version, "ApiVersion", "unknown"));
    }

    private static final class EndpointFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        EndpointFailedException(String message) {
            super(message);
        }

        EndpointFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
