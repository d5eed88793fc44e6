package io.github.devcontainercache;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.engine.EndpointAttempt;
import io.github.devcontainercache.engine.EngineEndpoint;
import io.github.devcontainercache.engine.EngineUnreachableException;
import io.github.devcontainercache.engine.EngineVersion;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.CertificateException;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String NL = System.lineSeparator();

    private static final String HOW_TO_FIX_NO_ENGINE = "To fix it: start Docker (or Podman's service: podman system"
            + " service), or point the plugin at the engine with DOCKER_HOST or"
            + " -Ddevcontainer-cache.dockerHost=unix:///path/to/docker.sock (<dockerHost>); to build without an"
            + " engine, set -Ddevcontainer-cache.failIfNoEngine=false or -Ddevcontainer-cache.skip=true.";

    private static final String TLS_ADVICE = "; check that ca.pem is the CA that signed the engine's certificate"
            + " and that the client certificate is one the engine trusts";

    @Nested
    class EngineUnreachable {

        @Test
        void listsEveryAttemptOnItsOwnLine() {
            List<EndpointAttempt> attempts = List.of(
                    new EndpointAttempt("unix:///var/run/docker.sock", "no such socket"),
                    new EndpointAttempt("tcp://10.0.0.5:2376 (DOCKER_HOST)", "connection refused (Connection refused)"));

            assertThat(Messages.engineUnreachable(attempts)).isEqualTo("No container engine answered. Endpoints tried:"
                    + NL + "  - unix:///var/run/docker.sock: no such socket"
                    + NL + "  - tcp://10.0.0.5:2376 (DOCKER_HOST): connection refused (Connection refused)"
                    + NL + HOW_TO_FIX_NO_ENGINE);
        }

        @Test
        void saysSoWhenNoEndpointApplies() {
            assertThat(Messages.engineUnreachable(List.of())).isEqualTo("No container engine answered. Endpoints tried:"
                    + NL + "  - no endpoint applies on this system"
                    + NL + HOW_TO_FIX_NO_ENGINE);
        }

        @Test
        void exceptionCarriesTheMessageAndTheAttempts() {
            EndpointAttempt attempt = new EndpointAttempt("npipe:////./pipe/docker_engine", "no such socket");

            EngineUnreachableException e = new EngineUnreachableException(List.of(attempt));

            assertThat(e).hasMessage("No container engine answered. Endpoints tried:"
                    + NL + "  - npipe:////./pipe/docker_engine: no such socket"
                    + NL + HOW_TO_FIX_NO_ENGINE);
            assertThat(e.attempts()).containsExactly(attempt);
        }
    }

    @Nested
    class EndpointFailure {

        @Test
        void connectionRefusedWrappedInARuntimeException() {
            RuntimeException failure = new RuntimeException("transport failed", new ConnectException("Connection refused"));

            assertThat(Messages.endpointFailure(failure)).isEqualTo("connection refused (Connection refused)");
        }

        @Test
        void sslHandshakeFailureIsACertificateProblem() {
            RuntimeException failure = new RuntimeException(new SSLHandshakeException("PKIX path building failed"));

            assertThat(Messages.endpointFailure(failure)).isEqualTo(
                    "TLS handshake failed, a certificate problem (PKIX path building failed)" + TLS_ADVICE);
        }

        @Test
        void certificateProblemNamesTheRootCause() {
            SSLHandshakeException handshake = new SSLHandshakeException("handshake failed");
            handshake.initCause(new CertificateException("certificate expired"));

            assertThat(Messages.endpointFailure(new IOException("request failed", handshake))).isEqualTo(
                    "TLS handshake failed, a certificate problem (certificate expired)" + TLS_ADVICE);
        }

        @Test
        void missingSocketFile() {
            assertThat(Messages.endpointFailure(new IOException("No such file or directory")))
                    .isEqualTo("no such socket (No such file or directory)");
            assertThat(Messages.endpointFailure(new NoSuchFileException("/var/run/docker.sock")))
                    .isEqualTo("no such socket (/var/run/docker.sock)");
        }

        @Test
        void timeoutAndUnknownHost() {
            assertThat(Messages.endpointFailure(new RuntimeException(new SocketTimeoutException("Read timed out"))))
                    .isEqualTo("no answer in time (Read timed out)");
            assertThat(Messages.endpointFailure(new UnknownHostException("docker.invalid")))
                    .isEqualTo("unknown host docker.invalid");
        }

        @Test
        void aTlsConnectionClosedAfterTheHandshakeIsAnUntrustedClientCertificate() {
            EngineEndpoint tls = new EngineEndpoint(URI.create("tcp://127.0.0.1:2376"), "DOCKER_HOST", Path.of("/certs"));
            RuntimeException failure = new RuntimeException(new java.net.SocketException("Broken pipe"));

            assertThat(Messages.handshakeFailure(failure, tls)).isEqualTo("the engine closed the TLS connection, so it"
                    + " does not trust the client certificate (cert.pem and key.pem in /certs); use a client"
                    + " certificate signed by the CA the engine was started with (dockerd --tlscacert)");
            assertThat(Messages.handshakeFailure(new SSLHandshakeException("Received fatal alert: bad_certificate"), tls))
                    .startsWith("the engine closed the TLS connection, so it does not trust the client certificate");
        }

        @Test
        void aLostRequestIsNamedReadably() {
            EngineEndpoint socket = new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), "DOCKER_HOST", null);
            String id = "88bed06d9509c6c1ab4e76f265d92aebd400703243cbca5d3c2e80ff45d5df58";

            assertThat(Messages.engineConnectionLost("PUT /containers/" + id + "/archive?path=%2Fvolumes%2Fpip", socket,
                            new java.net.SocketException("Connection reset by peer")))
                    .isEqualTo("The engine at unix:///var/run/docker.sock did not complete 'PUT"
                            + " /containers/88bed06d9509/archive?path=/volumes/pip': Connection reset by peer. Check that"
                            + " the engine is still running, then run the build again.");
        }

        @Test
        void withoutTlsAClosedConnectionIsJustThat() {
            EngineEndpoint plain = new EngineEndpoint(URI.create("tcp://127.0.0.1:2375"), "DOCKER_HOST", null);

            assertThat(Messages.handshakeFailure(new java.net.SocketException("Broken pipe"), plain))
                    .isEqualTo("Broken pipe");
        }

        @Test
        void aWrongCaIsStillACertificateProblem() {
            EngineEndpoint tls = new EngineEndpoint(URI.create("tcp://127.0.0.1:2376"), "DOCKER_HOST", Path.of("/certs"));

            assertThat(Messages.handshakeFailure(new SSLHandshakeException("PKIX path building failed"), tls))
                    .isEqualTo("TLS handshake failed, a certificate problem (PKIX path building failed)" + TLS_ADVICE);
        }

        @Test
        void otherFailuresGiveTheRootMessageOrTheClassName() {
            assertThat(Messages.endpointFailure(new RuntimeException("outer", new IllegalStateException("inner"))))
                    .isEqualTo("inner");
            assertThat(Messages.endpointFailure(new RuntimeException("outer", new IllegalStateException())))
                    .isEqualTo("IllegalStateException");
        }
    }

    @Nested
    class CheckAndCreate {

        @Test
        void cacheMissing() {
            assertThat(Messages.cacheMissing("radio-pip-cache")).isEqualTo("Cache volume 'radio-pip-cache' does not"
                    + " exist. Create it with 'mvn devcontainer-cache:create', or set"
                    + " <createMissing>true</createMissing> (-Ddevcontainer-cache.createMissing=true).");
        }

        @Test
        void ownerMismatchNamesTheTargetWhenKnown() {
            assertThat(Messages.ownerMismatch("radio-pip-cache", "/home/vscode/.cache/pip", new Owner(0, 0),
                            new Owner(1000, 1000)))
                    .contains("(in the dev container: sudo chown 1000:1000 /home/vscode/.cache/pip)");
        }

        @Test
        void ownerMismatch() {
            assertThat(Messages.ownerMismatch("radio-pip-cache", null, new Owner(0, 0), new Owner(1000, 1000))).isEqualTo(
                    "Cache volume 'radio-pip-cache' is owned by 0:0, but <owner> declares 1000:1000: the dev"
                            + " container's user cannot write to it. Either give it the declared owner (in the dev"
                            + " container: sudo chown 1000:1000 <target>), or remove it and run 'mvn"
                            + " devcontainer-cache:create', which creates it owned by 1000:1000, or change <owner> to"
                            + " 0:0 if that is the user the dev container runs as.");
        }

        @Test
        void checkFailedListsProblemsAsBullets() {
            assertThat(Messages.checkFailed(List.of("first problem", "second problem"))).isEqualTo(
                    "Cache check failed (2 problems):" + NL + "  - first problem" + NL + "  - second problem");
            assertThat(Messages.checkFailed(List.of("only problem")))
                    .isEqualTo("Cache check failed (1 problem):" + NL + "  - only problem");
        }

        @Test
        void checkPassedAgreesInNumber() {
            assertThat(Messages.checkPassed(1)).isEqualTo("All 1 cache exists and is usable.");
            assertThat(Messages.checkPassed(3)).isEqualTo("All 3 caches exist and are usable.");
        }

        @Test
        void skipping() {
            assertThat(Messages.skipping("check", "devcontainer-cache.skipCheck"))
                    .isEqualTo("Skipping devcontainer-cache:check because devcontainer-cache.skipCheck = true.");
        }

        @Test
        void cachesInScopeDescribesEachCache() {
            List<CacheDeclaration> caches = List.of(
                    new CacheDeclaration("radio-pip-cache", null, "/home/vscode/.cache/pip", 2L << 30,
                            new Owner(1000, 1000), null, null, null, Origin.pom()),
                    new CacheDeclaration("models", CacheKind.WHISPER, null, null, null, null, null, null,
                            Origin.file(Path.of("/ws/devcontainer.json"), 3)));

            assertThat(Messages.cachesInScope("check", caches)).isEqualTo("check works on 2 caches:"
                    + NL + "  radio-pip-cache (pip, /home/vscode/.cache/pip, budget 2.0 GiB, owner 1000:1000) from pom"
                    + NL + "  models (whisper) from /ws/devcontainer.json:3");
        }
    }

    @Nested
    class Engine {

        @Test
        void engineLineNamesProductVersionApiAndEndpoint() {
            EngineEndpoint endpoint = new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), "well-known socket", null);

            assertThat(Messages.engineLine(new EngineVersion("Podman Engine", "4.3.1", "1.41"), endpoint))
                    .isEqualTo("Podman Engine 4.3.1 (API 1.41) at unix:///var/run/docker.sock (well-known socket)");
        }

        @Test
        void engineNoAnswerGivesTheTimeoutInSeconds() {
            assertThat(Messages.engineNoAnswer(Duration.ofMillis(2500))).isEqualTo("no answer within 2.5 s; is a"
                    + " Docker engine listening there? (raise -Ddevcontainer-cache.connectTimeout for a slow remote"
                    + " engine)");
        }

        @Test
        void noEngineSkipping() {
            assertThat(Messages.noEngineSkipping("check", "No container engine answered.")).isEqualTo(
                    "No container engine answered." + NL
                            + "Skipping devcontainer-cache:check because devcontainer-cache.failIfNoEngine = false.");
        }
    }
}
