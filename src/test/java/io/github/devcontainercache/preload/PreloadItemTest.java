package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.preload.PreloadItem.HubRepository;
import io.github.devcontainercache.preload.PreloadItem.InvalidItem;
import io.github.devcontainercache.preload.PreloadItem.PlainFile;
import io.github.devcontainercache.preload.PreloadItem.WhisperModel;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class PreloadItemTest {

    private static final String SHA = "a".repeat(64);

    // ---- whisper:NAME ---------------------------------------------------------------------------------

    @Test
    void aWhisperModelIsNamedAsWhisperLoadModelNamesIt() throws InvalidItem {
        assertThat(PreloadItem.parse("whisper:base")).isEqualTo(new WhisperModel("base"));
        assertThat(PreloadItem.parse("whisper:turbo")).isEqualTo(new WhisperModel("turbo"));
        assertThat(PreloadItem.parse("  whisper:large-v3  ")).isEqualTo(new WhisperModel("large-v3"));
        assertThat(PreloadItem.parse("whisper:base").describe()).isEqualTo("whisper:base");
    }

    @Test
    void aWhisperModelsNameIsReadInLowerCase() throws InvalidItem {
        assertThat(PreloadItem.parse("whisper:Base.EN")).isEqualTo(new WhisperModel("base.en"));
    }

    @Test
    void anUnknownWhisperModelIsRefusedWithTheNamesThatAreKnown() {
        assertThatThrownBy(() -> PreloadItem.parse("whisper:huge"))
                .isInstanceOf(InvalidItem.class)
                .hasMessageContaining("'whisper:huge'")
                .hasMessageContaining("tiny.en, tiny, base.en, base, small.en, small")
                .hasMessageContaining("large-v3-turbo")
                .hasMessageContaining("turbo");
        assertThatThrownBy(() -> PreloadItem.parse("whisper:")).isInstanceOf(InvalidItem.class);
        assertThatThrownBy(() -> PreloadItem.parse("whisper:base.pt")).isInstanceOf(InvalidItem.class);
    }

    // ---- hf:ORG/NAME[@REVISION][:PATTERNS] --------------------------------------------------------------

    @Test
    void aHubRepositoryIsAtMainWithEveryFileWhenNothingElseIsSaid() throws InvalidItem {
        PreloadItem item = PreloadItem.parse("hf:Systran/faster-whisper-base");

        assertThat(item).isEqualTo(new HubRepository("Systran/faster-whisper-base", "main", List.of()));
        assertThat(item.describe()).isEqualTo("hf:Systran/faster-whisper-base@main");
    }

    @Test
    void aHubRepositoryMayNameItsRevision() throws InvalidItem {
        assertThat(PreloadItem.parse("hf:org/name@v1.0"))
                .isEqualTo(new HubRepository("org/name", "v1.0", List.of()));
        assertThat(PreloadItem.parse("hf:org/name@refs/pr/1"))
                .isEqualTo(new HubRepository("org/name", "refs/pr/1", List.of()));
        String commit = "0123456789abcdef0123456789abcdef01234567";
        assertThat(PreloadItem.parse("hf:org/name@" + commit))
                .isEqualTo(new HubRepository("org/name", commit, List.of()));
    }

    @Test
    void aHubRepositoryMayNameItsFilesByPatterns() throws InvalidItem {
        PreloadItem item = PreloadItem.parse("hf:org/name@rev:a.bin;config.json");

        assertThat(item).isEqualTo(new HubRepository("org/name", "rev", List.of("a.bin", "config.json")));
        assertThat(item.describe()).isEqualTo("hf:org/name@rev:a.bin;config.json");
    }

    @Test
    void patternsWithoutARevisionAreAtMainAndEmptyPatternsAreDropped() throws InvalidItem {
        assertThat(PreloadItem.parse("hf:org/name: a.bin ;; config.json;"))
                .isEqualTo(new HubRepository("org/name", "main", List.of("a.bin", "config.json")));
    }

    @Test
    void aBadRepositoryIsRefused() {
        for (String item : new String[] {"hf:../x", "hf:a", "hf:", "hf:org/", "hf:/name", "hf:org/name/more",
                "hf:org/..", "hf:org/na..me", "hf:org/na--me", "hf:-org/name", "hf:org name/x"}) {
            assertThatThrownBy(() -> PreloadItem.parse(item)).as(item)
                    .isInstanceOf(InvalidItem.class)
                    .hasMessageContaining("'" + item + "'")
                    .hasMessageContaining("does not name a Hugging Face repository");
        }
    }

    @Test
    void aBadRevisionIsRefused() {
        for (String revision : new String[] {"", "..", "v1/../main", "-x", "a b", "/main", "ma$in"}) {
            String item = "hf:org/name@" + revision;
            assertThatThrownBy(() -> PreloadItem.parse(item)).as(item)
                    .isInstanceOf(InvalidItem.class)
                    .hasMessageContaining("the revision '" + revision + "'");
        }
    }

    @Test
    void anUnknownPrefixIsRefused() {
        for (String item : new String[] {"pip:numpy", "Systran/faster-whisper-base", "", "WHISPER:base", "hf"}) {
            assertThatThrownBy(() -> PreloadItem.parse(item)).as(item)
                    .isInstanceOf(InvalidItem.class)
                    .hasMessageContaining("is not something preload knows");
        }
        assertThatThrownBy(() -> PreloadItem.parse(null)).isInstanceOf(InvalidItem.class);
    }

    @Test
    void aRepositoryWantsTheFilesItsGlobsMatch() {
        HubRepository repository = new HubRepository("org/name", "main", List.of("vocabulary.*", "model.bin", "?.txt"));

        assertThat(repository.wants("vocabulary.json")).isTrue();
        assertThat(repository.wants("vocabulary.txt")).isTrue();
        assertThat(repository.wants("vocabulary")).isFalse();
        assertThat(repository.wants("model.bin")).isTrue();
        assertThat(repository.wants("modelxbin")).as("a dot is a dot").isFalse();
        assertThat(repository.wants("a.txt")).isTrue();
        assertThat(repository.wants("ab.txt")).isFalse();
        assertThat(repository.wants("config.json")).isFalse();
    }

    @Test
    void aRepositoryWithoutPatternsWantsEveryFile() {
        HubRepository repository = new HubRepository("org/name", "main", List.of());

        assertThat(repository.wants("config.json")).isTrue();
        assertThat(repository.wants("sub/model.bin")).isTrue();
    }

    @Test
    void aGlobsOtherCharactersAreTakenLiterally() {
        HubRepository repository = new HubRepository("org/name", "main", List.of("a+b(1).[x]"));

        assertThat(repository.wants("a+b(1).[x]")).isTrue();
        assertThat(repository.wants("aab(1).x")).isFalse();
    }

    @Test
    void aRepositorysFolderIsTheHubsCacheFolder() {
        assertThat(new HubRepository("org/name", "main", List.of()).folder()).isEqualTo("models--org--name");
        assertThat(new HubRepository("Systran/faster-whisper-base", "main", List.of()).folder())
                .isEqualTo("models--Systran--faster-whisper-base");
    }

    // ---- <file> -------------------------------------------------------------------------------------------

    @Test
    void aFileIsItsUrlItsSha256AndItsPath() throws InvalidItem {
        PlainFile file = PreloadItem.file(" https://example.com/models/x.bin ", SHA.toUpperCase(), " models/x.bin ");

        assertThat(file).isEqualTo(new PlainFile(URI.create("https://example.com/models/x.bin"), SHA, "models/x.bin"));
        assertThat(file.describe()).isEqualTo("models/x.bin (https://example.com/models/x.bin)");
    }

    @Test
    void aFileWithoutAPathIsSavedUnderItsUrlsLastSegment() throws InvalidItem {
        assertThat(PreloadItem.file("http://example.com/a/b/weights.bin?download=1", SHA, null).path())
                .isEqualTo("weights.bin");
        assertThat(PreloadItem.file("http://example.com/a/b/weights.bin", SHA, "  ").path()).isEqualTo("weights.bin");
    }

    @Test
    void aFileWhoseUrlHasNoFileNameNeedsAPath() {
        assertThatThrownBy(() -> PreloadItem.file("https://example.com/", SHA, null))
                .isInstanceOf(InvalidItem.class)
                .hasMessageContaining("the <path> ''");
    }

    @Test
    void aFileNeedsAnHttpUrlWithAHost() {
        for (String url : new String[] {"ftp://example.com/x.bin", "file:///etc/passwd", "http:///x.bin",
                "https:x.bin", "example.com/x.bin", "http://exa mple.com/x.bin", ""}) {
            assertThatThrownBy(() -> PreloadItem.file(url, SHA, "x.bin")).as(url)
                    .isInstanceOf(InvalidItem.class)
                    .hasMessageContaining("is not an http:// or https:// URL with a host");
        }
        assertThatThrownBy(() -> PreloadItem.file(null, SHA, "x.bin")).isInstanceOf(InvalidItem.class);
    }

    @Test
    void aFileNeedsASha256() {
        assertThatThrownBy(() -> PreloadItem.file("https://example.com/x.bin", null, "x.bin"))
                .isInstanceOf(InvalidItem.class)
                .hasMessageContaining("no <sha256>");
        assertThatThrownBy(() -> PreloadItem.file("https://example.com/x.bin", " ", "x.bin"))
                .isInstanceOf(InvalidItem.class)
                .hasMessageContaining("no <sha256>");
        assertThatThrownBy(() -> PreloadItem.file("https://example.com/x.bin", "abc123", "x.bin"))
                .isInstanceOf(InvalidItem.class)
                .hasMessageContaining("the <sha256> 'abc123', which is not 64 hexadecimal digits");
        assertThatThrownBy(() -> PreloadItem.file("https://example.com/x.bin", "g".repeat(64), "x.bin"))
                .isInstanceOf(InvalidItem.class);
        assertThatThrownBy(() -> PreloadItem.file("https://example.com/x.bin", SHA + "a", "x.bin"))
                .isInstanceOf(InvalidItem.class);
    }

    @Test
    void aFilesPathMustStayInsideTheCache() {
        for (String path : new String[] {"../x", "/abs", "a/../../x", "a/./x", "a//x", "a/"}) {
            assertThatThrownBy(() -> PreloadItem.file("https://example.com/x.bin", SHA, path)).as(path)
                    .isInstanceOf(InvalidItem.class)
                    .hasMessageContaining("the <path> '" + path + "'");
        }
    }

    @Test
    void aFileUrlWithCredentialsIsRefusedWithoutPrintingThem() {
        assertThatThrownBy(() -> PreloadItem.file("https://user:secret@files.example/x.bin", "a".repeat(64), null))
                .isInstanceOf(PreloadItem.InvalidItem.class)
                .hasMessageContaining("holds credentials")
                .hasMessageNotContaining("secret");
    }

    @Test
    void aFileIsDescribedWithoutTheQueryOfItsUrl() throws Exception {
        PreloadItem.PlainFile file = PreloadItem.file("https://files.example/x.bin?sig=abc", "a".repeat(64), null);

        assertThat(file.describe()).isEqualTo("x.bin (https://files.example/x.bin?…)");
    }
}
