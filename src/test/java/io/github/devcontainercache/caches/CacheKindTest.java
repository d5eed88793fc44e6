package io.github.devcontainercache.caches;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CacheKindTest {

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /home/vscode/.cache/pip         | PIP
            /root/.cache/pip/               | PIP
            .cache/pip                      | PIP
            /root/.cache/whisper/           | WHISPER
            /home/vscode/.cache/whisper     | WHISPER
            /home/vscode/.cache/huggingface | HUGGINGFACE
            /home/vscode/.cache/huggingface/hub | HUGGINGFACE
            /home/u/.m2                     | MAVEN
            /home/u/.m2/repository          | MAVEN
            C:\\Users\\dev\\.m2\\repository | MAVEN
            /home/node/.npm                 | NPM
            /home/u/.gradle                 | GRADLE
            /home/u/.gradle/caches          | GRADLE
            /workspace                      | GENERIC
            /x/notpip                       | GENERIC
            /x/pip                          | GENERIC
            /x/.cache/pipx                  | GENERIC
            /x/my.cache/pip                 | GENERIC
            /home/u/.m2/settings            | GENERIC
            /home/u/x.npm                   | GENERIC
            """)
    void infersKindFromTarget(String target, CacheKind kind) {
        assertThat(CacheKind.fromTarget(target)).isEqualTo(kind);
    }

    @Test
    void noTargetIsGeneric() {
        assertThat(CacheKind.fromTarget(null)).isEqualTo(CacheKind.GENERIC);
    }

    @Test
    void fromIdIgnoresCaseAndSurroundingWhitespace() {
        assertThat(CacheKind.fromId("pip")).contains(CacheKind.PIP);
        assertThat(CacheKind.fromId("PIP")).contains(CacheKind.PIP);
        assertThat(CacheKind.fromId(" HuggingFace ")).contains(CacheKind.HUGGINGFACE);
        assertThat(CacheKind.fromId("Maven")).contains(CacheKind.MAVEN);
    }

    @Test
    void fromIdOfUnknownTextIsEmpty() {
        assertThat(CacheKind.fromId("rust")).isEmpty();
        assertThat(CacheKind.fromId("")).isEmpty();
        assertThat(CacheKind.fromId(null)).isEmpty();
    }

    @Test
    void idIsTheLowerCaseName() {
        assertThat(CacheKind.HUGGINGFACE.id()).isEqualTo("huggingface");
    }

    @Test
    void allIdsListsEveryKindInOrder() {
        assertThat(CacheKind.allIds()).isEqualTo("pip | whisper | huggingface | maven | npm | gradle | uv | poetry | conda | torch | pnpm | yarn"
                + " | cargo | go | ccache | generic");
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "/root/.cache/uv, UV",
        "/home/vscode/.cache/pypoetry, POETRY",
        "/root/.cache/poetry, POETRY",
        "/opt/conda/pkgs, CONDA",
        "/home/vscode/.cache/conda, CONDA",
        "/root/.cache/torch, TORCH",
        "/home/vscode/.pnpm-store, PNPM",
        "/home/node/.local/share/pnpm/store, PNPM",
        "/usr/local/share/.cache/yarn, YARN",
        "/home/node/.yarn/berry/cache, YARN",
        "/usr/local/cargo, CARGO",
        "/home/vscode/.cargo/registry, CARGO",
        "/home/vscode/.cargo/git, CARGO",
        "/go/pkg/mod, GO",
        "/home/vscode/go/pkg/mod, GO",
        "/tmp/.ccache, CCACHE",
        "/home/vscode/.cache/ccache, CCACHE",
        "/home/vscode/.npm/_cacache, NPM",
        "/workspace/node_modules, GENERIC",
        "/home/vscode/.cache/pre-commit, GENERIC",
        "/home/vscode/.cargo-target, GENERIC",
        "/go/pkg/modules, GENERIC"
    })
    void eachToolsDefaultFolderGivesItsKind(String target, CacheKind kind) {
        assertThat(CacheKind.fromTarget(target)).isEqualTo(kind);
    }
}
