package io.github.devcontainercache.archive.keyed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.caches.CacheKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CacheKeysTest {

    @TempDir
    Path project;

    private CacheKeys.Context context(Map<String, String> properties) {
        return new CacheKeys.Context(project, properties, "Linux", "X64");
    }

    @Test
    void evaluatesEveryExpression() throws Exception {
        Files.writeString(project.resolve("requirements.txt"), "numpy==2.0\n");
        String hash = HashFiles.hash(project, List.of("requirements.txt"));

        String key = CacheKeys.evaluate("${kind}-${os}-${arch}-${volume}-${env}-${hashFiles:**/requirements*.txt}",
                "radio-pip-cache", CacheKind.PIP, context(Map.of("env", "ci")));

        assertThat(key).isEqualTo("pip-Linux-X64-radio-pip-cache-ci-" + hash);
        assertThat(hash).hasSize(64);
    }

    @Test
    void namesEveryExpressionNothingDefines() {
        assertThatThrownBy(() -> CacheKeys.evaluate("${nope}-${os}-${other}", "v", CacheKind.PIP, context(Map.of())))
                .isInstanceOf(CacheKeys.BadKey.class)
                .hasMessage("The key '${nope}-${os}-${other}' uses 2 expressions that nothing defines: ${nope}, ${other}."
                        + " Use ${hashFiles:GLOB}, ${os}, ${arch}, ${kind}, ${volume}, or a property the pom or -D"
                        + " defines.");
    }

    @Test
    void hashFilesWithoutAGlobIsRefused() {
        assertThatThrownBy(() -> CacheKeys.evaluate("pip-${hashFiles: , }", "v", CacheKind.PIP, context(Map.of())))
                .isInstanceOf(CacheKeys.BadKey.class)
                .hasMessageContaining("has ${hashFiles:} without a glob");
    }

    @Test
    void defaultsPerKindHashTheFilesThatDecideTheContent() {
        assertThat(CacheKeys.defaultKey(CacheKind.PIP)).isEqualTo(
                "pip-${os}-${arch}-${hashFiles:**/requirements*.txt,**/pyproject.toml,**/setup.cfg,**/setup.py}");
        assertThat(CacheKeys.defaultRestoreKeys(CacheKind.PIP)).containsExactly("pip-${os}-${arch}-");
        assertThat(CacheKeys.defaultKey(CacheKind.NPM)).contains("package-lock.json");
        for (CacheKind kind : CacheKind.values()) {
            assertThat(CacheKeys.defaultKey(kind)).startsWith(kind.id() + "-${os}-${arch}-${hashFiles:");
        }
    }

    @Test
    void encodesWhatIsNoFileNameNorMavenVersionAndKeepsPrefixes() throws Exception {
        assertThat(CacheKeys.encode("pip-Linux-X64-abc.1_2")).isEqualTo("pip-Linux-X64-abc.1_2");
        assertThat(CacheKeys.encode("a/b:c d")).isEqualTo("a+2Fb+3Ac+20d");
        assertThat(CacheKeys.encode("é")).isEqualTo("+C3+A9");
        assertThat(CacheKeys.encode("a+b")).isEqualTo("a+2Bb");
        assertThat(CacheKeys.checked("npm/main: 1", "key")).startsWith(CacheKeys.checkedPrefix("npm/main:", "prefix"));
    }

    @Test
    void refusesKeysThatCannotBeStored() {
        assertThatThrownBy(() -> CacheKeys.checked(" ", "key of cache 'v'"))
                .hasMessageStartingWith("The key of cache 'v' is empty");
        assertThatThrownBy(() -> CacheKeys.checked("x".repeat(201), "key"))
                .hasMessageContaining("201 characters long once encoded, over 200");
        assertThatThrownBy(() -> CacheKeys.checked(".hidden", "key")).hasMessageContaining("starts with a dot");
        assertThatThrownBy(() -> CacheKeys.checked("pip-1.0-SNAPSHOT", "key")).hasMessageContaining("SNAPSHOT");
        assertThatThrownBy(() -> CacheKeys.checkedPrefix("", "restore key")).hasMessageContaining("is empty");
    }

    @Test
    void namesTheMachineAsGitHubsRunnersDo() {
        assertThat(CacheKeys.os("Linux")).isEqualTo("Linux");
        assertThat(CacheKeys.os("Mac OS X")).isEqualTo("macOS");
        assertThat(CacheKeys.os("Windows 11")).isEqualTo("Windows");
        assertThat(CacheKeys.arch("amd64")).isEqualTo("X64");
        assertThat(CacheKeys.arch("aarch64")).isEqualTo("ARM64");
    }
}
