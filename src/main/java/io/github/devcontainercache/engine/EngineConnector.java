package io.github.devcontainercache.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.zerodep.ZerodepDockerHttpClient;
import io.github.devcontainercache.BuildLog;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLContext;

/**
 * Connects to the first endpoint that answers {@code GET /version} within the connection timeout. An engine
 * that accepts the connection but never answers is given up on after that timeout too, not after the (much
 * longer) response timeout that later requests get.
 */
public final class EngineConnector {

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
        SshDialer ssh = null;
        URI transportHost = endpoint.host();
        try {
            if ("ssh".equals(endpoint.host().getScheme())) {
                ssh = SshDialer.open(endpoint.host(), connectTimeout);
                transportHost = ssh.localHost();
            } else {
                probe(endpoint.host());
            }
        } catch (IOException e) {
            // the ssh dialer's failures are worded already, from ssh's own words
            boolean overSsh = "ssh".equals(endpoint.host().getScheme());
            throw new EndpointFailedException(overSsh ? e.getMessage() : EngineMessages.endpointFailure(e), e);
        }
        DockerHttpClient http;
        try {
            ZerodepDockerHttpClient.Builder builder = new ZerodepDockerHttpClient.Builder()
                    .dockerHost(transportHost)
                    .connectionTimeout(connectTimeout)
                    .responseTimeout(responseTimeout)
                    .maxConnections(8);
            if (endpoint.usesTls()) {
                SSLContext context = tlsContext(endpoint);
                builder.sslConfig(() -> context);
            }
            http = ssh == null ? builder.build() : new OverSsh(builder.build(), ssh);
        } catch (EndpointFailedException | RuntimeException e) {
            if (ssh != null) {
                ssh.close();
            }
            throw e instanceof EndpointFailedException failed
                    ? failed
                    : new EndpointFailedException(EngineMessages.endpointFailure(e), e);
        }
        DockerEngine engine = new DockerEngine(http, endpoint, null);
        AtomicBoolean abandoned = new AtomicBoolean();
        FutureTask<Object> handshake = new FutureTask<>(() -> {
            try {
                return engine.getJson("/version", "read the engine version");
            } finally {
                // closed only once its request has ended: the transport retries a request whose connection is
                // closed under it, and says so in the build log
                if (abandoned.get()) {
                    engine.close();
                }
            }
        });
        Thread thread = new Thread(handshake, "devcontainer-cache-handshake");
        thread.setDaemon(true);
        thread.start();
        try {
            Object version = handshake.get(connectTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new DockerEngine(http, endpoint, toVersion(version));
        } catch (TimeoutException e) {
            abandoned.set(true);
            if (handshake.isDone()) {
                engine.close();
            } else if (ssh != null) {
                // no new connection over ssh; the one under way ends with its request
                ssh.stopListening();
            }
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

    /** The TLS context of the endpoint's files, read before the transport, which would name no file. */
    private static SSLContext tlsContext(EngineEndpoint endpoint) throws EndpointFailedException {
        try {
            return new PemTlsFiles(endpoint.tlsDirectory()).context();
        } catch (GeneralSecurityException e) {
            throw new EndpointFailedException(EngineMessages.tlsFilesUnusable(e), e);
        }
    }

    /**
     * Connects once, and closes, before the transport is built: a socket that is not there, refuses or may not be
     * opened is named at once, and the transport, which retries such a connection and logs each retry, never sees
     * it.
     */
    private void probe(URI host) throws IOException {
        switch (host.getScheme()) {
            case "unix" -> {
                try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
                    channel.connect(UnixDomainSocketAddress.of(Path.of(host.getPath())));
                }
            }
            case "tcp" -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(host.getHost(), host.getPort()),
                            (int) Math.min(Integer.MAX_VALUE, connectTimeout.toMillis()));
                }
            }
            default -> {
                // a named pipe is opened by the transport alone
            }
        }
    }

    /** The transport over an ssh connection, which goes when the transport is closed. */
    private record OverSsh(DockerHttpClient http, SshDialer ssh) implements DockerHttpClient {
        @Override
        public Response execute(Request request) {
            return http.execute(request);
        }

        @Override
        public void close() throws IOException {
            try {
                http.close();
            } finally {
                ssh.close();
            }
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
