package io.github.devcontainercache.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which paths a repair may remove: relative to the cache's root, and staying inside it. */
class CacheRepairTest {

    @ParameterizedTest
    @ValueSource(strings = {"a", "wheels/x.whl", "hub/models--org--m/blobs/abc.incomplete", ".npm/.hidden", "..a",
        "a..", "a/b..c/d", "...", "with space/f"})
    void relativePathsInsideTheCacheAreSafe(String file) {
        assertThat(CacheRepair.safe(file)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/", "/etc/passwd", "..", "../x", "a/../../x", "a/..", ".", "./a", "a/./b", "a//b",
        "a/", "a\\b", "..\\x"})
    void absoluteEmptyDotAndBackslashPathsAreNot(String file) {
        assertThat(CacheRepair.safe(file)).isFalse();
    }

    @Test
    void aNulIsNotSafe() {
        assertThat(CacheRepair.safe("a\0/b")).isFalse();
        assertThat(CacheRepair.safe("\0")).isFalse();
    }
}
