package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.preload.HubClient.HubFile;
import io.github.devcontainercache.preload.HubClient.Snapshot;
import io.github.devcontainercache.preload.PreloadItem.HubRepository;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HubClientTest {

    private static final String SHA1 = "ce013625030ba8dba906f756967f9e9ca394464a";
    private static final String SHA256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
    private static final byte[] CONFIG = "{\"model_type\":\"whisper\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODEL = LoopbackServer.bytes(50_000, 1);
    private static final byte[] VOCABULARY = "a\nb\nc\n".getBytes(StandardCharsets.UTF_8);

    private FakeHub hub;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub().small("config.json", CONFIG).large("model.bin", MODEL).small("vocabulary.txt", VOCABULARY);
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private HubClient client(String token) {
        return new HubClient(LoopbackServer.fetcher(0), hub.endpoint(), token);
    }

    private static HubRepository repository(String revision, String... patterns) {
        return new HubRepository(FakeHub.REPOSITORY, revision, List.of(patterns));
    }

    // ---- ETags ------------------------------------------------------------------------------------------

    @Test
    void anEtagLosesItsQuotesAndItsWeakMark() {
        assertThat(HubClient.etag("\"" + SHA1 + "\"")).isEqualTo(SHA1);
        assertThat(HubClient.etag("W/\"" + SHA1 + "\"")).isEqualTo(SHA1);
        assertThat(HubClient.etag(" \"" + SHA256 + "\" ")).isEqualTo(SHA256);
        assertThat(HubClient.etag(SHA256)).isEqualTo(SHA256);
    }

    @Test
    void anEtagThatIsNoGitBlobIdNorSha256IsNone() {
        for (String header : new String[] {"\"abc\"", "W/\"1234-5678\"", "\"" + SHA1.toUpperCase() + "\"",
                "\"" + SHA1 + "0\"", "\"" + SHA256.substring(1) + "\"", "\"../../etc/passwd\"", "\"\"",
                "\"" + SHA1 + "/x\""}) {
            assertThat(HubClient.etag(header)).as(header).isNull();
        }
        assertThat(HubClient.etag(null)).isNull();
        assertThat(HubClient.etag("  ")).isNull();
    }

    // ---- a snapshot ---------------------------------------------------------------------------------------

    @Test
    void aSnapshotIsTheCommitAndEachFileWithWhatItMustBe() throws IOException {
        Snapshot snapshot = client(null).snapshot(repository("main"));

        assertThat(snapshot.commit()).isEqualTo(FakeHub.COMMIT);
        URI resolve = hub.server.uri("/org/name/resolve/" + FakeHub.COMMIT + "/");
        assertThat(snapshot.files()).containsExactly(
                new HubFile("config.json", LoopbackServer.gitBlob(CONFIG), CONFIG.length, false,
                        resolve.resolve("config.json")),
                new HubFile("model.bin", LoopbackServer.sha256(MODEL), MODEL.length, true,
                        resolve.resolve("model.bin")),
                new HubFile("vocabulary.txt", LoopbackServer.gitBlob(VOCABULARY), VOCABULARY.length, false,
                        resolve.resolve("vocabulary.txt")));
    }

    @Test
    void theMetadataOfALargeFileIsReadFromTheRedirectWhichIsNotFollowed() throws IOException {
        client(null).snapshot(repository("main"));

        assertThat(hub.requestsTo("/cdn/")).isEmpty();
        assertThat(hub.requestsTo("/org/name/resolve/")).containsExactly(
                "HEAD /org/name/resolve/" + FakeHub.COMMIT + "/config.json",
                "HEAD /org/name/resolve/" + FakeHub.COMMIT + "/model.bin",
                "HEAD /org/name/resolve/" + FakeHub.COMMIT + "/vocabulary.txt");
    }

    @Test
    void onlyTheFilesThePatternsWantAreAskedFor() throws IOException {
        Snapshot snapshot = client(null).snapshot(repository("main", "*.bin", "config.*"));

        assertThat(snapshot.files()).extracting(HubFile::name).containsExactly("config.json", "model.bin");
        assertThat(hub.requestsTo("/org/name/resolve/")).hasSize(2);
    }

    @Test
    void theRevisionIsOneSegmentOfTheApisPath() throws IOException {
        client(null).snapshot(repository("refs/pr/1"));

        assertThat(hub.requestsTo("/api/")).containsExactly("GET /api/models/org/name/revision/refs%2Fpr%2F1");
    }

    @Test
    void theTokenGoesToTheHubsHost() throws IOException {
        HubClient client = client("  hf_secret ");
        client.snapshot(repository("main"));

        assertThat(client.token().origin().getHost()).isEqualTo("127.0.0.1");
        assertThat(hub.requests()).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer hf_secret"));
        assertThat(client.token().toString()).startsWith("token for http://127.0.0.1:").doesNotContain("hf_secret");
    }

    @Test
    void noTokenIsNoAuthorization() throws IOException {
        HubClient client = client(" ");
        client.snapshot(repository("main"));

        assertThat(client.token()).isNull();
        assertThat(hub.requests()).allSatisfy(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void anEndpointWithATrailingSlashIsTheSameEndpoint() throws IOException {
        HubClient client = new HubClient(LoopbackServer.fetcher(0), hub.server.uri("/"), null);

        assertThat(client.snapshot(repository("main")).files()).hasSize(3);
        assertThat(hub.requestsTo("/api/")).containsExactly("GET /api/models/org/name/revision/main");
    }

    @Test
    void aFileServedFromAnotherCommitIsRefused() {
        hub.repoCommit = "f".repeat(40);

        assertThatThrownBy(() -> client(null).snapshot(repository("main")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("config.json is served from the commit " + "f".repeat(40));
    }

    @Test
    void aFileWithoutEtagIsRefused() {
        hub.etags = false;

        assertThatThrownBy(() -> client(null).snapshot(repository("main", "config.json")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("the hub sent no ETag or size for hf:org/name@main:config.json's config.json");
    }

    @Test
    void patternsThatMatchNothingAreRefused() {
        assertThatThrownBy(() -> client(null).snapshot(repository("main", "*.safetensors")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has no file that its patterns match");
    }

    @Test
    void aFileNameThatLeavesTheCacheIsRefused() {
        hub.apiAnswer = "{\"sha\":\"" + FakeHub.COMMIT + "\",\"siblings\":[{\"rfilename\":\"../../evil\"}]}";

        assertThatThrownBy(() -> client(null).snapshot(repository("main")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("lists the file '../../evil', which cannot be written safely");
        assertThat(hub.requestsTo("/org/")).isEmpty();
    }

    @Test
    void anAnswerWithoutACommitIsRefused() {
        hub.apiAnswer = "{\"sha\":\"main\",\"siblings\":[{\"rfilename\":\"config.json\"}]}";

        assertThatThrownBy(() -> client(null).snapshot(repository("main")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no commit in its \"sha\"");
    }

    @Test
    void anAnswerThatIsNotJsonIsRefused() {
        hub.apiAnswer = "<html>a login page</html>";

        assertThatThrownBy(() -> client(null).snapshot(repository("main")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("cannot be read")
                .hasMessageContaining("is the Hugging Face endpoint a hub?");
    }

    @Test
    void anUnknownRepositoryIsA404() {
        assertThatThrownBy(() -> client(null).snapshot(new HubRepository("org/other", "main", List.of())))
                .isInstanceOf(Fetcher.HttpStatusException.class)
                .hasMessageContaining("HTTP 404");
    }
}
