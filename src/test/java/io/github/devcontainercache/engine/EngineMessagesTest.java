package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

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

class EngineMessagesTest {

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

            assertThat(EngineMessages.engineUnreachable(attempts)).isEqualTo("No container engine answered. Endpoints tried:"
                    + NL + "  - unix:///var/run/docker.sock: no such socket"
                    + NL + "  - tcp://10.0.0.5:2376 (DOCKER_HOST): connection refused (Connection refused)"
                    + NL + HOW_TO_FIX_NO_ENGINE);
        }

        @Test
        void saysSoWhenNoEndpointApplies() {
            assertThat(EngineMessages.engineUnreachable(List.of())).isEqualTo("No container engine answered. Endpoints tried:"
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

            assertThat(EngineMessages.endpointFailure(failure)).isEqualTo("connection refused (Connection refused)");
        }

        @Test
        void sslHandshakeFailureIsACertificateProblem() {
            RuntimeException failure = new RuntimeException(new SSLHandshakeException("PKIX path building failed"));

            assertThat(EngineMessages.endpointFailure(failure)).isEqualTo(
                    "TLS handshake failed, a certificate problem (PKIX path building failed)" + TLS_ADVICE);
        }

        @Test
        void certificateProblemNamesTheRootCause() {
            SSLHandshakeException handshake = new SSLHandshakeException("handshake failed");
            handshake.initCause(new CertificateException("certificate expired"));

            assertThat(EngineMessages.endpointFailure(new IOException("request failed", handshake))).isEqualTo(
                    "TLS handshake failed, a certificate problem (certificate expired)" + TLS_ADVICE);
        }

        @Test
        void missingSocketFile() {
            assertThat(EngineMessages.endpointFailure(new IOException("No such file or directory")))
                    .isEqualTo("no such socket (No such file or directory)");
            assertThat(EngineMessages.endpointFailure(new NoSuchFileException("/var/run/docker.sock")))
                    .isEqualTo("no such socket (/var/run/docker.sock)");
        }

        @Test
        void timeoutAndUnknownHost() {
            assertThat(EngineMessages.endpointFailure(new RuntimeException(new SocketTimeoutException("Read timed out"))))
                    .isEqualTo("no answer in time (Read timed out)");
            assertThat(EngineMessages.endpointFailure(new UnknownHostException("docker.invalid")))
                    .isEqualTo("unknown host docker.invalid");
        }

        @Test
        void aTlsConnectionClosedAfterTheHandshakeIsAnUntrustedClientCertificate() {
            EngineEndpoint tls = new EngineEndpoint(URI.create("tcp://127.0.0.1:2376"), "DOCKER_HOST", Path.of("/certs"));
            RuntimeException failure = new RuntimeException(new java.net.SocketException("Broken pipe"));

            assertThat(EngineMessages.handshakeFailure(failure, tls)).isEqualTo("the engine closed the TLS connection, so it"
                    + " does not trust the client certificate (cert.pem and key.pem in /certs); use a client"
                    + " certificate signed by the CA the engine was started with (dockerd --tlscacert)");
            assertThat(EngineMessages.handshakeFailure(new SSLHandshakeException("Received fatal alert: bad_certificate"), tls))
                    .startsWith("the engine closed the TLS connection, so it does not trust the client certificate");
        }

        @Test
        void aLostRequestIsNamedReadably() {
            EngineEndpoint socket = new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), "DOCKER_HOST", null);
            String id = "88bed06d9509c6c1ab4e76f265d92aebd400703243cbca5d3c2e80ff45d5df58";

            assertThat(EngineMessages.engineConnectionLost("PUT /containers/" + id + "/archive?path=%2Fvolumes%2Fpip", socket,
                            new java.net.SocketException("Connection reset by peer")))
                    .isEqualTo("The engine at unix:///var/run/docker.sock did not complete 'PUT"
                            + " /containers/88bed06d9509/archive?path=/volumes/pip': Connection reset by peer. Check that"
                            + " the engine is still running, then run the build again.");
        }

        @Test
        void withoutTlsAClosedConnectionIsJustThat() {
            EngineEndpoint plain = new EngineEndpoint(URI.create("tcp://127.0.0.1:2375"), "DOCKER_HOST", null);

            assertThat(EngineMessages.handshakeFailure(new java.net.SocketException("Broken pipe"), plain))
                    .isEqualTo("Broken pipe");
        }

        @Test
        void aWrongCaIsStillACertificateProblem() {
            EngineEndpoint tls = new EngineEndpoint(URI.create("tcp://127.0.0.1:2376"), "DOCKER_HOST", Path.of("/certs"));

            assertThat(EngineMessages.handshakeFailure(new SSLHandshakeException("PKIX path building failed"), tls))
                    .isEqualTo("TLS handshake failed, a certificate problem (PKIX path building failed)" + TLS_ADVICE);
        }

        @Test
        void otherFailuresGiveTheRootMessageOrTheClassName() {
            assertThat(EngineMessages.endpointFailure(new RuntimeException("outer", new IllegalStateException("inner"))))
                    .isEqualTo("inner");
            assertThat(EngineMessages.endpointFailure(new RuntimeException("outer", new IllegalStateException())))
                    .isEqualTo("IllegalStateException");
        }
    }

    @Nested
    class Engine {

        @Test
        void engineLineNamesProductVersionApiAndEndpoint() {
            EngineEndpoint endpoint = new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), "well-known socket", null);

            assertThat(EngineMessages.engineLine(new EngineVersion("Podman Engine", "4.3.1", "1.41"), endpoint))
                    .isEqualTo("Podman Engine 4.3.1 (API 1.41) at unix:///var/run/docker.sock (well-known socket)");
        }

        @Test
        void engineNoAnswerGivesTheTimeoutInSeconds() {
            assertThat(EngineMessages.engineNoAnswer(Duration.ofMillis(2500))).isEqualTo("no answer within 2.5 s; is a"
                    + " Docker engine listening there? (raise -Ddevcontainer-cache.connectTimeout for a slow remote"
                    + " engine)");
        }
    }

    @Nested
    class OverSsh {
        private final java.net.URI box = java.net.URI.create("ssh://dev@box:2222");

        @Test
        void aRefusedKeySaysWhereToPutIt() {
            assertThat(EngineMessages.sshFailed(box, 255, "dev@box: Permission denied (publickey).\n"))
                    .isEqualTo("the ssh server at box:2222 refused every key offered (dev@box: Permission denied"
                            + " (publickey).); add your public key to ~/.ssh/authorized_keys of dev there, or load it"
                            + " into your agent (ssh-add): the plugin runs ssh with BatchMode=yes, so it never asks for"
                            + " a password or passphrase");
        }

        @Test
        void anUnknownHostKeySaysHowToAcceptIt() {
            assertThat(EngineMessages.sshFailed(box, 255, "Host key verification failed.\n"))
                    .isEqualTo("ssh does not know the host key of box:2222 (Host key verification failed.), and does"
                            + " not accept one unasked; check it and accept it once with ssh -p 2222 dev@box, or add it"
                            + " to ~/.ssh/known_hosts");
        }

        @Test
        void aChangedHostKeyIsNotAnUnknownOne() {
            String stderr = "@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@@\n"
                    + "@    WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED!     @\n"
                    + "Host key verification failed.\n";
            assertThat(EngineMessages.sshFailed(box, 255, stderr))
                    .startsWith("the host key of box:2222 is not the one ~/.ssh/known_hosts holds for it")
                    .contains("ssh-keygen -R box");
        }

        @Test
        void noDockerThereSaysSo() {
            assertThat(EngineMessages.sshFailed(box, 127, "bash: line 1: docker: command not found\n"))
                    .isEqualTo("box:2222 answers ssh but has no docker command (bash: line 1: docker: command not"
                            + " found); install the Docker CLI there, or put it on the PATH of non-interactive ssh"
                            + " sessions");
        }

        @Test
        void anUnreachableHostNamesWhatSshSaid() {
            assertThat(EngineMessages.sshFailed(box, 255, "ssh: connect to host box port 2222: Connection refused\n"))
                    .isEqualTo("cannot reach box:2222 over ssh (ssh: connect to host box port 2222: Connection"
                            + " refused); check the host name and port, and that an ssh server runs there");
            assertThat(EngineMessages.sshFailed(box, 255,
                            "ssh: Could not resolve hostname box: Name or service not known\n"))
                    .isEqualTo("unknown host box (ssh: Could not resolve hostname box: Name or service not known)");
        }

        @Test
        void aRemoteDockerWithoutItsEngineSaysWhereToNameIt() {
            assertThat(EngineMessages.sshFailed(box, 1, "Cannot connect to the Docker daemon at"
                            + " unix:///var/run/docker.sock. Is the docker daemon running?\n"))
                    .startsWith("the docker command on box:2222 could not reach its engine (Cannot connect")
                    .endsWith("start the engine there, let dev use it, or name its socket:"
                            + " ssh://dev@box:2222/path/to/docker.sock");
        }

        @Test
        void anythingElseGivesSshsLastLine() {
            assertThat(EngineMessages.sshFailed(box, 3, "banner\nsomething odd\n\n"))
                    .isEqualTo("ssh to box:2222 ended with status 3: something odd; run ssh -p 2222 dev@box docker"
                            + " system dial-stdio by hand to see why");
        }

        @Test
        void noSshClient() {
            assertThat(EngineMessages.sshMissing(new java.io.IOException(
                            "Cannot run program \"ssh\": error=2, No such file or directory")))
                    .isEqualTo("no ssh client: could not run ssh (Cannot run program \"ssh\": error=2, No such file or"
                            + " directory); install OpenSSH's client (openssh-client on Debian and Ubuntu, the OpenSSH"
                            + " Client feature on Windows) and put ssh on the PATH");
        }
    }
}
