package io.github.devcontainercache.engine;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Finds where the engine should answer, in the order of the Docker CLI: the plugin parameter, then
 * {@code DOCKER_HOST}, then the Docker context ({@code DOCKER_CONTEXT} or {@code currentContext} of
 * {@code config.json}), then the well-known sockets of Docker, rootless Docker, Docker Desktop and Podman, then
 * the Windows named pipe. The first three are authoritative: when one applies, it is the only candidate, as it
 * is for the Docker CLI. Sockets are candidates only where the file exists. Pure: reads the environment,
 * files and sockets given to it, connects to nothing.
 */
public final class EndpointDiscovery {

    static final String WINDOWS_PIPE = "npipe:////./pipe/docker_engine";

    private EndpointDiscovery() {}

    /** What discovery reads: the parameter, the environment, the home directory, the file system. */
    public record Environment(
            String dockerHostParameter,
            Map<String, String> variables,
            Path userHome,
            boolean windows,
            Predicate<Path> exists) {

        public static Environment current(String dockerHostParameter) {
            return new Environment(
                    dockerHostParameter,
                    System.getenv(),
                    Path.of(System.getProperty("user.home")),
                    System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("windows"),
                    Files::exists);
        }

        String variable(String name) {
            String value = variables.get(name);
            return value == null || value.isBlank() ? null : value.trim();
        }
    }

    /** The endpoints to try in order, and those that could not even be tried, with why. */
    public record Result(List<EngineEndpoint> candidates, List<EndpointAttempt> notTried) {}

    public static Result discover(Environment env) {
        List<EngineEndpoint> candidates = new ArrayList<>();
        List<EndpointAttempt> notTried = new ArrayList<>();

        if (env.dockerHostParameter() != null && !env.dockerHostParameter().isBlank()) {
            explicit(env.dockerHostParameter().trim(), "devcontainer-cache.dockerHost", env, candidates, notTried);
            return new Result(candidates, notTried);
        }
        String dockerHost = env.variable("DOCKER_HOST");
        if (dockerHost != null) {
            explicit(dockerHost, "DOCKER_HOST", env, candidates, notTried);
            return new Result(candidates, notTried);
        }
        if (fromContext(env, candidates, notTried)) {
            return new Result(candidates, notTried);
        }
        for (Path socket : wellKnownSockets(env)) {
            if (env.exists().test(socket)) {
                candidates.add(new EngineEndpoint(unixUri(socket), "well-known socket", null));
            } else {
                notTried.add(new EndpointAttempt("unix://" + socket, "no such socket"));
            }
        }
        if (env.windows()) {
            candidates.add(new EngineEndpoint(URI.create(WINDOWS_PIPE), "Windows named pipe", null));
        }
        return new Result(candidates, notTried);
    }

    /** The sockets of Docker, rootless Docker, Docker Desktop and Podman, in the order they are tried. */
    static List<Path> wellKnownSockets(Environment env) {
        List<Path> sockets = new ArrayList<>();
        if (!env.windows()) {
            sockets.add(Path.of("/var/run/docker.sock"));
        }
        String runtimeDir = env.variable("XDG_RUNTIME_DIR");
        if (runtimeDir != null) {
            sockets.add(Path.of(runtimeDir, "docker.sock"));
        }
        sockets.add(env.userHome().resolve(".docker/run/docker.sock"));
        sockets.add(env.userHome().resolve(".docker/desktop/docker.sock"));
        if (runtimeDir != null) {
            sockets.add(Path.of(runtimeDir, "podman", "podman.sock"));
        }
        if (!env.windows()) {
            sockets.add(Path.of("/run/podman/podman.sock"));
        }
        return sockets;
    }

    private static void explicit(
            String host,
            String source,
            Environment env,
            List<EngineEndpoint> candidates,
            List<EndpointAttempt> notTried) {
        URI uri = parseHost(host);
        if (uri == null) {
            notTried.add(new EndpointAttempt(
                    SshDialer.withoutPassword(host) + " (" + source + ")", EngineMessages.badEngineAddress(host)));
            return;
        }
        Path tls = null;
        if ("tcp".equals(uri.getScheme()) && isTrue(env.variable("DOCKER_TLS_VERIFY"))) {
            String certPath = env.variable("DOCKER_CERT_PATH");
            tls = certPath != null ? Path.of(certPath) : configDirectory(env);
            String missing = missingTlsFile(tls, env);
            if (missing != null) {
                notTried.add(new EndpointAttempt(
                        uri + " (" + source + ", TLS)", EngineMessages.tlsFileMissing(tls.resolve(missing))));
                return;
            }
        }
        candidates.add(new EngineEndpoint(uri, source, tls));
    }

    /** Adds the current context's endpoint; false when no context other than {@code default} is selected. */
    private static boolean fromContext(
            Environment env, List<EngineEndpoint> candidates, List<EndpointAttempt> notTried) {
        Path configDir = configDirectory(env);
        String context = env.variable("DOCKER_CONTEXT");
        String contextSource = "DOCKER_CONTEXT";
        if (context == null) {
            Path configFile = configDir.resolve("config.json");
            if (!env.exists().test(configFile)) {
                return false;
            }
            try {
                String currentContext = Json.text(readJson(configFile), "currentContext", "");
                context = currentContext.isBlank() ? null : currentContext.trim();
                contextSource = "currentContext of " + configFile;
            } catch (IOException e) {
                notTried.add(new EndpointAttempt(configFile.toString(), EngineMessages.unreadableDockerConfig(e)));
                return false;
            }
        }
        if (context == null || context.equals("default")) {
            return false;
        }
        String label = "context '" + context + "' (" + contextSource + ")";
        String id = contextId(context);
        Path meta = configDir.resolve("contexts").resolve("meta").resolve(id).resolve("meta.json");
        if (!env.exists().test(meta)) {
            notTried.add(new EndpointAttempt(label, EngineMessages.contextNotFound(meta)));
            return true;
        }
        Object docker;
        try {
            docker = Json.object(Json.object(readJson(meta), "Endpoints"), "docker");
        } catch (IOException e) {
            notTried.add(new EndpointAttempt(label, EngineMessages.unreadableDockerConfig(e)));
            return true;
        }
        URI uri = parseHost(Json.text(docker, "Host", ""));
        if (uri == null) {
            notTried.add(new EndpointAttempt(label, EngineMessages.contextWithoutHost(meta)));
            return true;
        }
        Path tls = configDir.resolve("contexts").resolve("tls").resolve(id).resolve("docker");
        boolean hasTls = "tcp".equals(uri.getScheme()) && env.exists().test(tls.resolve("ca.pem"));
        if (hasTls) {
            String missing = missingTlsFile(tls, env);
            if (missing != null) {
                notTried.add(new EndpointAttempt(label, EngineMessages.contextTlsFileMissing(tls.resolve(missing))));
                return true;
            }
        }
        candidates.add(new EngineEndpoint(uri, "context '" + context + "'", hasTls ? tls : null));
        return true;
    }

    /** A {@code unix://} address for a socket path, spaces and all. */
    static URI unixUri(Path socket) {
        try {
            return new URI("unix", "", socket.toString().replace('\\', '/'), null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a socket path: " + socket, e);
        }
    }

    /** The Docker CLI's configuration directory: {@code DOCKER_CONFIG}, else {@code ~/.docker}. */
    static Path configDirectory(Environment env) {
        String dockerConfig = env.variable("DOCKER_CONFIG");
        return dockerConfig != null ? Path.of(dockerConfig) : env.userHome().resolve(".docker");
    }

    /** The Docker CLI stores a context under the SHA-256 of its name. */
    static String contextId(String context) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(context.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * Parses an engine address. Accepts {@code unix://}, {@code tcp://}, {@code npipe://}, {@code ssh://}, and,
     * as the Docker CLI does, {@code http://}/{@code https://} as TCP; returns {@code null} for anything else.
     */
    static URI parseHost(String host) {
        if (host == null || host.isBlank()) {
            return null;
        }
        String text = host.trim();
        if (text.startsWith("http://")) {
            text = "tcp://" + text.substring("http://".length());
        } else if (text.startsWith("https://")) {
            text = "tcp://" + text.substring("https://".length());
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme();
            if ("unix".equals(scheme) || "npipe".equals(scheme)) {
                return uri.getPath() == null || uri.getPath().isEmpty() ? null : uri;
            }
            if ("tcp".equals(scheme)) {
                return uri.getHost() == null || uri.getPort() < 0 ? null : uri;
            }
            if ("ssh".equals(scheme)) {
                return SshDialer.isUsable(uri) ? uri : null;
            }
            return null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String missingTlsFile(Path directory, Environment env) {
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            if (!env.exists().test(directory.resolve(file))) {
                return file;
            }
        }
        return null;
    }

    private static boolean isTrue(String value) {
        return value != null && !value.equals("0") && !value.equalsIgnoreCase("false");
    }

    private static Object readJson(Path file) throws IOException {
        try (java.io.InputStream in = Files.newInputStream(file)) {
            return Json.read(in);
        }
    }
}
