package io.github.devcontainercache.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.core.LocalDirectorySSLConfig;
import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.Messages;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        List<EndpointAttempt> attempts = new ArrayList<>(discovery.notTried());
        for (EngineEndpoint endpoint : discovery.candidates()) {
            log.debug("Trying the engine at " + endpoint.describe());
            try {
                return connect(endpoint);
            } catch (EndpointFailedException e) {
                attempts.add(new EndpointAttempt(endpoint.describe(), e.getMessage()));
            }
        }
        throw new EngineUnreachableException(attempts);
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
            http = builder.build();
        } catch (RuntimeException e) {
            throw new EndpointFailedException(Messages.endpointFailure(e));
        }
        DockerEngine engine = new DockerEngine(http, endpoint, null);
        FutureTask<JsonNode> handshake = new FutureTask<>(() -> engine.getJson("/version", "read the engine version"));
        Thread thread = new Thread(handshake, "devcontainer-cache-handshake");
        thread.setDaemon(true);
        thread.start();
        try {
            JsonNode version = handshake.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new DockerEngine(http, endpoint, toVersion(version));
        } catch (TimeoutException e) {
            engine.close();
            throw new EndpointFailedException(Messages.engineNoAnswer(connectTimeout));
        } catch (ExecutionException e) {
            engine.close();
            throw new EndpointFailedException(Messages.endpointFailure(e.getCause()));
        } catch (InterruptedException e) {
            engine.close();
            Thread.currentThread().interrupt();
            throw new EndpointFailedException(Messages.endpointFailure(e));
        }
    }

    static EngineVersion toVersion(JsonNode version) {
        String product = "Docker Engine";
        for (JsonNode component : version.path("Components")) {
            String name = component.path("Name").asText("");
            if (name.toLowerCase(java.util.Locale.ROOT).contains("podman")) {
                product = "Podman Engine";
            }
        }
        return new EngineVersion(product, version.path("Version").asText("unknown"), version.path("ApiVersion").asText("unknown"));
    }

    private static final class EndpointFailedException extends Exception {
        private static final long serialVersionUID = 1L;

        EndpointFailedException(String message) {
            super(message);
        }
    }
}
