package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.content.ModelCatalog.KnownModel;
import org.junit.jupiter.api.Test;

class ModelCatalogTest {

    @Test
    void knowsTinyByItsFileWithWhispersOwnSha256AndSize() {
        assertThat(ModelCatalog.whisper().byFile("tiny.pt")).contains(new KnownModel("tiny", "tiny.pt",
                "65147644a518d12f04e32d6f3b26facc3f8dd46e5390956a9424a650c0ce22b9", 75572083));
    }

    @Test
    void aModelWhoseSizeIsNotKnownExactlyHasSizeMinusOne() {
        assertThat(ModelCatalog.whisper().byFile("large-v3-turbo.pt")).hasValueSatisfying(model -> {
            assertThat(model.sizeBytes()).isEqualTo(-1);
            assertThat(model.model()).isEqualTo("large-v3-turbo");
            assertThat(model.sha256()).isEqualTo("aff26ae408abcba5fbf8813c21e62b0941638c5f6eebfb145be0c9839262a19a");
        });
    }

    @Test
    void knowsTheOldLargeFileAsLargeV1() {
        assertThat(ModelCatalog.whisper().byFile("large.pt")).hasValueSatisfying(model -> {
            assertThat(model.sha256()).isEqualTo("e4b87e7e0bf463eb8e6956e646f1e277e901512310def2c24bf0e11bd3c28e9a");
            assertThat(model.sizeBytes()).isEqualTo(3086999982L);
        });
        assertThat(ModelCatalog.whisper().byFile("large-v1.pt").orElseThrow().sha256())
                .isEqualTo(ModelCatalog.whisper().byFile("large.pt").orElseThrow().sha256());
    }

    @Test
    void everyKnownFileHasALowerCaseSha256() {
        for (String file : new String[] {"tiny.en.pt", "tiny.pt", "base.en.pt", "base.pt", "small.en.pt", "small.pt",
                "medium.en.pt", "medium.pt", "large-v1.pt", "large-v2.pt", "large-v3.pt", "large-v3-turbo.pt",
                "large.pt"}) {
            assertThat(ModelCatalog.whisper().byFile(file)).as(file)
                    .hasValueSatisfying(model -> assertThat(model.sha256()).matches("[0-9a-f]{64}"));
        }
    }

    @Test
    void doesNotKnowOtherFilesNorModelNames() {
        assertThat(ModelCatalog.whisper().byFile("tiny")).isEmpty();
        assertThat(ModelCatalog.whisper().byFile("model")).isEmpty();
        assertThat(ModelCatalog.whisper().byFile("file")).isEmpty();
        assertThat(ModelCatalog.whisper().byFile("huge.pt")).isEmpty();
        assertThat(ModelCatalog.whisper().byFile("TINY.PT")).isEmpty();
    }

    @Test
    void parseSkipsCommentsTheHeaderBlankAndShortLines() {
        ModelCatalog catalog = ModelCatalog.parse("""
                # a comment\tmodel\tfile\tsha\t1
                model\tfile\tsha256\tbytes

                one\tone.pt\t%s\t10
                too short\tline
                two\ttwo.pt\t %s \t
                alias\tone.pt\t%s\t99
                three\tthree.pt\t%s\t 30\t extra column
                """.formatted("a".repeat(64), "b".repeat(64), "c".repeat(64), "d".repeat(64)));

        assertThat(catalog.byFile("one.pt")).contains(new KnownModel("one", "one.pt", "a".repeat(64), 10));
        assertThat(catalog.byFile("two.pt")).contains(new KnownModel("two", "two.pt", "b".repeat(64), -1));
        assertThat(catalog.byFile("three.pt")).contains(new KnownModel("three", "three.pt", "d".repeat(64), 30));
        assertThat(catalog.byFile("file")).isEmpty();
        assertThat(catalog.byFile("sha")).isEmpty();
        assertThat(catalog.byFile("line")).isEmpty();
    }

    @Test
    void parseOfNothingKnowsNothing() {
        assertThat(ModelCatalog.parse("").byFile("tiny.pt")).isEmpty();
        assertThat(ModelCatalog.parse("# only\n\n").byFile("tiny.pt")).isEmpty();
    }
}
