package io.github.devcontainercache.mojo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GoalMessagesTest {

    private static final String NL = System.lineSeparator();

    @Test
    void skipping() {
        assertThat(GoalMessages.skipping("check", "devcontainer-cache.skipCheck"))
                .isEqualTo("Skipping devcontainer-cache:check because devcontainer-cache.skipCheck = true.");
    }

    @Test
    void noEngineSkipping() {
        assertThat(GoalMessages.noEngineSkipping("check", "No container engine answered.")).isEqualTo(
                "No container engine answered." + NL
                        + "Skipping devcontainer-cache:check because devcontainer-cache.failIfNoEngine = false.");
    }
}
