package io.github.devcontainercache.caches.discovery;

import static io.github.devcontainercache.caches.discovery.Workspace.cache;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** devcontainer.json is JSON with comments and trailing commas; lines stay right whatever the line endings. */
class JsoncReadingTest {

    @TempDir
    Path temp;

    /** Comments of both kinds (also inside arrays and objects), trailing commas, commented-out mounts. */
    static final String COMMENTED = """
            // A dev container for radio
            {
              "name": "radio", /* inline block comment */
              /* a block comment
                 over two lines, "mounts": ["source=in-block,target=/x"] */
              "mounts": [
                "source=radio-pip-cache,target=/home/vscode/.cache/pip,type=volume", // pip wheels
                // "source=commented-out,target=/nowhere,type=volume",
                /* "source=block-commented,target=/nowhere,type=volume", */
                "source=radio-npm,target=/home/vscode/.npm//slashes,type=volume",
              ],
              // "mounts": ["source=old-mounts,target=/old,type=volume"],
              "customizations": {"vscode": {"extensions": ["ms-python.python",],},},
            }
            """;

    @Test
    void readsCommentsAndTrailingCommas() throws Exception {
        Workspace workspace = Workspace.in(temp, "radio").devcontainer(COMMENTED);

        DevcontainerDiscovery.Result result = workspace.discover();

        assertThat(result.caches()).containsExactly(
                cache("radio-pip-cache", "/home/vscode/.cache/pip", ".devcontainer/devcontainer.json:7"),
                cache("radio-npm", "/home/vscode/.npm//slashes", ".devcontainer/devcontainer.json:10"));
        assertThat(result.notes()).isEmpty();
        assertThat(result.workspaceFolder()).isEqualTo(workspace.root);
        assertThat(result.configurations()).containsExactly(workspace.path(".devcontainer/devcontainer.json"));
    }

    @Test
    void crlfLineEndingsKeepTheLines() throws Exception {
        Workspace workspace = Workspace.in(temp, "radio").devcontainer(COMMENTED.replace("\n", "\r\n"));

        assertThat(workspace.discover().caches()).containsExactly(
                cache("radio-pip-cache", "/home/vscode/.cache/pip", ".devcontainer/devcontainer.json:7"),
                cache("radio-npm", "/home/vscode/.npm//slashes", ".devcontainer/devcontainer.json:10"));
    }

    @Test
    void lonelyCarriageReturnsAlsoCountAsLineBreaks() throws Exception {
        Workspace workspace = Workspace.in(temp, "radio").devcontainer(COMMENTED.replace("\n", "\r"));

        assertThat(workspace.discover().caches()).extracting(c -> c.origin().description()).containsExactly(
                ".devcontainer/devcontainer.json:7", ".devcontainer/devcontainer.json:10");
    }

    @Test
    void onlyCommentedOutMountsMeanNoCaches() throws Exception {
        Workspace workspace = Workspace.in(temp, "plain").devcontainer("""
                {
                  "image": "mcr.microsoft.com/devcontainers/java:17",
                  // "mounts": ["source=m2,target=/root/.m2,type=volume"],
                  /*
                  "runArgs": ["-v", "gradle:/root/.gradle"],
                  */
                }
                """);

        DevcontainerDiscovery.Result result = workspace.discover();

        assertThat(result.caches()).isEmpty();
        assertThat(result.notes()).isEmpty();
    }

    @Test
    void anEmptyFileHoldsNoCaches() throws Exception {
        Workspace workspace = Workspace.in(temp, "empty").devcontainer("");

        assertThat(workspace.discover().caches()).isEmpty();
    }

    @Test
    void aFileOfCommentsOnlyHoldsNoCaches() throws Exception {
        Workspace workspace = Workspace.in(temp, "empty").devcontainer("// nothing yet\n/* still nothing */\n");

        assertThat(workspace.discover().caches()).isEmpty();
    }

    @Test
    void nodesRememberTheLinesOfMembersAndItems() throws Exception {
        Node root = Documents.readJsonc(Path.of("devcontainer.json"), """
                {
                  // comment
                  "a": 1,\r
                  "b": [\r
                    "x",
                    /* skipped */ "y",
                  ],
                  "c": {"d": null, "e": true, "f": false,},
                }""");

        assertThat(root).isInstanceOf(Node.ObjectNode.class);
        Node.ObjectNode object = (Node.ObjectNode) root;
        assertThat(object.line()).isEqualTo(1);
        assertThat(object.members()).containsOnlyKeys("a", "b", "c");
        assertThat(object.lineOf("a")).isEqualTo(3);
        assertThat(object.lineOf("b")).isEqualTo(4);
        assertThat(object.lineOf("missing")).isEqualTo(1);
        assertThat(object.text("a")).isEqualTo("1");
        assertThat(object.text("b")).isNull();
        Node.ArrayNode array = (Node.ArrayNode) object.get("b");
        assertThat(array.items()).extracting(Node::line).containsExactly(5, 6);
        assertThat(array.items()).extracting(n -> ((Node.ValueNode) n).text()).containsExactly("x", "y");
        Node.ObjectNode inner = (Node.ObjectNode) object.get("c");
        assertThat(inner.line()).isEqualTo(8);
        assertThat(inner.text("d")).isNull();
        assertThat(inner.members().get("e")).isEqualTo(new Node.ValueNode(Boolean.TRUE, 8));
        assertThat(inner.members().get("f")).isEqualTo(new Node.ValueNode(Boolean.FALSE, 8));
    }

    @Test
    void aRepeatedMemberKeepsTheLastValueAndItsLine() throws Exception {
        Workspace workspace = Workspace.in(temp, "twice").devcontainer("""
                {
                  "mounts": ["source=first,target=/first"],
                  "mounts": [
                    "source=second,target=/second"
                  ]
                }
                """);

        assertThat(workspace.discover().caches())
                .containsExactly(cache("second", "/second", ".devcontainer/devcontainer.json:4"));
    }

    @Test
    void slashesInsideStringsAreNotComments() throws Exception {
        Workspace workspace = Workspace.in(temp, "urls").devcontainer("""
                {
                  "image": "registry.example.com//team/image", // a comment after a string with //
                  "mounts": ["source=urls,target=/a/*not-a-comment*/b"]
                }
                """);

        assertThat(workspace.discover().caches()).containsExactly(
                cache("urls", "/a/*not-a-comment*/b", ".devcontainer/devcontainer.json:3"));
    }

    @Test
    void theResultListsEveryConfigurationRead() throws Exception {
        Workspace workspace = Workspace.in(temp, "two")
                .devcontainer("{}")
                .file(".devcontainer.json", "{\"mounts\": [\"source=top,target=/top\"]}");

        DevcontainerDiscovery.Result result = workspace.discover();

        assertThat(result.configurations()).isEqualTo(List.of(
                workspace.path(".devcontainer/devcontainer.json"), workspace.path(".devcontainer.json")));
        assertThat(result.caches()).containsExactly(cache("top", "/top", ".devcontainer.json:1"));
    }
}
