package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.content.ModelCatalog;
import io.github.devcontainercache.content.ModelCatalog.KnownModel;
import java.net.URI;
import org.junit.jupiter.api.Test;

class WhisperCatalogueTest {

    /** The keys of openai-whisper's {@code _MODELS}, in its order. */
    private static final String[] MODELS = {"tiny.en", "tiny", "base.en", "base", "small.en", "small", "medium.en",
        "medium", "large-v1", "large-v2", "large-v3", "large", "large-v3-turbo", "turbo"};

    @Test
    void everyNameWhisperLoadModelKnowsResolves() {
        for (String name : MODELS) {
            assertThat(WhisperCatalogue.find(name)).as(name).hasValueSatisfying(model -> {
                assertThat(model.sha256()).matches("[0-9a-f]{64}");
                assertThat(model.file()).endsWith(".pt");
            });
        }
        assertThat(WhisperCatalogue.names()).containsExactlyInAnyOrder(MODELS);
    }

    @Test
    void eachPlainNameSavesItsOwnFile() {
        for (String name : MODELS) {
            if (!name.equals("large") && !name.equals("turbo")) {
                assertThat(WhisperCatalogue.find(name).orElseThrow().file()).as(name).isEqualTo(name + ".pt");
            }
        }
    }

    @Test
    void theAliasesShareTheirModelsFile() {
        assertThat(WhisperCatalogue.find("large").orElseThrow().file()).isEqualTo("large-v3.pt");
        assertThat(WhisperCatalogue.find("large")).isEqualTo(WhisperCatalogue.find("large-v3"));
        assertThat(WhisperCatalogue.find("turbo").orElseThrow().file()).isEqualTo("large-v3-turbo.pt");
        assertThat(WhisperCatalogue.find("turbo")).isEqualTo(WhisperCatalogue.find("large-v3-turbo"));
    }

    @Test
    void theyAreTheCataloguesModels() {
        assertThat(WhisperCatalogue.find("tiny")).isEqualTo(ModelCatalog.whisper().byFile("tiny.pt"));
        assertThat(WhisperCatalogue.find("base").orElseThrow().sha256())
                .isEqualTo("ed3a0b6b1c0edf879ad9b11b1af5a0e6ab5db9205f891f668f8b0e6c6326e34e");
    }

    @Test
    void otherNamesAreNotKnown() {
        for (String name : new String[] {"", "huge", "base.pt", "Base", "large-v4", "large.pt"}) {
            assertThat(WhisperCatalogue.find(name)).as(name).isEmpty();
        }
    }

    @Test
    void theUrlIsTheBaseTheSha256AndTheFile() {
        KnownModel model = new KnownModel("tiny", "tiny.pt", "b".repeat(64), 1);
        URI expected = URI.create("https://mirror.example/whisper/models/" + "b".repeat(64) + "/tiny.pt");

        assertThat(WhisperCatalogue.url("https://mirror.example/whisper/models", model)).isEqualTo(expected);
        assertThat(WhisperCatalogue.url("https://mirror.example/whisper/models/", model)).isEqualTo(expected);
    }

    @Test
    void theDefaultBaseIsWhispersOwn() {
        KnownModel base = WhisperCatalogue.find("base").orElseThrow();
        assertThat(WhisperCatalogue.url(Preloader.WHISPER_BASE_URL, base)).hasToString(
                "https://openaipublic.azureedge.net/main/whisper/models/"
                        + "ed3a0b6b1c0edf879ad9b11b1af5a0e6ab5db9205f891f668f8b0e6c6326e34e/base.pt");
    }
}
