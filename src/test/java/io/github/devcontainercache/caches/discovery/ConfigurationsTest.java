package io.github.devcontainercache.caches.discovery;

import static io.github.devcontainercache.caches.discovery.Workspace.cache;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.InvalidCachesException;
import io.github.devcontainercache.caches.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where configurations are found, which workspace they belong to, and how several of them combine. */
class ConfigurationsTest {

    @TempDir
    Path temp;

    private static String mounting(String volume, String target) {
        return """
                {
                  "name": "%s",
                  "mounts": ["source=%s,target=%s,type=volume"]
                }
                """.formatted(volume, volume, target);
    }

    @Test
    void findsEveryConfigurationInAStableOrder() throws Exception {
        Workspace workspace = Workspace.in(temp, "ws")
                .file(".devcontainer/b/devcontainer.json", "{}")
                .file(".devcontainer/a/devcontainer.json", "{}")
                .file(".devcontainer.json", "{}")
                .file(".devcontainer/devcontainer.json", "{}")
                .file(".devcontainer/c/other.json", "{}")
                .file(".devcontainer/a/deeper/devcontainer.json", "{}")
                .file("devcontainer.json", "{}");
        Files.createDirectories(workspace.path(".devcontainer/d/devcontainer.json"));

        assertThat(DevcontainerDiscovery.configurationsIn(workspace.root)).containsExactly(
                workspace.path(".devcontainer/devcontainer.json"),
                workspace.path(".devcontainer.json"),
                workspace.path(".devcontainer/a/devcontainer.json"),
                workspace.path(".devcontainer/b/devcontainer.json"));
    }

    @Test
    void findsNoConfigurationInAFolderWithout() {
        Workspace workspace = Workspace.in(temp, "none").file("pom.xml", "<project/>");

        assertThat(DevcontainerDiscovery.configurationsIn(workspace.root)).isEmpty();
        assertThat(DevcontainerDiscovery.configurationsIn(workspace.path("absent"))).isEmpty();
    }

    @Test
    void findsNestedConfigurationsAlone() {
        Workspace workspace = Workspace.in(temp, "nested")
                .file(".devcontainer/python/devcontainer.json", "{}")
                .file(".devcontainer/java/devcontainer.json", "{}");

        assertThat(DevcontainerDiscovery.configurationsIn(workspace.root)).containsExactly(
                workspace.path(".devcontainer/java/devcontainer.json"),
                workspace.path(".devcontainer/python/devcontainer.json"));
    }

    @Test
    void readsEveryConfigurationWithItsOwnOrigin() throws Exception {
        Workspace workspace = Workspace.in(temp, "many")
                .devcontainer(mounting("main-cache", "/main"))
                .file(".devcontainer.json", mounting("top-cache", "/top"))
                .file(".devcontainer/a/devcontainer.json", mounting("a-cache", "/a"))
                .file(".devcontainer/b/devcontainer.json", mounting("b-cache", "/b"));

        assertThat(workspace.discover().caches()).containsExactly(
                cache("main-cache", "/main", ".devcontainer/devcontainer.json:3"),
                cache("top-cache", "/top", ".devcontainer.json:3"),
                cache("a-cache", "/a", ".devcontainer/a/devcontainer.json:3"),
                cache("b-cache", "/b", ".devcontainer/b/devcontainer.json:3"));
    }

    @Test
    void oneVolumeAtOneTargetInTwoConfigurationsIsOneCache() throws Exception {
        Workspace workspace = Workspace.in(temp, "same")
                .file(".devcontainer/a/devcontainer.json", mounting("shared-m2", "/root/.m2"))
                .file(".devcontainer/b/devcontainer.json", """
                        {
                          // the same cache, written another way
                          "runArgs": ["--volume=shared-m2:/root/.m2"]
                        }
                        """);

        assertThat(workspace.discover().caches())
                .containsExactly(cache("shared-m2", "/root/.m2", ".devcontainer/a/devcontainer.json:3"));
    }

    @Test
    void oneVolumeAtTwoTargetsIsAConflictNamingBoth() {
        Workspace workspace = Workspace.in(temp, "conflict")
                .file(".devcontainer/a/devcontainer.json", mounting("shared-cache", "/root/.m2"))
                .file(".devcontainer/b/devcontainer.json", """
                        {

                          "mounts": [{"type": "volume", "source": "shared-cache", "target": "/home/vscode/.m2"}]
                        }
                        """);

        InvalidCachesException failure = workspace.failure();

        assertThat(failure.problems()).containsExactly(DiscoveryMessages.conflictingTargets("shared-cache",
                "/root/.m2", new Origin(".devcontainer/a/devcontainer.json:3"),
                "/home/vscode/.m2", new Origin(".devcontainer/b/devcontainer.json:3")));
        assertThat(failure.getMessage()).contains(
                "shared-cache", "/root/.m2", ".devcontainer/a/devcontainer.json:3",
                "/home/vscode/.m2", ".devcontainer/b/devcontainer.json:3");
    }

    @Test
    void theProblemsOfEveryConfigurationAreCollected() {
        Workspace workspace = Workspace.in(temp, "broken")
                .file(".devcontainer/a/devcontainer.json", "{\n  \"mounts\": [\"source=a,type=floppy,target=/a\"]\n}")
                .file(".devcontainer/b/devcontainer.json", "{\n  \"mounts\": [\n    \"source=${nope},target=/b\"]\n}");

        assertThat(workspace.failure().problems()).containsExactly(
                DiscoveryMessages.badMount(Path.of(".devcontainer/a/devcontainer.json"), 2, "source=a,type=floppy,target=/a",
                        "unknown mount type 'floppy' (expected volume, bind or tmpfs)"),
                DiscoveryMessages.unresolvableVariable(Path.of(".devcontainer/b/devcontainer.json"), 3, "${nope}"));
    }

    @Test
    void findsTheWorkspaceWalkingUpFromASubfolder() throws Exception {
        Workspace repository = Workspace.in(temp, "repo")
                .devcontainer("{}")
                .file(".git/HEAD", "ref: refs/heads/main\n")
                .file("services/api/pom.xml", "<project/>");

        assertThat(DevcontainerDiscovery.findWorkspace(repository.path("services/api"))).contains(repository.root);
        assertThat(DevcontainerDiscovery.findWorkspace(repository.path("services/api/../api"))).contains(repository.root);
        assertThat(DevcontainerDiscovery.findWorkspace(repository.root)).contains(repository.root);
    }

    @Test
    void theNearestWorkspaceWins() {
        Workspace repository = Workspace.in(temp, "repo")
                .devcontainer("{}")
                .file(".git/HEAD", "ref: refs/heads/main\n")
                .file("module/.devcontainer.json", "{}")
                .file("module/src/main/java/App.java", "class App {}");

        assertThat(DevcontainerDiscovery.findWorkspace(repository.path("module/src/main/java")))
                .contains(repository.path("module"));
        assertThat(DevcontainerDiscovery.findWorkspace(repository.path("module/src/main/java")))
                .isNotEqualTo(repository.root);
    }

    @Test
    void findsANestedConfigurationsWorkspace() {
        Workspace repository = Workspace.in(temp, "repo")
                .file(".devcontainer/java/devcontainer.json", "{}")
                .file(".git", "gitdir: ../.git/worktrees/repo\n")
                .file("app/pom.xml", "<project/>");

        assertThat(DevcontainerDiscovery.findWorkspace(repository.path("app"))).contains(repository.root);
    }

    @Test
    void stopsAtTheRootOfTheGitRepository() {
        Workspace outer = Workspace.in(temp, "outer")
                .devcontainer("{}")
                .file("inner/.git/HEAD", "ref: refs/heads/main\n")
                .file("inner/module/pom.xml", "<project/>");

        assertThat(DevcontainerDiscovery.findWorkspace(outer.path("inner/module"))).isEmpty();
        assertThat(DevcontainerDiscovery.findWorkspace(outer.path("inner"))).isEmpty();
    }

    @Test
    void theWorkspaceOfEachLayout() {
        Path ws = Path.of("/home/me/ws");

        assertThat(DevcontainerDiscovery.workspaceOf(ws.resolve(".devcontainer/devcontainer.json"))).isEqualTo(ws);
        assertThat(DevcontainerDiscovery.workspaceOf(ws.resolve(".devcontainer.json"))).isEqualTo(ws);
        assertThat(DevcontainerDiscovery.workspaceOf(ws.resolve(".devcontainer/java/devcontainer.json"))).isEqualTo(ws);
        assertThat(DevcontainerDiscovery.workspaceOf(ws.resolve(".devcontainer/java/../devcontainer.json")))
                .isEqualTo(ws);
        assertThat(DevcontainerDiscovery.workspaceOf(ws.resolve("config/devcontainer.json")))
                .isEqualTo(ws.resolve("config"));
        assertThat(DevcontainerDiscovery.workspaceOf(ws.resolve(".devcontainer/custom.json"))).isEqualTo(ws);
    }

    @Test
    void theWorkspaceOfARelativePathIsAbsolute() {
        Path workspace = DevcontainerDiscovery.workspaceOf(Path.of(".devcontainer/devcontainer.json"));

        assertThat(workspace).isAbsolute().isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void aNamedFileOutsideTheWorkspaceIsShownAbsolute() throws Exception {
        Workspace workspace = Workspace.in(temp, "ws");
        Workspace elsewhere = Workspace.in(temp, "elsewhere").file("custom.json", mounting("far", "/far"));
        Path custom = elsewhere.path("custom.json");

        DevcontainerDiscovery.Result result =
                DevcontainerDiscovery.discover(workspace.root, java.util.List.of(custom), java.util.Map.of());

        assertThat(result.caches()).containsExactly(cache("far", "/far", custom + ":3"));
    }

    @Test
    void noneIsEmpty() {
        DevcontainerDiscovery.Result none = DevcontainerDiscovery.Result.none();

        assertThat(none.workspaceFolder()).isNull();
        assertThat(none.configurations()).isEmpty();
        assertThat(none.caches()).isEmpty();
        assertThat(none.notes()).isEmpty();
    }
}
