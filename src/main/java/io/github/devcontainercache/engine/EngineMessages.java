package io.github.devcontainercache.engine;

import static io.github.devcontainercache.Wording.NL;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * What a user reads about the engine: which one answered, why none did, a request that broke, and the helpers a
 * killed build left behind. Unit tests assert these texts exactly.
 */
public final class EngineMessages {

    private EngineMessages() {}

    /** Why Podman's archive API tells no owner; the volume, archive and seeding messages give it as their reason. */
    public static final String PODMAN_OWNERS = "Podman's archive API names the container's user (root) as the"
            + " owner of every file";

    /** Only rootful Podman's volumes hold the container's own ids; a rootless Podman's hold shifted ones. */
    public static final String PODMAN_LOCAL = "run the build as root on the machine of a rootful Podman, where the"
            + " plugin reads the volume's directory itself (a rootless Podman's volumes hold shifted ids, so they are"
            + " read through the API)";

    public static String engineLine(EngineVersion version, EngineEndpoint endpoint) {
        return version.product() + " " + version.version() + " (API " + version.apiVersion() + ") at "
                + endpoint.describe();
    }

    public static String engineUnreachable(List<EndpointAttempt> attempts) {
        String tried = attempts.isEmpty()
                ? "  - no endpoint applies on this system"
                : attempts.stream().map(a -> "  - " + a).collect(Collectors.joining(NL));
        return "No container engine answered. Endpoints tried:" + NL + tried + NL
                + "To fix it: start Docker (or Podman's service: podman system service), or point the plugin at"
                + " the engine with DOCKER_HOST or -Ddevcontainer-cache.dockerHost=unix:///path/to/docker.sock"
                + " (<dockerHost>); to build without an engine, set -Ddevcontainer-cache.failIfNoEngine=false or"
                + " -Ddevcontainer-cache.skip=true.";
    }

    public static String badEngineAddress(String address) {
        if (address.trim().startsWith("ssh://")) {
            if (!SshDialer.withoutPassword(address.trim()).equals(address.trim())) {
                return "an ssh:// address takes no password (the Docker CLI refuses one too); write ssh://user@host"
                        + " and let ssh use your key or agent";
            }
            return "not an ssh address the Docker CLI takes; write ssh://[user@]host[:port], with the remote"
                    + " engine's socket after it where it is not the default (ssh://user@host/run/user/1000/docker.sock)";
        }
        return "not an engine address; write unix:///path/to/docker.sock, tcp://host:2376, ssh://user@host or"
                + " npipe:////./pipe/docker_engine";
    }

    public static String sshMissing(IOException e) {
        return "no ssh client: could not run ssh (" + e.getMessage() + "); install OpenSSH's client (openssh-client"
                + " on Debian and Ubuntu, the OpenSSH Client feature on Windows) and put ssh on the PATH";
    }

    public static String sshLocalSocket(Exception e) {
        return "could not open the local socket that carries the ssh connection ("
                + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage())
                + "); check that java.io.tmpdir is a writable local folder";
    }

    public static String sshNoAnswer(URI address, Duration deadline) {
        return "no answer over ssh within " + deadline.toSeconds() + " s from " + sshDestination(address)
                + "; check that the host is up, and raise -Ddevcontainer-cache.connectTimeout for a slow link";
    }

    public static String sshEngineRefusedPing(URI address, String status) {
        return "the engine behind " + sshDestination(address) + " answered '" + status + "' to /_ping, not 200 OK;"
                + " check that docker version, run there, reaches a Docker engine";
    }

    /**
     * Why an ssh process ended before the engine answered, from ssh's own words: ssh runs in batch mode, so each
     * of these ends it at once instead of a prompt.
     */
    public static String sshFailed(URI address, int exit, String stderr) {
        String destination = sshDestination(address);
        String login = (address.getUserInfo() == null ? "" : address.getUserInfo() + "@") + address.getHost();
        String port = address.getPort() >= 0 ? " -p " + address.getPort() : "";
        String said;
        if ((said = line(stderr, "IDENTIFICATION HAS CHANGED")) != null) {
            return "the host key of " + destination + " is not the one ~/.ssh/known_hosts holds for it (" + said
                    + "), so ssh refuses to connect; if the host was reinstalled, remove the old key with ssh-keygen -R"
                    + " " + address.getHost() + " and connect once with ssh" + port + " " + login;
        }
        if ((said = line(stderr, "Host key verification failed")) != null) {
            return "ssh does not know the host key of " + destination + " (" + said + "), and does not accept one"
                    + " unasked; check it and accept it once with ssh" + port + " " + login
                    + ", or add it to ~/.ssh/known_hosts";
        }
        if ((said = line(stderr, "Permission denied")) != null && line(stderr, "docker daemon") == null) {
            return "the ssh server at " + destination + " refused every key offered (" + said + "); add your public"
                    + " key to ~/.ssh/authorized_keys of " + (address.getUserInfo() == null ? "that user"
                    : address.getUserInfo()) + " there, or load it into your agent (ssh-add): the plugin runs ssh"
                    + " with BatchMode=yes, so it never asks for a password or passphrase";
        }
        if ((said = line(stderr, "Could not resolve hostname")) != null) {
            return "unknown host " + address.getHost() + " (" + said + ")";
        }
        for (String unreachable : List.of("Connection refused", "No route to host", "timed out", "unreachable",
                "Connection closed by", "Connection reset")) {
            if ((said = line(stderr, unreachable)) != null) {
                return "cannot reach " + destination + " over ssh (" + said + "); check the host name and port, and"
                        + " that an ssh server runs there";
            }
        }
        if ((said = line(stderr, "docker daemon")) != null || (said = line(stderr, "Docker daemon")) != null
                || (said = line(stderr, "raw stream connection")) != null) {
            return "the docker command on " + destination + " could not reach its engine (" + said + "); start the"
                    + " engine there, let " + (address.getUserInfo() == null ? "the ssh user" : address.getUserInfo())
                    + " use it, or name its socket: ssh://" + login + (address.getPort() >= 0 ? ":"
                    + address.getPort() : "") + "/path/to/docker.sock";
        }
        if ((said = line(stderr, "not found")) != null || exit == 127) {
            return destination + " answers ssh but has no docker command" + (said == null ? "" : " (" + said + ")")
                    + "; install the Docker CLI there, or put it on the PATH of non-interactive ssh sessions";
        }
        if ((said = line(stderr, "dial-stdio")) != null || (said = line(stderr, "unknown command")) != null) {
            return "the docker command on " + destination + " cannot carry a connection (" + said + "); it needs"
                    + " Docker 18.09 or later";
        }
        String last = lastLine(stderr);
        return "ssh to " + destination + " ended" + (exit >= 0 ? " with status " + exit : "")
                + (last == null ? " before the engine answered" : ": " + last) + "; run ssh" + port + " " + login
                + " docker system dial-stdio by hand to see why";
    }

    private static String sshDestination(URI address) {
        return address.getHost() + (address.getPort() >= 0 ? ":" + address.getPort() : "");
    }

    /** The first line of a process's error output that holds the words, trimmed; null when none does. */
    private static String line(String output, String words) {
        for (String line : output.split("\\R")) {
            if (line.contains(words)) {
                return line.strip();
            }
        }
        return null;
    }

    private static String lastLine(String output) {
        String last = null;
        for (String line : output.split("\\R")) {
            if (!line.isBlank()) {
                last = line.strip();
            }
        }
        return last;
    }

    public static String pemWithout(Path file, String what) {
        return file + " holds no " + what;
    }

    public static String pemKeyNotCertificates(Path key, Path certificate) {
        return key + " is not the key of the certificate in " + certificate + "; use the two files made together";
    }

    public static String pemEncrypted(Path file) {
        return file + " holds an encrypted private key, which the Docker CLI cannot use either; write it"
                + " unencrypted (openssl pkey -in key.pem -out key.pem) in a folder only you can read";
    }

    /** The TLS files are there but cannot be used: said before any connection, without anything they hold. */
    public static String tlsFilesUnusable(Exception e) {
        String message = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage();
        return "the TLS files cannot be used (" + message + "); DOCKER_CERT_PATH (or the context) must hold the"
                + " PEM files ca.pem, cert.pem and key.pem that docker itself uses";
    }

    public static String tlsFileMissing(Path file) {
        return "TLS is required (DOCKER_TLS_VERIFY) but " + file + " does not exist; set"
                + " DOCKER_CERT_PATH to the directory holding ca.pem, cert.pem and key.pem";
    }

    public static String contextTlsFileMissing(Path file) {
        return "the context has TLS material but " + file + " does not exist; recreate the context with"
                + " 'docker context create ... --docker \"host=...,ca=...,cert=...,key=...\"'";
    }

    public static String unreadableDockerConfig(IOException e) {
        return "cannot read the Docker configuration: " + e.getMessage();
    }

    public static String contextNotFound(Path meta) {
        return "no such Docker context (" + meta + " does not exist); list them with 'docker context ls'";
    }

    public static String contextWithoutHost(Path meta) {
        return "the context names no usable Docker endpoint in " + meta;
    }

    public static String engineNoAnswer(Duration timeout) {
        return "no answer within " + timeout.toMillis() / 1000.0 + " s; is a Docker engine listening there?"
                + " (raise -Ddevcontainer-cache.connectTimeout for a slow remote engine)";
    }

    /**
     * Why the first request to an endpoint failed. Over TLS, an engine that does not trust the client certificate
     * either sends an alert or, with TLS 1.3, closes the connection once the handshake is done: the client then
     * sees a broken pipe or a reset, which says nothing to the user unless it is named.
     */
    public static String handshakeFailure(Throwable failure, EngineEndpoint endpoint) {
        if (endpoint.usesTls()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                String message = String.valueOf(cause.getMessage());
                boolean closed = cause instanceof SocketException
                        && (message.contains("Broken pipe") || message.contains("Connection reset"));
                boolean refusedCertificate = cause instanceof SSLException
                        && (message.contains("bad_certificate") || message.contains("certificate_required")
                                || message.contains("unknown_ca"));
                if (closed || refusedCertificate) {
                    return "the engine closed the TLS connection, so it does not trust the client certificate"
                            + " (cert.pem and key.pem in " + endpoint.tlsDirectory() + "); use a client certificate"
                            + " signed by the CA the engine was started with (dockerd --tlscacert)";
                }
            }
        }
        return endpointFailure(failure);
    }

    /** Why an endpoint failed, in a few words, without anything a certificate or key file holds. */
    public static String endpointFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof GeneralSecurityException) {
                return "TLS handshake failed, a certificate problem (" + rootMessage(cause) + "); check that"
                        + " ca.pem is the CA that signed the engine's certificate and that the client certificate"
                        + " is one the engine trusts";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (String.valueOf(root.getMessage()).contains("Permission denied")
                || String.valueOf(root.getMessage()).contains("Access is denied")) {
            return "permission denied (" + root.getMessage() + "); add your user to the docker group (then log in"
                    + " again), or use rootless Docker or Podman";
        }
        if (root instanceof ConnectException || "Connection refused".equals(root.getMessage())) {
            return "connection refused (" + root.getMessage() + ")";
        }
        if (root instanceof NoSuchFileException
                || root instanceof FileNotFoundException
                || String.valueOf(root.getMessage()).contains("No such file or directory")) {
            return "no such socket (" + root.getMessage() + ")";
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer in time (" + root.getMessage() + ")";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    /** A request as a user reads it: decoded, with container ids cut to the 12 characters docker ps shows. */
    private static String readable(String request) {
        String decoded = URLDecoder.decode(request, StandardCharsets.UTF_8);
        return decoded.replaceAll("\\b([0-9a-f]{12})[0-9a-f]{52}\\b", "$1");
    }

    public static String engineStreamBroken(String what, EngineEndpoint endpoint, Throwable e) {
        return "the connection to the engine at " + endpoint.host() + " broke before it finished '" + readable(what)
                + "' (" + endpointFailure(e) + "); check that the engine is still running";
    }

    public static String engineConnectionLost(String what, EngineEndpoint endpoint, Throwable e) {
        return "The engine at " + endpoint.host() + " did not complete '" + readable(what) + "': " + endpointFailure(e)
                + ". Check that the engine is still running, then run the build again.";
    }

    public static String engineAnswerUnreadable(String what, IOException e) {
        return "The engine's answer to '" + what + "' is not the JSON it should be: " + e.getMessage();
    }

    public static String engineRefused(String what, String detail) {
        return "The engine refused to " + what + ": " + detail;
    }

    public static String removedPartialImport(String volume) {
        return "Removed volume " + volume + ": an import into it was interrupted, and it held only part of the"
                + " archive. Import the archive again.";
    }

    public static String partialImportLeft(String volume) {
        return "Volume " + volume + " holds part of an import that was interrupted. Import the archive again with"
                + " -Ddevcontainer-cache.overwrite=true, or remove the volume (docker volume rm " + volume + ").";
    }

    public static String partialImportInUse(String volume) {
        return "Volume " + volume + " holds part of an import that was interrupted, and a container uses it, so it"
                + " was kept. Remove that container and the volume (docker volume rm " + volume + "), then import the"
                + " archive again.";
    }

    public static String leftoverNotRemoved(String name, String reason) {
        return "Could not remove helper container " + name + ", left behind by a build that was interrupted (" + reason
                + "); the next run tries again.";
    }

    public static String partialImportNotRemoved(String volume, String reason) {
        return "Volume " + volume + " holds part of an import that was interrupted, and removing it failed (" + reason
                + "). Remove it (docker volume rm " + volume + "), then import the archive again.";
    }

    public static String removedLeftoverHelper(String name) {
        return "Removed helper container " + name + ", left behind by a build that was interrupted.";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
