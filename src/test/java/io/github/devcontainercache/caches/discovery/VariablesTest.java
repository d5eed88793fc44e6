package io.github.devcontainercache.caches.discovery;

import static io.github.devcontainercache.caches.discovery.Workspace.cache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.caches.InvalidCachesException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The variables of devcontainer.json that can be known from outside the container, and those that cannot. */
class VariablesTest {

    private static final String FILE = ".devcontainer/devcontainer.json";
    private static final Path SHOWN = Path.of(FILE);

    @TempDir
    Path temp;

    @Test
    void resolvesEveryKnownVariable() throws Exception {
        Workspace workspace = Workspace.in(temp, "radio").devcontainer("""
                {
                  "workspaceFolder": "/src/${localWorkspaceFolderBasename}",
                  "mounts": [
                    "source=${localWorkspaceFolderBasename}-pip,target=/home/vscode/.cache/pip,type=volume",
                    "source=${localEnv:CACHE_PREFIX}-npm,target=/home/vscode/.npm",
                    "source=unset${localEnv:NOT_SET}-m2,target=/root/.m2",
                    "source=${localEnv:NOT_SET:fallback}-gradle,target=/root/.gradle",
                    "source=${localEnv:CACHE_PREFIX:ignored}-hf,target=/hf",
                    "source=${env:CACHE_PREFIX}-old,target=/old",
                    "source=build,target=${containerWorkspaceFolder}/build",
                    "source=base,target=/b/${containerWorkspaceFolderBasename}",
                    "source=local,target=/host${localWorkspaceFolder}"
                  ]
                }
                """);

        DevcontainerDiscovery.Result result = workspace.discover(Map.of("CACHE_PREFIX", "team"));

        assertThat(result.caches()).containsExactly(
                cache("radio-pip", "/home/vscode/.cache/pip", FILE + ":4"),
                cache("team-npm", "/home/vscode/.npm", FILE + ":5"),
                cache("unset-m2", "/root/.m2", FILE + ":6"),
                cache("fallback-gradle", "/root/.gradle", FILE + ":7"),
                cache("team-hf", "/hf", FILE + ":8"),
                cache("team-old", "/old", FILE + ":9"),
                cache("build", "/src/radio/build", FILE + ":10"),
                cache("base", "/b/radio", FILE + ":11"),
                cache("local", "/host" + workspace.root, FILE + ":12"));
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void theContainerWorkspaceFolderDefaultsToWorkspacesBasename() throws Exception {
        Workspace workspace = Workspace.in(temp, "my-app").devcontainer("""
                {
                  "mounts": ["source=node-modules,target=${containerWorkspaceFolder}/node_modules,type=volume"]
                }
                """);

        assertThat(workspace.discover().caches())
                .containsExactly(cache("node-modules", "/workspaces/my-app/node_modules", FILE + ":2"));
    }

    @Test
    void aDevcontainerIdVolumeIsLeftOutWithOneNote() throws Exception {
        Workspace workspace = Workspace.in(temp, "ids").devcontainer("""
                {
                  "mounts": [
                    "source=kept,target=/kept,type=volume",
                    "source=history-${devcontainerId},target=/commandhistory,type=volume"
                  ]
                }
                """);

        DevcontainerDiscovery.Result result = workspace.discover();

        assertThat(result.caches()).containsExactly(cache("kept", "/kept", FILE + ":3"));
        assertThat(result.notes()).containsExactly(
                DiscoveryMessages.devcontainerIdSkipped(SHOWN, 4, "history-${devcontainerId}"));
        assertThat(result.notes().get(0)).startsWith(FILE + ":4: ").contains("history-${devcontainerId}");
    }

    @Test
    void aDevcontainerIdInATargetIsAlsoLeftOut() throws Exception {
        Workspace workspace = Workspace.in(temp, "ids").devcontainer("""
                {
                  "runArgs": ["-v", "shared:/data/${devcontainerId}"]
                }
                """);

        DevcontainerDiscovery.Result result = workspace.discover();

        assertThat(result.caches()).isEmpty();
        assertThat(result.notes()).containsExactly(DiscoveryMessages.devcontainerIdSkipped(SHOWN, 2, "shared"));
    }

    @Test
    void anUnknownVariableIsNamedWithItsLine() {
        Workspace workspace = Workspace.in(temp, "unknown").devcontainer("""
                {
                  "mounts": [
                    "source=ok,target=/ok",
                    "source=${foo}-cache,target=/cache"
                  ]
                }
                """);

        InvalidCachesException failure = workspace.failure();

        assertThat(failure.problems()).containsExactly(DiscoveryMessages.unresolvableVariable(SHOWN, 4, "${foo}"));
        assertThat(failure.getMessage()).startsWith(FILE + ":4: ${foo} cannot be resolved");
    }

    @Test
    void anUnresolvableWorkspaceFolderIsNamedWithItsLine() {
        Workspace workspace = Workspace.in(temp, "unknown").devcontainer("""
                {
                  "name": "x",
                  "workspaceFolder": "/work/${containerEnv:HOME}",
                  "mounts": ["source=ok,target=/ok"]
                }
                """);

        assertThat(workspace.failure().problems())
                .containsExactly(DiscoveryMessages.unresolvableVariable(SHOWN, 3, "${containerEnv:HOME}"));
    }

    @Test
    void everyUnresolvableMountIsReported() {
        Workspace workspace = Workspace.in(temp, "unknown").devcontainer("""
                {
                  "mounts": [
                    "source=${localEnv:},target=/a",
                    {"type": "volume", "source": "b", "target": "${containerEnv:PATH}"},
                    "source=c,target=${}"
                  ]
                }
                """);

        assertThat(workspace.failure().problems()).containsExactly(
                DiscoveryMessages.unresolvableVariable(SHOWN, 3, "${localEnv:}"),
                DiscoveryMessages.unresolvableVariable(SHOWN, 4, "${containerEnv:PATH}"),
                DiscoveryMessages.unresolvableVariable(SHOWN, 5, "${}"));
    }

    // The resolver itself.

    private final Variables variables = new Variables(
            Path.of("/home/me/radio"), "/workspaces/radio", Map.of("USER", "me", "EMPTY", ""));

    @Test
    void resolvesText() throws Exception {
        assertThat(variables.resolve(null)).isNull();
        assertThat(variables.resolve("plain")).isEqualTo("plain");
        assertThat(variables.resolve("${localWorkspaceFolderBasename}")).isEqualTo("radio");
        assertThat(variables.resolve("${localWorkspaceFolder}")).isEqualTo("/home/me/radio");
        assertThat(variables.resolve("${containerWorkspaceFolder}")).isEqualTo("/workspaces/radio");
        assertThat(variables.resolve("${containerWorkspaceFolderBasename}")).isEqualTo("radio");
        assertThat(variables.resolve("${localEnv:USER}-${env:USER}")).isEqualTo("me-me");
        assertThat(variables.resolve("${localEnv:MISSING}")).isEmpty();
        assertThat(variables.resolve("${localEnv:MISSING:a:b}")).isEqualTo("a:b");
        assertThat(variables.resolve("${localEnv:EMPTY:default}")).isEmpty();
        assertThat(variables.resolve("$USER and ${ unclosed")).isEqualTo("$USER and ${ unclosed");
        assertThat(variables.resolve("${localEnv:USER}$")).isEqualTo("me$");
        assertThat(Variables.defaultContainerWorkspaceFolder(Path.of("/home/me/radio")))
                .isEqualTo("/workspaces/radio");
    }

    @Test
    void refusesWhatItCannotKnow() {
        assertThatThrownBy(() -> variables.resolve("a-${devcontainerId}"))
                .isInstanceOfSatisfying(Variables.Unresolvable.class, e -> {
                    assertThat(e.devcontainerId).isTrue();
                    assertThat(e).hasMessage("${devcontainerId}");
                });
        assertThatThrownBy(() -> variables.resolve("${foo}"))
                .isInstanceOfSatisfying(Variables.Unresolvable.class, e -> {
                    assertThat(e.devcontainerId).isFalse();
                    assertThat(e).hasMessage("${foo}");
                });
        assertThatThrownBy(() -> variables.resolve("${containerEnv:PATH}"))
                .isInstanceOf(Variables.Unresolvable.class)
                .hasMessage("${containerEnv:PATH}");
        assertThatThrownBy(() -> variables.resolve("${env:}"))
                .isInstanceOf(Variables.Unresolvable.class)
                .hasMessage("${env:}");
    }

    @Test
    void everyMountThatIsNotACacheIsKeptWithWhereAndWhy() throws Exception {
        Workspace workspace = Workspace.in(temp, "skipped").devcontainer("""
                {
                  "mounts": [
                    "source=history-${devcontainerId},target=/commandhistory,type=volume",
                    "target=/scratch,type=volume",
                    {"source": "/srv/data", "target": "/data", "type": "bind"},
                    "type=tmpfs,target=/tmp",
                    "source=kept,target=/kept,type=volume"
                  ],
                  "runArgs": ["-v", "/var/run/docker.sock:/var/run/docker.sock"]
                }
                """);

        DevcontainerDiscovery.Result result = workspace.discover();

        assertThat(result.caches()).containsExactly(cache("kept", "/kept", FILE + ":7"));
        assertThat(result.skipped()).extracting(m -> m.origin() + " " + m.reason().id() + " " + m.shownSource()
                        + " " + m.target())
                .containsExactly(
                        FILE + ":3 devcontainerId history-${devcontainerId} /commandhistory",
                        FILE + ":4 anonymous (anonymous) /scratch",
                        FILE + ":5 bind /srv/data /data",
                        FILE + ":6 tmpfs tmpfs /tmp",
                        FILE + ":9 bind /var/run/docker.sock /var/run/docker.sock");
        // only the volume that may well be a cache is warned of
        assertThat(result.notes()).containsExactly(
                DiscoveryMessages.devcontainerIdSkipped(SHOWN, 3, "history-${devcontainerId}"));
    }
}
