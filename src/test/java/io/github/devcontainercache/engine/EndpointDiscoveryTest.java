package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EndpointDiscoveryTest {

    private static final String BAD_ADDRESS = "not an engine address; write unix:///path/to/docker.sock,"
            + " tcp://host:2376, ssh://user@host or npipe:////./pipe/docker_engine";

    @TempDir
    Path temp;

    private Path home;
    private final Map<String, String> variables = new HashMap<>();
    /** Paths outside the temporary directory (such as /var/run/docker.sock) that the test says exist. */
    private final Set<Path> present = new HashSet<>();

    @BeforeEach
    void createHome() throws IOException {
        home = Files.createDirectories(temp.resolve("home"));
    }

    private EndpointDiscovery.Environment env(String dockerHostParameter, boolean windows) {
        return new EndpointDiscovery.Environment(
                dockerHostParameter,
                Map.copyOf(variables),
                home,
                windows,
                path -> present.contains(path) || (path.startsWith(temp) && Files.exists(path)));
    }

    private EndpointDiscovery.Result discover() {
        return EndpointDiscovery.discover(env(null, false));
    }

    private EndpointDiscovery.Result discover(String dockerHostParameter) {
        return EndpointDiscovery.discover(env(dockerHostParameter, false));
    }

    private static String sha256(String text) throws Exception {
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** Writes a context the way the Docker CLI stores it; returns its meta.json. */
    private static Path writeContext(Path configDir, String name, String host) throws Exception {
        Path meta = configDir.resolve("contexts/meta").resolve(sha256(name)).resolve("meta.json");
        Files.createDirectories(meta.getParent());
        Files.writeString(meta, "{\"Name\":\"" + name + "\",\"Metadata\":{},\"Endpoints\":{\"docker\":{\"Host\":\""
                + host + "\",\"SkipTLSVerify\":false}}}");
        return meta;
    }

    /** Writes ca.pem, cert.pem and key.pem, leaving out those named in {@code without}; returns the directory. */
    private static Path writeTlsFiles(Path directory, String... without) throws IOException {
        Files.createDirectories(directory);
        for (String file : List.of("ca.pem", "cert.pem", "key.pem")) {
            if (!List.of(without).contains(file)) {
                Files.writeString(directory.resolve(file), "-----BEGIN " + file + "-----");
            }
        }
        return directory;
    }

    private Path contextTlsDirectory(Path configDir, String name) throws Exception {
        return configDir.resolve("contexts/tls").resolve(sha256(name)).resolve("docker");
    }

    private void writeConfigJson(Path configDir, String json) throws IOException {
        Files.createDirectories(configDir);
        Files.writeString(configDir.resolve("config.json"), json);
    }

    private static EngineEndpoint endpoint(String uri, String source) {
        return new EngineEndpoint(URI.create(uri), source, null);
    }

    @Nested
    class Precedence {

        @Test
        void dockerHostParameterWinsOverDockerHostVariableAndEverythingElse() throws Exception {
            variables.put("DOCKER_HOST", "unix:///var/run/from-variable.sock");
            variables.put("DOCKER_CONTEXT", "remote");
            writeContext(home.resolve(".docker"), "remote", "tcp://10.0.0.5:2376");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover("tcp://param-host:2375");

            assertThat(result.candidates())
                    .containsExactly(endpoint("tcp://param-host:2375", "devcontainer-cache.dockerHost"));
            assertThat(result.notTried()).isEmpty();
        }

        @Test
        void blankDockerHostParameterIsIgnored() {
            variables.put("DOCKER_HOST", "unix:///var/run/from-variable.sock");

            EndpointDiscovery.Result result = discover("   ");

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///var/run/from-variable.sock", "DOCKER_HOST"));
        }

        @Test
        void dockerHostVariableWinsOverContextAndSockets() throws Exception {
            variables.put("DOCKER_HOST", "  unix:///tmp/engine.sock  ");
            variables.put("DOCKER_CONTEXT", "remote");
            writeContext(home.resolve(".docker"), "remote", "tcp://10.0.0.5:2376");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("unix:///tmp/engine.sock", "DOCKER_HOST"));
            assertThat(result.notTried()).isEmpty();
        }

        @Test
        void blankDockerHostVariableIsIgnored() {
            variables.put("DOCKER_HOST", "  ");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///var/run/docker.sock", "well-known socket"));
        }

        @Test
        void contextWinsOverWellKnownSockets() throws Exception {
            variables.put("DOCKER_CONTEXT", "remote");
            writeContext(home.resolve(".docker"), "remote", "tcp://10.0.0.5:2376");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("tcp://10.0.0.5:2376", "context 'remote'"));
            assertThat(result.notTried()).isEmpty();
        }

        @Test
        void dockerContextVariableWinsOverCurrentContextOfConfigJson() throws Exception {
            Path configDir = home.resolve(".docker");
            writeConfigJson(configDir, "{\"currentContext\":\"other\"}");
            writeContext(configDir, "other", "tcp://10.9.9.9:2375");
            writeContext(configDir, "remote", "tcp://10.0.0.5:2376");
            variables.put("DOCKER_CONTEXT", "remote");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("tcp://10.0.0.5:2376", "context 'remote'"));
        }

        @Test
        void currentContextOfConfigJsonIsUsedWithoutDockerContextVariable() throws Exception {
            Path configDir = home.resolve(".docker");
            writeConfigJson(configDir, "{\"auths\":{},\"currentContext\":\"other\"}");
            writeContext(configDir, "other", "unix:///run/user/1000/docker.sock");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///run/user/1000/docker.sock", "context 'other'"));
            assertThat(result.notTried()).isEmpty();
        }

        @Test
        void dockerConfigVariableRelocatesTheConfigDirectory() throws Exception {
            writeConfigJson(home.resolve(".docker"), "{\"currentContext\":\"in-home\"}");
            writeContext(home.resolve(".docker"), "in-home", "tcp://10.1.1.1:2375");
            Path relocated = temp.resolve("elsewhere/docker-config");
            writeConfigJson(relocated, "{\"currentContext\":\"relocated\"}");
            writeContext(relocated, "relocated", "tcp://10.2.2.2:2375");
            variables.put("DOCKER_CONFIG", relocated.toString());

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("tcp://10.2.2.2:2375", "context 'relocated'"));
            assertThat(EndpointDiscovery.configDirectory(env(null, false))).isEqualTo(relocated);
        }

        @Test
        void configDirectoryDefaultsToDotDockerInHome() {
            assertThat(EndpointDiscovery.configDirectory(env(null, false))).isEqualTo(home.resolve(".docker"));
        }

        @Test
        void defaultContextFromVariableFallsThroughToSockets() {
            variables.put("DOCKER_CONTEXT", "default");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///var/run/docker.sock", "well-known socket"));
        }

        @Test
        void defaultCurrentContextFallsThroughToSockets() throws Exception {
            writeConfigJson(home.resolve(".docker"), "{\"currentContext\":\"default\"}");
            present.add(Path.of("/run/podman/podman.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///run/podman/podman.sock", "well-known socket"));
        }

        @Test
        void configJsonWithoutCurrentContextFallsThroughToSockets() throws Exception {
            writeConfigJson(home.resolve(".docker"), "{\"auths\":{}}");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///var/run/docker.sock", "well-known socket"));
            assertThat(result.notTried()).hasSize(3);
        }

        @Test
        void unreadableConfigJsonIsReportedAndSocketsAreStillTried() throws Exception {
            Path configFile = home.resolve(".docker/config.json");
            writeConfigJson(home.resolve(".docker"), "{ this is not json");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///var/run/docker.sock", "well-known socket"));
            assertThat(result.notTried().get(0).endpoint()).isEqualTo(configFile.toString());
            assertThat(result.notTried().get(0).failure()).startsWith("cannot read the Docker configuration: ");
        }
    }

    @Nested
    class Contexts {

        @Test
        void contextIdIsTheSha256HexOfTheName() throws Exception {
            assertThat(EndpointDiscovery.contextId("default"))
                    .isEqualTo(sha256("default"))
                    .isEqualTo("37a8eec1ce19687d132fe29051dca629d164e2c4958ba141d5f4133a33f0688f");
            assertThat(EndpointDiscovery.contextId("remote")).isEqualTo(sha256("remote")).hasSize(64);
        }

        @Test
        void contextWithTlsDirectoryUsesIt() throws Exception {
            Path configDir = home.resolve(".docker");
            variables.put("DOCKER_CONTEXT", "remote");
            writeContext(configDir, "remote", "tcp://10.0.0.5:2376");
            Path tls = writeTlsFiles(contextTlsDirectory(configDir, "remote"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(new EngineEndpoint(URI.create("tcp://10.0.0.5:2376"), "context 'remote'", tls));
            assertThat(result.candidates().get(0).describe())
                    .isEqualTo("tcp://10.0.0.5:2376 (context 'remote', TLS)");
            assertThat(result.notTried()).isEmpty();
        }

        @Test
        void contextWithoutCaPemIsPlainTcp() throws Exception {
            Path configDir = home.resolve(".docker");
            variables.put("DOCKER_CONTEXT", "remote");
            writeContext(configDir, "remote", "tcp://10.0.0.5:2375");
            writeTlsFiles(contextTlsDirectory(configDir, "remote"), "ca.pem");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("tcp://10.0.0.5:2375", "context 'remote'"));
            assertThat(result.candidates().get(0).usesTls()).isFalse();
        }

        @Test
        void unixSocketContextIgnoresTlsFiles() throws Exception {
            Path configDir = home.resolve(".docker");
            variables.put("DOCKER_CONTEXT", "rootless");
            writeContext(configDir, "rootless", "unix:///run/user/1000/docker.sock");
            writeTlsFiles(contextTlsDirectory(configDir, "rootless"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///run/user/1000/docker.sock", "context 'rootless'"));
        }

        @Test
        void contextWithCaPemButNoKeyPemIsNotTried() throws Exception {
            Path configDir = home.resolve(".docker");
            variables.put("DOCKER_CONTEXT", "remote");
            writeContext(configDir, "remote", "tcp://10.0.0.5:2376");
            Path tls = writeTlsFiles(contextTlsDirectory(configDir, "remote"), "key.pem");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).containsExactly(new EndpointAttempt(
                    "context 'remote' (DOCKER_CONTEXT)",
                    "the context has TLS material but " + tls.resolve("key.pem") + " does not exist; recreate the"
                            + " context with 'docker context create ... --docker \"host=...,ca=...,cert=...,key=...\"'"));
        }

        @Test
        void missingContextGivesNoCandidateAndOneNotTriedEntry() throws Exception {
            variables.put("DOCKER_CONTEXT", "ghost");
            present.add(Path.of("/var/run/docker.sock"));
            Path meta = home.resolve(".docker/contexts/meta").resolve(sha256("ghost")).resolve("meta.json");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).containsExactly(new EndpointAttempt(
                    "context 'ghost' (DOCKER_CONTEXT)",
                    "no such Docker context (" + meta + " does not exist); list them with 'docker context ls'"));
        }

        @Test
        void missingCurrentContextNamesConfigJsonAsItsSource() throws Exception {
            Path configDir = home.resolve(".docker");
            writeConfigJson(configDir, "{\"currentContext\":\"ghost\"}");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).hasSize(1);
            assertThat(result.notTried().get(0).endpoint())
                    .isEqualTo("context 'ghost' (currentContext of " + configDir.resolve("config.json") + ")");
        }

        @Test
        void contextWithoutUsableHostIsNotTried() throws Exception {
            variables.put("DOCKER_CONTEXT", "broken");
            Path meta = writeContext(home.resolve(".docker"), "broken", "nonsense");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).containsExactly(new EndpointAttempt(
                    "context 'broken' (DOCKER_CONTEXT)", "the context names no usable Docker endpoint in " + meta));
        }
    }

    @Nested
    class WellKnownSockets {

        @Test
        void aSocketInAHomeWithASpaceIsStillACandidate() throws IOException {
            Path spaced = Files.createDirectories(temp.resolve("John Smith/.docker/run"));
            Files.createFile(spaced.resolve("docker.sock"));
            home = temp.resolve("John Smith");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).singleElement().satisfies(endpoint -> {
                assertThat(endpoint.host().getScheme()).isEqualTo("unix");
                assertThat(endpoint.host().getPath()).isEqualTo(spaced.resolve("docker.sock").toString());
            });
        }

        @Test
        void everyExistingSocketIsACandidateInTheDocumentedOrder() throws IOException {
            Path runtimeDir = Files.createDirectories(temp.resolve("run-user"));
            variables.put("XDG_RUNTIME_DIR", runtimeDir.toString());
            Files.createFile(runtimeDir.resolve("docker.sock"));
            Files.createDirectories(runtimeDir.resolve("podman"));
            Files.createFile(runtimeDir.resolve("podman/podman.sock"));
            Files.createDirectories(home.resolve(".docker/run"));
            Files.createFile(home.resolve(".docker/run/docker.sock"));
            Files.createDirectories(home.resolve(".docker/desktop"));
            Files.createFile(home.resolve(".docker/desktop/docker.sock"));
            present.add(Path.of("/var/run/docker.sock"));
            present.add(Path.of("/run/podman/podman.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .extracting(candidate -> candidate.host().toString())
                    .containsExactly(
                            "unix:///var/run/docker.sock",
                            "unix://" + runtimeDir + "/docker.sock",
                            "unix://" + home + "/.docker/run/docker.sock",
                            "unix://" + home + "/.docker/desktop/docker.sock",
                            "unix://" + runtimeDir + "/podman/podman.sock",
                            "unix:///run/podman/podman.sock");
            assertThat(result.candidates()).allSatisfy(candidate -> {
                assertThat(candidate.source()).isEqualTo("well-known socket");
                assertThat(candidate.usesTls()).isFalse();
            });
            assertThat(result.notTried()).isEmpty();
        }

        @Test
        void missingSocketsAreNotTriedWithNoSuchSocket() {
            variables.put("XDG_RUNTIME_DIR", "/run/user/1000");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).containsExactly(
                    new EndpointAttempt("unix:///var/run/docker.sock", "no such socket"),
                    new EndpointAttempt("unix:///run/user/1000/docker.sock", "no such socket"),
                    new EndpointAttempt("unix://" + home + "/.docker/run/docker.sock", "no such socket"),
                    new EndpointAttempt("unix://" + home + "/.docker/desktop/docker.sock", "no such socket"),
                    new EndpointAttempt("unix:///run/user/1000/podman/podman.sock", "no such socket"),
                    new EndpointAttempt("unix:///run/podman/podman.sock", "no such socket"));
        }

        @Test
        void onlyExistingSocketsAreCandidates() {
            variables.put("XDG_RUNTIME_DIR", "/run/user/1000");
            present.add(Path.of("/run/user/1000/podman/podman.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(endpoint("unix:///run/user/1000/podman/podman.sock", "well-known socket"));
            assertThat(result.notTried())
                    .extracting(EndpointAttempt::endpoint)
                    .containsExactly(
                            "unix:///var/run/docker.sock",
                            "unix:///run/user/1000/docker.sock",
                            "unix://" + home + "/.docker/run/docker.sock",
                            "unix://" + home + "/.docker/desktop/docker.sock",
                            "unix:///run/podman/podman.sock");
        }

        @Test
        void withoutXdgRuntimeDirTheRuntimeDirSocketsAreLeftOut() {
            EndpointDiscovery.Result result = discover();

            assertThat(result.notTried())
                    .extracting(EndpointAttempt::endpoint)
                    .containsExactly(
                            "unix:///var/run/docker.sock",
                            "unix://" + home + "/.docker/run/docker.sock",
                            "unix://" + home + "/.docker/desktop/docker.sock",
                            "unix:///run/podman/podman.sock");
        }

        @Test
        void onWindowsTheNamedPipeIsTheLastCandidate() throws IOException {
            Files.createDirectories(home.resolve(".docker/desktop"));
            Files.createFile(home.resolve(".docker/desktop/docker.sock"));
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = EndpointDiscovery.discover(env(null, true));

            assertThat(result.candidates()).containsExactly(
                    endpoint("unix://" + home + "/.docker/desktop/docker.sock", "well-known socket"),
                    endpoint("npipe:////./pipe/docker_engine", "Windows named pipe"));
            assertThat(result.notTried())
                    .extracting(EndpointAttempt::endpoint)
                    .containsExactly("unix://" + home + "/.docker/run/docker.sock");
        }

        @Test
        void notOnWindowsThereIsNoNamedPipe() {
            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
        }
    }

    @Nested
    class Tls {

        @Test
        void tlsVerifyWithCertPathGivesATlsDirectory() throws IOException {
            Path certs = writeTlsFiles(temp.resolve("certs"));
            variables.put("DOCKER_HOST", "tcp://10.0.0.5:2376");
            variables.put("DOCKER_TLS_VERIFY", "1");
            variables.put("DOCKER_CERT_PATH", certs.toString());

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates())
                    .containsExactly(new EngineEndpoint(URI.create("tcp://10.0.0.5:2376"), "DOCKER_HOST", certs));
            assertThat(result.candidates().get(0).describe()).isEqualTo("tcp://10.0.0.5:2376 (DOCKER_HOST, TLS)");
        }

        @Test
        void tlsVerifyWithoutCertPathUsesTheConfigDirectory() throws IOException {
            Path configDir = writeTlsFiles(home.resolve(".docker"));
            variables.put("DOCKER_HOST", "tcp://10.0.0.5:2376");
            variables.put("DOCKER_TLS_VERIFY", "true");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).singleElement()
                    .extracting(EngineEndpoint::tlsDirectory)
                    .isEqualTo(configDir);
        }

        @Test
        void tlsVerifyWithMissingKeyPemIsNotTriedAndNamesTheFile() throws IOException {
            Path certs = writeTlsFiles(temp.resolve("certs"), "key.pem");
            variables.put("DOCKER_HOST", "tcp://10.0.0.5:2376");
            variables.put("DOCKER_TLS_VERIFY", "1");
            variables.put("DOCKER_CERT_PATH", certs.toString());

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).containsExactly(new EndpointAttempt(
                    "tcp://10.0.0.5:2376 (DOCKER_HOST, TLS)",
                    "TLS is required (DOCKER_TLS_VERIFY) but " + certs.resolve("key.pem")
                            + " does not exist; set DOCKER_CERT_PATH to the directory holding ca.pem, cert.pem"
                            + " and key.pem"));
        }

        @Test
        void tlsVerifyWithMissingCaPemNamesCaPem() throws IOException {
            Path certs = writeTlsFiles(temp.resolve("certs"), "ca.pem");
            variables.put("DOCKER_TLS_VERIFY", "1");
            variables.put("DOCKER_CERT_PATH", certs.toString());

            EndpointDiscovery.Result result = discover("tcp://10.0.0.5:2376");

            assertThat(result.notTried()).singleElement().satisfies(attempt -> {
                assertThat(attempt.endpoint()).isEqualTo("tcp://10.0.0.5:2376 (devcontainer-cache.dockerHost, TLS)");
                assertThat(attempt.failure()).contains(certs.resolve("ca.pem") + " does not exist");
            });
        }

        @Test
        void tlsVerifyZeroMeansNoTls() throws IOException {
            Path certs = writeTlsFiles(temp.resolve("certs"));
            variables.put("DOCKER_HOST", "tcp://10.0.0.5:2375");
            variables.put("DOCKER_TLS_VERIFY", "0");
            variables.put("DOCKER_CERT_PATH", certs.toString());

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("tcp://10.0.0.5:2375", "DOCKER_HOST"));
        }

        @Test
        void tlsVerifyFalseMeansNoTls() {
            variables.put("DOCKER_HOST", "tcp://10.0.0.5:2375");
            variables.put("DOCKER_TLS_VERIFY", "FALSE");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("tcp://10.0.0.5:2375", "DOCKER_HOST"));
        }

        @Test
        void tlsVerifyDoesNotApplyToUnixSockets() {
            variables.put("DOCKER_HOST", "unix:///var/run/docker.sock");
            variables.put("DOCKER_TLS_VERIFY", "1");
            variables.put("DOCKER_CERT_PATH", temp.resolve("no-certs-here").toString());

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("unix:///var/run/docker.sock", "DOCKER_HOST"));
            assertThat(result.notTried()).isEmpty();
        }
    }

    @Nested
    class Addresses {

        @Test
        void httpAddressIsReadAsTcp() {
            EndpointDiscovery.Result result = discover("http://build-host:2375");

            assertThat(result.candidates())
                    .containsExactly(endpoint("tcp://build-host:2375", "devcontainer-cache.dockerHost"));
        }

        @Test
        void httpsAddressIsReadAsTcp() {
            variables.put("DOCKER_HOST", "https://10.0.0.5:2376");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("tcp://10.0.0.5:2376", "DOCKER_HOST"));
        }

        @Test
        void sshAddressesAreEndpointsAsTheDockerCliTakesThem() {
            assertThat(EndpointDiscovery.parseHost("ssh://user@host:2222")).isEqualTo(URI.create("ssh://user@host:2222"));
            assertThat(EndpointDiscovery.parseHost("ssh://host")).isEqualTo(URI.create("ssh://host"));
            assertThat(EndpointDiscovery.parseHost("ssh://me@host/run/user/1000/docker.sock"))
                    .isEqualTo(URI.create("ssh://me@host/run/user/1000/docker.sock"));
        }

        @Test
        void sshDockerHostIsTheOnlyCandidateAndTakesNoTls() {
            variables.put("DOCKER_HOST", "ssh://dev@build-box");
            variables.put("DOCKER_TLS_VERIFY", "1");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("ssh://dev@build-box", "DOCKER_HOST"));
            assertThat(result.candidates().get(0).describe()).isEqualTo("ssh://dev@build-box (DOCKER_HOST)");
        }

        @Test
        void sshContextIsItsEndpoint() throws Exception {
            variables.put("DOCKER_CONTEXT", "box");
            writeContext(home.resolve(".docker"), "box", "ssh://dev@build-box:2222");

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).containsExactly(endpoint("ssh://dev@build-box:2222", "context 'box'"));
        }

        @Test
        void sshAddressWithPasswordIsRefusedWithoutPrintingIt() {
            EndpointDiscovery.Result result = discover("ssh://dev:hunter2@build-box");

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).containsExactly(new EndpointAttempt(
                    "ssh://dev:***@build-box (devcontainer-cache.dockerHost)",
                    "an ssh:// address takes no password (the Docker CLI refuses one too); write ssh://user@host"
                            + " and let ssh use your key or agent"));
            assertThat(result.notTried().get(0).toString()).doesNotContain("hunter2");
        }

        @Test
        void garbageParameterIsRejected() {
            EndpointDiscovery.Result result = discover("nonsense");

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried())
                    .containsExactly(new EndpointAttempt("nonsense (devcontainer-cache.dockerHost)", BAD_ADDRESS));
        }

        @Test
        void tcpAddressWithoutPortIsRejected() {
            variables.put("DOCKER_HOST", "tcp://host");
            present.add(Path.of("/var/run/docker.sock"));

            EndpointDiscovery.Result result = discover();

            assertThat(result.candidates()).isEmpty();
            assertThat(result.notTried()).containsExactly(new EndpointAttempt("tcp://host (DOCKER_HOST)", BAD_ADDRESS));
        }

        @Test
        void parseHostAcceptsTheSupportedSchemes() {
            assertThat(EndpointDiscovery.parseHost("unix:///var/run/docker.sock"))
                    .isEqualTo(URI.create("unix:///var/run/docker.sock"));
            assertThat(EndpointDiscovery.parseHost(" tcp://127.0.0.1:2375 "))
                    .isEqualTo(URI.create("tcp://127.0.0.1:2375"));
            assertThat(EndpointDiscovery.parseHost("npipe:////./pipe/docker_engine"))
                    .isEqualTo(URI.create("npipe:////./pipe/docker_engine"));
            assertThat(EndpointDiscovery.parseHost("https://docker.example.com:2376"))
                    .isEqualTo(URI.create("tcp://docker.example.com:2376"));
        }

        @Test
        void parseHostRejectsWhatIsNotAnEngineAddress() {
            assertThat(EndpointDiscovery.parseHost(null)).isNull();
            assertThat(EndpointDiscovery.parseHost("")).isNull();
            assertThat(EndpointDiscovery.parseHost("   ")).isNull();
            assertThat(EndpointDiscovery.parseHost("nonsense")).isNull();
            assertThat(EndpointDiscovery.parseHost("tcp://host")).isNull();
            assertThat(EndpointDiscovery.parseHost("ssh://")).isNull();
            assertThat(EndpointDiscovery.parseHost("ssh://user:secret@host")).isNull();
            assertThat(EndpointDiscovery.parseHost("ssh://host?x=1")).isNull();
            assertThat(EndpointDiscovery.parseHost("unix://")).isNull();
            assertThat(EndpointDiscovery.parseHost("tcp://bad host:2375")).isNull();
        }
    }
}
