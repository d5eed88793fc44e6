package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link EngineConnector#toVersion} reads what {@code GET /version} answers, as {@link Json#read} gives it. */
class EngineVersionTest {

    private static Object json(String text) throws Exception {
        return Json.read(text);
    }

    @Test
    void dockerAnswerIsDockerEngine() throws Exception {
        Object answer = json("""
                {"Platform":{"Name":"Docker Engine - Community"},
                 "Components":[
                   {"Name":"Engine","Version":"24.0.7","Details":{"ApiVersion":"1.43"}},
                   {"Name":"containerd","Version":"1.6.25"},
                   {"Name":"runc","Version":"1.1.10"}],
                 "Version":"24.0.7","ApiVersion":"1.43","MinAPIVersion":"1.12","Os":"linux"}
                """);

        EngineVersion version = EngineConnector.toVersion(answer);

        assertThat(version).isEqualTo(new EngineVersion("Docker Engine", "24.0.7", "1.43"));
        assertThat(version.isPodman()).isFalse();
    }

    @Test
    void podmanAnswerIsPodmanEngine() throws Exception {
        Object answer = json("""
                {"Platform":{"Name":"linux/amd64/debian-12"},
                 "Components":[
                   {"Name":"Podman Engine","Version":"4.3.1","Details":{"APIVersion":"4.3.1"}},
                   {"Name":"Conmon","Version":"conmon version 2.1.6"}],
                 "Version":"4.3.1","ApiVersion":"1.41","MinAPIVersion":"1.24"}
                """);

        EngineVersion version = EngineConnector.toVersion(answer);

        assertThat(version).isEqualTo(new EngineVersion("Podman Engine", "4.3.1", "1.41"));
        assertThat(version.isPodman()).isTrue();
    }

    @Test
    void answerWithoutFieldsIsAnUnknownDockerEngine() throws Exception {
        EngineVersion version = EngineConnector.toVersion(json("{}"));

        assertThat(version).isEqualTo(new EngineVersion("Docker Engine", "unknown", "unknown"));
    }

    @Test
    void isPodmanIgnoresCase() {
        assertThat(new EngineVersion("podman", "5.0.0", "1.41").isPodman()).isTrue();
        assertThat(new EngineVersion("Docker Engine", "27.0.1", "1.46").isPodman()).isFalse();
    }
}
