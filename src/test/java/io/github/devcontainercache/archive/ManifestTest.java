package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ManifestTest {

    private static final String SHA_A = "a".repeat(64);
    private static final String SHA_B = "0123456789abcdef".repeat(4);

    private static Manifest sample() {
        Map<String, Manifest.FileDigest> files = new LinkedHashMap<>();
        files.put("models/tiny.pt", new Manifest.FileDigest(75_572_083L, SHA_A));
        files.put("a.txt", new Manifest.FileDigest(0, SHA_B));
        files.put("deep/ü ñ/with space.bin", new Manifest.FileDigest(5_000_000_000L, SHA_B));
        return new Manifest("1.2.3", "radio-whisper-cache", "whisper",
                Map.of("io.github.devcontainer-cache.managed", "true", "team", "radio"),
                "2024-05-06T07:08:09Z", 7, 5_075_572_083L, files);
    }

    private static byte[] json(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void roundTripsThroughJson() throws IOException {
        Manifest manifest = sample();

        Manifest parsed = Manifest.parse(manifest.toJson());

        assertThat(parsed).isEqualTo(manifest);
        assertThat(parsed.labels()).containsExactlyInAnyOrderEntriesOf(manifest.labels());
        assertThat(parsed.files()).containsExactlyEntriesOf(manifest.files()); // in order
        assertThat(parsed.files().get("deep/ü ñ/with space.bin"))
                .isEqualTo(new Manifest.FileDigest(5_000_000_000L, SHA_B));
        assertThat(parsed.entries()).isEqualTo(7);
        assertThat(parsed.totalBytes()).isEqualTo(5_075_572_083L);
        assertThat(parsed.volume()).isEqualTo("radio-whisper-cache");
        assertThat(parsed.kind()).isEqualTo("whisper");
        assertThat(parsed.pluginVersion()).isEqualTo("1.2.3");
        assertThat(parsed.created()).isEqualTo("2024-05-06T07:08:09Z");
    }

    @Test
    void roundTripsAnEmptyCache() throws IOException {
        Manifest empty = new Manifest("1", "empty-cache", "generic", Map.of(), "2024-01-01T00:00:00Z", 1, 0, Map.of());

        assertThat(Manifest.parse(empty.toJson())).isEqualTo(empty);
    }

    @Test
    void writesTheDocumentedFields() {
        String text = new String(sample().toJson(), StandardCharsets.UTF_8);

        assertThat(text).contains("\"format\" : 1", "\"volume\" : \"radio-whisper-cache\"", "\"totalBytes\" : 5075572083",
                "\"path\" : \"models/tiny.pt\"", "\"size\" : 75572083", "\"sha256\" : \"" + SHA_A + "\"");
        // labels are written sorted, whatever the map's order
        assertThat(text.indexOf("\"io.github.devcontainer-cache.managed\"")).isLessThan(text.indexOf("\"team\""));
    }

    @Test
    void defaultsWhatAnOlderManifestLacks() throws IOException {
        Manifest parsed = Manifest.parse(json("{\"volume\":\"v\"}"));

        assertThat(parsed.kind()).isEqualTo("generic");
        assertThat(parsed.labels()).isEmpty();
        assertThat(parsed.files()).isEmpty();
        assertThat(parsed.pluginVersion()).isEmpty();
    }

    @Test
    void theManifestIsUnmodifiable() {
        Manifest manifest = sample();

        assertThatThrownBy(() -> manifest.files().put("x", new Manifest.FileDigest(1, SHA_A)))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> manifest.labels().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
    }

    @ParameterizedTest(name = "''{0}''")
    @ValueSource(strings = {"[]", "[{\"volume\":\"v\"}]", "\"v\"", "42", "null", ""})
    void refusesWhatIsNotAnObject(String text) {
        assertThatThrownBy(() -> Manifest.parse(json(text)))
                .isInstanceOf(IOException.class)
                .hasMessage("the manifest is not a JSON object");
    }

    @Test
    void refusesWhatIsNotJson() {
        assertThatThrownBy(() -> Manifest.parse(json("this is no manifest"))).isInstanceOf(IOException.class);
    }

    @Test
    void refusesAFileWithoutSha256() {
        String file = "{\"path\":\"a.txt\",\"size\":3}";

        assertThatThrownBy(() -> Manifest.parse(json("{\"volume\":\"v\",\"files\":[" + file + "]}")))
                .isInstanceOf(IOException.class)
                .hasMessage("the manifest lists a file without path, size or SHA-256: " + file);
    }

    @ParameterizedTest(name = "sha256 {0}")
    @ValueSource(strings = {
        "\"abc\"",
        "\"AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\"", // upper case
        "\"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\"", // 65 digits
        "\"gggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg\"", // not hex
        "\"\"", "null", "12"
    })
    void refusesABadSha256(String sha) {
        String file = "{\"path\":\"a.txt\",\"size\":3,\"sha256\":" + sha + "}";

        assertThatThrownBy(() -> Manifest.parse(json("{\"volume\":\"v\",\"files\":[" + file + "]}")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the manifest lists a file without path, size or SHA-256: ")
                .hasMessageContaining("a.txt");
    }

    @Test
    void refusesAFileWithoutPathOrSize() {
        assertThatThrownBy(() -> Manifest.parse(json(
                        "{\"volume\":\"v\",\"files\":[{\"size\":3,\"sha256\":\"" + SHA_A + "\"}]}")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the manifest lists a file without path, size or SHA-256: ");
        assertThatThrownBy(() -> Manifest.parse(json(
                        "{\"volume\":\"v\",\"files\":[{\"path\":\"a\",\"size\":\"big\",\"sha256\":\"" + SHA_A + "\"}]}")))
                .isInstanceOf(IOException.class)
                .hasMessageStartingWith("the manifest lists a file without path, size or SHA-256: ");
    }

    @Test
    void refusesADuplicatePath() {
        String file = "{\"path\":\"a.txt\",\"size\":3,\"sha256\":\"" + SHA_A + "\"}";

        assertThatThrownBy(() -> Manifest.parse(json("{\"volume\":\"v\",\"files\":[" + file + "," + file + "]}")))
                .isInstanceOf(IOException.class)
                .hasMessage("the manifest lists a.txt twice");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{}", "{\"volume\":\"\"}", "{\"volume\":null}", "{\"files\":[]}"})
    void refusesAMissingVolume(String text) {
        assertThatThrownBy(() -> Manifest.parse(json(text)))
                .isInstanceOf(IOException.class)
                .hasMessage("the manifest names no volume");
    }
}
