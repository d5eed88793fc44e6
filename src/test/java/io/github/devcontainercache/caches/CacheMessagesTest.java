package io.github.devcontainercache.caches;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CacheMessagesTest {

    private static final String NL = System.lineSeparator();

    @Test
    void cachesInScopeDescribesEachCache() {
        List<CacheDeclaration> caches = List.of(
                new CacheDeclaration("radio-pip-cache", null, "/home/vscode/.cache/pip", 2L << 30,
                        new Owner(1000, 1000), null, null, null, Origin.pom()),
                new CacheDeclaration("models", CacheKind.WHISPER, null, null, null, null, null, null,
                        Origin.file(Path.of("/ws/devcontainer.json"), 3)));

        assertThat(CacheMessages.cachesInScope("check", caches)).isEqualTo("check works on 2 caches:"
                + NL + "  radio-pip-cache (pip, /home/vscode/.cache/pip, budget 2.0 GiB, owner 1000:1000) from pom"
                + NL + "  models (whisper) from /ws/devcontainer.json:3");
    }
}
