package io.github.devcontainercache.caches;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class VolumeNamesTest {

    @ParameterizedTest(name = "''{0}'' is a valid volume name")
    @ValueSource(strings = {"ab", "ok.name_1-2", "radio-pip-cache", "0cache", "A_B", "x1", "9.9"})
    void acceptsDockerVolumeNames(String name) {
        assertThat(VolumeNames.isValid(name)).isTrue();
    }

    @ParameterizedTest(name = "''{0}'' is not a valid volume name")
    @NullAndEmptySource
    @ValueSource(strings = {"a", "-x", "_x", ".x", "bad name", "a/b", "name:tag", "café-cache", " ab", "ab "})
    void rejectsWhatDockerRejects(String name) {
        assertThat(VolumeNames.isValid(name)).isFalse();
    }
}
