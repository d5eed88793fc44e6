package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CachePathsTest {

    @Test
    void plainRelativePathsAreSafe() {
        for (String path : new String[] {"tiny.pt", "models/x.bin", "hub/models--org--name/blobs/abc",
                "a/b/c/d.json", "v1.0+cu118@x=y", "my model, v2.bin", ".gitattributes", "x.pt.part"}) {
            assertThat(CachePaths.isSafe(path)).as(path).isTrue();
        }
    }

    @Test
    void pathsThatLeaveTheCacheOrAreNotPlainAreNot() {
        for (String path : new String[] {"", "/abs", "/", "a/", "..", ".", "../x", "a/../x", "a/..", "./a", "a/./b",
                "a//b", "a\\b", "a\u0000b", "a\nb", " a", ",a", "a/ b", "~/x", "$HOME/x", "a*b", "a?b", "a:b"}) {
            assertThat(CachePaths.isSafe(path)).as(path).isFalse();
        }
        assertThat(CachePaths.isSafe(null)).isFalse();
    }

    @Test
    void aPathLongerThan1024CharactersIsNotSafe() {
        String segment = "a".repeat(100);
        String path = (segment + "/").repeat(10) + "b".repeat(14);
        assertThat(path).hasSize(1024);
        assertThat(CachePaths.isSafe(path)).isTrue();
        assertThat(CachePaths.isSafe(path + "b")).isFalse();
    }

    @Test
    void theParentIsTheFolderAPathIsIn() {
        assertThat(CachePaths.parent("a/b/c.bin")).isEqualTo("a/b");
        assertThat(CachePaths.parent("a/c.bin")).isEqualTo("a");
        assertThat(CachePaths.parent("c.bin")).isEmpty();
    }
}
