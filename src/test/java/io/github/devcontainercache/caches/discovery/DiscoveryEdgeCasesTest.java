package io.github.devcontainercache.caches.discovery;

import static io.github.devcontainercache.caches.discovery.Workspace.cache;
import static io.github.devcontainercache.caches.discovery.Workspace.composeCache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.caches.InvalidCachesException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Inputs the fuzz test and a review found mishandled once: paths that are no paths, flags of colons or of no
 * string, volumes named after variables, Windows host paths, byte-order marks, YAML aliases and merge keys.
 */
class DiscoveryEdgeCasesTest {

    private static final String FILE = ".devcontainer/devcontainer.json";

    @TempDir
    Path temp;

    private Workspace workspace() {
        return Workspace.in(temp, "defects");
    }

    @Test
    void aComposeFileNameThatIsNoPathFailsCleanly() {
        Workspace workspace = workspace().devcontainer("""
                {
                  "dockerComposeFile": "docker\\u0000compose.yml",
                  "service": "app"
                }
                """);

        assertThatThrownBy(workspace::discover).isInstanceOf(InvalidCachesException.class);
        workspace.devcontainer("{\"dockerComposeFile\": [\"a\\uD800.yml\"], \"service\": \"app\"}");
        assertThatThrownBy(workspace::discover).isInstanceOf(InvalidCachesException.class);
    }

    @Test
    void aWorkspaceFolderThatIsNoPathFailsCleanly() {
        Workspace workspace = workspace().devcontainer("""
                {
                  "workspaceFolder": "/work\\u0000space",
                  "mounts": ["source=a,target=/x/${containerWorkspaceFolderBasename}"]
                }
                """);

        // a clean result or a clean error, never an escaping exception
        try {
            workspace.discover();
        } catch (InvalidCachesException clean) {
            assertThat(clean.problems()).isNotEmpty();
        }
    }

    @Test
    void aVolumeFlagOfOnlyColonsFailsCleanly() {
        assertThatThrownBy(() -> MountStrings.parseVolumeFlag(":")).isInstanceOf(MountStrings.BadMount.class);
        assertThatThrownBy(workspace().devcontainer("{\"runArgs\": [\"-v\", \":\"]}")::discover)
                .isInstanceOf(InvalidCachesException.class);
        assertThatThrownBy(workspace()
                .devcontainer("{\"dockerComposeFile\": \"docker-compose.yml\", \"service\": \"app\"}")
                .file(".devcontainer/docker-compose.yml", "services:\n  app:\n    volumes: [\"::\"]\n")::discover)
                .isInstanceOf(InvalidCachesException.class);
    }

    @Test
    void aMountFlagFollowedByNoStringFailsCleanly() {
        assertThatThrownBy(workspace().devcontainer("{\"runArgs\": [\"-v\", null]}")::discover)
                .isInstanceOf(InvalidCachesException.class);
        assertThatThrownBy(workspace().devcontainer("{\"runArgs\": [\"--mount\", {}]}")::discover)
                .isInstanceOf(InvalidCachesException.class);
    }

    @Test
    void aVolumeFlagNamedAfterAVariableIsAVolume() throws Exception {
        Workspace workspace = workspace().devcontainer("""
                {
                  "runArgs": ["-v", "${localWorkspaceFolderBasename}-m2:/root/.m2"]
                }
                """);

        assertThat(workspace.discover().caches()).containsExactly(cache("defects-m2", "/root/.m2", FILE + ":2"));
    }

    @Test
    void aWindowsHostPathIsABind() throws Exception {
        assertThat(MountStrings.parseVolumeFlag("C:\\data:/data").isVolume()).isFalse();
        assertThat(MountStrings.parseVolumeFlag("d:/data:/data:ro").isVolume()).isFalse();
    }

    @Test
    void aVolumeFlagWithAnEmptyTargetIsBad() {
        assertThatThrownBy(() -> MountStrings.parseVolumeFlag("name:")).isInstanceOf(MountStrings.BadMount.class);
    }

    @Test
    void aByteOrderMarkIsAccepted() throws Exception {
        Workspace workspace = workspace().devcontainer("\uFEFF{\n  \"mounts\": [\"source=bom,target=/bom\"]\n}\n");

        assertThat(workspace.discover().caches()).containsExactly(cache("bom", "/bom", FILE + ":2"));
    }

    @Test
    void composeAliasesAndMergeKeysAreFollowed() throws Exception {
        Workspace workspace = workspace()
                .devcontainer("{\"dockerComposeFile\": \"docker-compose.yml\", \"service\": \"app\"}")
                .file(".devcontainer/docker-compose.yml", """
                        x-volumes: &volumes
                          - listed:/listed
                        x-common: &common
                          volumes:
                            - merged:/merged
                        services:
                          app:
                            <<: *common
                          worker:
                            volumes: *volumes
                        """);

        assertThat(workspace.discover().caches()).containsExactlyInAnyOrder(
                composeCache("defects_devcontainer_merged", "/merged", ".devcontainer/docker-compose.yml:5",
                        "defects_devcontainer", "merged"),
                composeCache("defects_devcontainer_listed", "/listed", ".devcontainer/docker-compose.yml:2",
                        "defects_devcontainer", "listed"));
    }
}
