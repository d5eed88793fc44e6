package io.github.devcontainercache.caches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.caches.InvalidCachesException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of bad input gives a clean error that names the file, and the line where there is one. */
class BadInputTest {

    private static final String FILE = ".devcontainer/devcontainer.json";
    private static final Path SHOWN = Path.of(FILE);
    private static final String COMPOSE = ".devcontainer/docker-compose.yml";

    @TempDir
    Path temp;

    private Workspace workspace() {
        return Workspace.in(temp, "bad");
    }

    private static final String COMPOSE_JSON = """
            {
              "dockerComposeFile": "docker-compose.yml",
              "service": "app"
            }
            """;

    @Test
    void malformedJsonGivesFileLineAndColumn() {
        InvalidCachesException failure = workspace().devcontainer("""
                {
                  "name": "x",
                  "mounts": [
                    "source=a,target=/a"
                    "source=b,target=/b"
                  ]
                }
                """).failure();

        assertThat(failure.problems()).singleElement().asString()
                .startsWith(FILE + ":5:5: not valid JSON: ")
                .contains("was expecting comma to separate Array entries");
    }

    @Test
    void malformedJsonWithCrlfGivesTheRightLine() {
        InvalidCachesException failure = workspace().devcontainer(
                "{\r\n  // comment\r\n  \"name\": \"x\",\r\n  \"mounts\": [\"a\" \"b\"]\r\n}\r\n").failure();

        assertThat(failure.problems()).singleElement().asString().startsWith(FILE + ":4:").contains(": not valid JSON: ");
    }

    @Test
    void anUnclosedDocumentOrCommentIsMalformed() {
        assertThat(workspace().devcontainer("{\n  \"mounts\": [\n").failure().getMessage())
                .startsWith(FILE + ":3:").contains(": not valid JSON: ");
        assertThat(workspace().devcontainer("{\n  /* never closed\n}\n").failure().getMessage())
                .startsWith(FILE + ":").contains(": not valid JSON: ");
        assertThat(workspace().devcontainer("{\n  \"a\": 'single quotes'\n}\n").failure().getMessage())
                .startsWith(FILE + ":2:").contains(": not valid JSON: ");
    }

    @Test
    void tooDeepJsonIsRefusedCleanly() {
        InvalidCachesException failure = workspace().devcontainer("[".repeat(10_000)).failure();

        assertThat(failure.problems()).singleElement().asString().startsWith(FILE).contains("not valid JSON");
    }

    @Test
    void malformedYamlGivesFileAndLine() {
        InvalidCachesException failure = workspace().devcontainer(COMPOSE_JSON).file(COMPOSE, """
                services:
                  app:
                    volumes:
                      - data:/data
                     bad: indent
                """).failure();

        assertThat(failure.problems()).singleElement().asString().startsWith(COMPOSE + ":5:6: not valid YAML: ");
    }

    @Test
    void tabsInYamlAreMalformed() {
        InvalidCachesException failure = workspace().devcontainer(COMPOSE_JSON)
                .file(COMPOSE, "services:\n\tapp:\n\t\tvolumes: [data:/data]\n").failure();

        assertThat(failure.problems()).singleElement().asString().matches("(?s)\\Q" + COMPOSE + "\\E:\\d+:\\d+: not valid YAML: .*");
    }

    @Test
    void aConfigurationThatIsNotAnObject() {
        assertThat(workspace().devcontainer("[\"source=a,target=/a\"]").failure().problems())
                .containsExactly(DiscoveryMessages.configNotAnObject(SHOWN));
        assertThat(workspace().devcontainer("\"text\"").failure().problems())
                .containsExactly(DiscoveryMessages.configNotAnObject(SHOWN));
    }

    @Test
    void badMountsAreNamedWithTheirLines() {
        InvalidCachesException failure = workspace().devcontainer("""
                {
                  "mounts": [
                    "source=no-target,type=volume",
                    "source=a,target=/a,type=floppy",
                    {"source": "untyped", "target": "/u"},
                    {"source": "odd", "target": "/o", "type": "floppy"},
                    {"type": "volume",
                     "source": "no-target"},
                    true,
                    ["source=x,target=/x"],
                    "source=fine,target=/fine"
                  ],
                  "runArgs": ["-v", "name::ro"]
                }
                """).failure();

        assertThat(failure.problems()).containsExactly(
                DiscoveryMessages.badMount(SHOWN, 3, "source=no-target,type=volume",
                        "the mount has no target (write target=/path/in/container)"),
                DiscoveryMessages.badMount(SHOWN, 4, "source=a,target=/a,type=floppy",
                        "unknown mount type 'floppy' (expected volume, bind or tmpfs)"),
                DiscoveryMessages.badMount(SHOWN, 5, "{source: untyped, target: /u, type: null}",
                        "the mount has no type (write \"type\": \"volume\")"),
                DiscoveryMessages.badMount(SHOWN, 6, "{source: odd, target: /o, type: floppy}",
                        "unknown mount type 'floppy' (expected volume, bind or tmpfs)"),
                DiscoveryMessages.badMount(SHOWN, 8, "{source: no-target, target: null, type: volume}", "the mount has no target"),
                DiscoveryMessages.badMount(SHOWN, 9, "?", "a mount is a string or an object"),
                DiscoveryMessages.badMount(SHOWN, 10, "?", "a mount is a string or an object"),
                DiscoveryMessages.badMount(SHOWN, 13, "name::ro", "the volume has no target (write NAME:/path/in/container)"));
        assertThat(failure.problems().get(0)).startsWith(FILE + ":3: mount 'source=no-target,type=volume': ");
    }

    @Test
    void badComposeVolumesAreNamedWithTheirLines() {
        InvalidCachesException failure = workspace().devcontainer(COMPOSE_JSON).file(COMPOSE, """
                services:
                  app:
                    volumes:
                      - data::ro
                      - type: volume
                        source: no-target
                      - fine:/fine
                """).failure();

        assertThat(failure.problems()).containsExactly(
                DiscoveryMessages.badMount(Path.of(COMPOSE), 4, "data::ro", "the volume has no target (write NAME:/path/in/container)"),
                DiscoveryMessages.badMount(Path.of(COMPOSE), 6, "no-target", "the volume has no target"));
    }

    @Test
    void aMissingComposeFile() {
        InvalidCachesException failure = workspace().devcontainer("""
                {
                  "dockerComposeFile": ["docker-compose.yml", "missing.yml"],
                  "service": "app"
                }
                """).file(COMPOSE, "services: {}\n").failure();

        assertThat(failure.problems()).containsExactly(DiscoveryMessages.composeFileMissing(Path.of(".devcontainer/missing.yml")));
    }

    @Test
    void aComposeFileThatIsAFolderIsMissing() throws Exception {
        Workspace workspace = workspace().devcontainer(COMPOSE_JSON);
        Files.createDirectories(workspace.path(COMPOSE));

        assertThat(workspace.failure().problems()).containsExactly(DiscoveryMessages.composeFileMissing(Path.of(COMPOSE)));
    }

    @Test
    void dockerComposeFileWithoutService() {
        InvalidCachesException failure = workspace().devcontainer("""
                {
                  "name": "x",
                  "dockerComposeFile": "docker-compose.yml"
                }
                """).file(COMPOSE, "services: {}\n").failure();

        assertThat(failure.problems()).containsExactly(DiscoveryMessages.composeWithoutService(SHOWN, 3));
    }

    @Test
    void dockerComposeFileNamingNoFile() {
        assertThat(workspace().devcontainer("{\n  \"dockerComposeFile\": [],\n  \"service\": \"app\"\n}").failure().problems())
                .containsExactly(DiscoveryMessages.composeWithoutFiles(SHOWN, 2));
        assertThat(workspace().devcontainer("{\n\n  \"dockerComposeFile\": {\"file\": \"x.yml\"},\n  \"service\": \"app\"\n}").failure().problems())
                .containsExactly(DiscoveryMessages.composeWithoutFiles(SHOWN, 3));
    }

    @Test
    void aTooLargeFileIsRefused() throws Exception {
        Workspace workspace = workspace().devcontainer(
                "{\"name\": \"" + "x".repeat((int) Documents.MAX_BYTES) + "\"}");

        assertThat(workspace.failure().problems()).containsExactly(DiscoveryMessages.configTooLarge(SHOWN, Documents.MAX_BYTES));
    }

    @Test
    void aHugeStringIsRefusedCleanly() {
        InvalidCachesException failure = workspace().devcontainer(
                "{\"mounts\": [\"source=" + "a".repeat(1_100_000) + ",target=/a\"]}").failure();

        assertThat(failure.problems()).singleElement().asString().startsWith(FILE).contains("not valid JSON");
    }

    @Test
    void aFileThatIsNotUtf8IsUnreadable() throws Exception {
        Workspace workspace = workspace().devcontainer("");
        Files.write(workspace.path(FILE), new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'});

        assertThat(workspace.failure().problems()).singleElement().asString().startsWith(FILE + ": cannot be read (");
    }

    @Test
    void documentsReportWhereTheyAreMalformed() {
        assertThatThrownBy(() -> Documents.readJsonc(Path.of("x.json"), "{\n\n  \"a\": tru\n}"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("x.json:3:")
                .hasMessageContaining(": not valid JSON: ");
        assertThatThrownBy(() -> Documents.readYaml(Path.of("x.yml"), "a: [1, 2\nb: c\n"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("x.yml:")
                .hasMessageContaining(": not valid YAML: ");
        assertThatThrownBy(() -> Documents.readYaml(Path.of("x.yml"), "a: !!binary aGVsbG8=\n"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("x.yml:1:")
                .hasMessageContaining(": not valid YAML: ");
    }

    @Test
    void everyProblemOfOneFileIsReportedTogether() {
        InvalidCachesException failure = workspace().devcontainer("""
                {
                  "workspaceFolder": "${unknown}",
                  "mounts": ["source=a,target=/a,type=floppy", "source=${foo},target=/b"],
                  "dockerComposeFile": "docker-compose.yml"
                }
                """).failure();

        assertThat(failure.problems()).containsExactly(
                DiscoveryMessages.unresolvableVariable(SHOWN, 2, "${unknown}"),
                DiscoveryMessages.badMount(SHOWN, 3, "source=a,target=/a,type=floppy",
                        "unknown mount type 'floppy' (expected volume, bind or tmpfs)"),
                DiscoveryMessages.unresolvableVariable(SHOWN, 3, "${foo}"),
                DiscoveryMessages.composeWithoutService(SHOWN, 4));
        assertThat(failure.getMessage()).isEqualTo(String.join(System.lineSeparator(), failure.problems()));
    }
}
