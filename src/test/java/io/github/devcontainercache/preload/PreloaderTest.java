package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ModelCatalog;
import io.github.devcontainercache.preload.Preloader.Options;
import io.github.devcontainercache.preload.Preloader.PreloadException;
import io.github.devcontainercache.preload.Preloader.Result;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreloaderTest {

    private static final byte[] CONFIG = "{\"model_type\":\"whisper\"}\n".getBytes(StandardCharsets.UTF_8);
    private static final byte[] MODEL = LoopbackServer.bytes(200_000, 7);
    private static final String CONFIG_ETAG = LoopbackServer.gitBlob(CONFIG);
    private static final String MODEL_ETAG = LoopbackServer.sha256(MODEL);
    private static final String COMMIT = FakeHub.COMMIT;
    /** Nothing listens there: a request would fail at once. */
    private static final URI NOWHERE = URI.create("http://127.0.0.1:1");

    @TempDir
    Path root;

    private FakeHub hub;
    private CacheFiles files;

    @BeforeEach
    void start() throws IOException {
        hub = new FakeHub().small("config.json", CONFIG).large("model.bin", MODEL);
        files = Preloader.onMountPoint(root, new Owner((Integer) Files.getAttribute(root, "unix:uid"),
                (Integer) Files.getAttribute(root, "unix:gid")));
    }

    @AfterEach
    void stop() {
        hub.close();
    }

    private Preloader preloader(URI hubEndpoint, String whisperBase, String token, boolean offline) {
        return new Preloader(LoopbackServer.settings(Duration.ofSeconds(10), 0),
                new Options(whisperBase, hubEndpoint, token, offline), BuildLog.SILENT);
    }

    private Preloader online() {
        return preloader(hub.endpoint(), NOWHERE.toString(), null, false);
    }

    private static List<PreloadItem> items(String... items) throws PreloadException {
        return Preloader.items(List.of(items), List.of());
    }

    // ---- where repositories go ----------------------------------------------------------------------------

    @Test
    void hubRepositoriesGoUnderHubInTheHubsHome() {
        assertThat(Preloader.hubFolder(CacheKind.HUGGINGFACE, "/home/u/.cache/huggingface")).isEqualTo("hub/");
        assertThat(Preloader.hubFolder(CacheKind.HUGGINGFACE, "/home/u/.cache/huggingface/")).isEqualTo("hub/");
        assertThat(Preloader.hubFolder(CacheKind.HUGGINGFACE, null)).isEqualTo("hub/");
    }

    @Test
    void hubRepositoriesGoAtTheRootOfTheHubsOwnFolderAndOfAnyOtherCache() {
        assertThat(Preloader.hubFolder(CacheKind.HUGGINGFACE, "/home/u/.cache/huggingface/hub")).isEmpty();
        assertThat(Preloader.hubFolder(CacheKind.HUGGINGFACE, "/home/u/.cache/huggingface/hub//")).isEmpty();
        assertThat(Preloader.hubFolder(CacheKind.HUGGINGFACE, "C:\\Users\\u\\.cache\\huggingface\\hub")).isEmpty();
        assertThat(Preloader.hubFolder(CacheKind.WHISPER, "/home/u/.cache/whisper")).isEmpty();
        assertThat(Preloader.hubFolder(CacheKind.GENERIC, "/models/faster-whisper")).isEmpty();
    }

    // ---- what to preload ------------------------------------------------------------------------------------

    @Test
    void itemsAreTheModelsAndTheFiles() throws PreloadException {
        List<PreloadItem> items = Preloader.items(List.of("whisper:base", "hf:org/name"),
                List.<String[]>of(new String[] {"https://example.com/x.bin", "a".repeat(64), "models/x.bin"}));

        assertThat(items).extracting(PreloadItem::describe)
                .containsExactly("whisper:base", "hf:org/name@main", "models/x.bin (https://example.com/x.bin)");
    }

    @Test
    void everyRefusedItemIsSaidTogether() {
        assertThatThrownBy(() -> Preloader.items(List.of("whisper:huge", "hf:a", "whisper:base"),
                        List.<String[]>of(new String[] {"ftp://example.com/x.bin", "a".repeat(64), null})))
                .isInstanceOf(PreloadException.class)
                .hasMessageStartingWith("What to preload cannot be read:")
                .hasMessageContaining("'whisper:huge'")
                .hasMessageContaining("'hf:a'")
                .hasMessageContaining("ftp://example.com/x.bin")
                .hasMessageNotContaining("'whisper:base'");
    }

    // ---- a Hugging Face repository ----------------------------------------------------------------------

    @Test
    void aRepositoryIsPutInTheHubsLayout() throws Exception {
        Result result = online().preload("hf-cache", items("hf:org/name"), files, "");

        assertThat(result).isEqualTo(new Result(2, 0, CONFIG.length + MODEL.length));
        Path repository = root.resolve("models--org--name");
        assertThat(repository.resolve("blobs/" + CONFIG_ETAG)).hasBinaryContent(CONFIG);
        assertThat(repository.resolve("blobs/" + MODEL_ETAG)).hasBinaryContent(MODEL);
        Path snapshot = repository.resolve("snapshots/" + COMMIT);
        assertThat(Files.isSymbolicLink(snapshot.resolve("config.json"))).isTrue();
        assertThat(Files.readSymbolicLink(snapshot.resolve("config.json")))
                .isEqualTo(Path.of("../../blobs/" + CONFIG_ETAG));
        assertThat(Files.readSymbolicLink(snapshot.resolve("model.bin")))
                .isEqualTo(Path.of("../../blobs/" + MODEL_ETAG));
        assertThat(snapshot.resolve("model.bin")).hasBinaryContent(MODEL);
        assertThat(repository.resolve("refs/main")).hasContent(COMMIT);
        try (Stream<Path> all = Files.walk(root)) {
            assertThat(all.map(Path::toString)).noneMatch(p -> p.endsWith(".incomplete") || p.endsWith(".part"));
        }
    }

    @Test
    void theLargeFileComesFromTheCdnTheHubRedirectsTo() throws Exception {
        online().preload("hf-cache", items("hf:org/name"), files, "");

        assertThat(hub.requestsTo("/cdn/")).containsExactly("GET /cdn/model.bin");
        assertThat(hub.requests()).filteredOn(r -> r.path().startsWith("/cdn/"))
                .allSatisfy(r -> assertThat(r.host()).startsWith("localhost:"));
    }

    @Test
    void theTokenGoesToTheHubAndNotToTheCdn() throws Exception {
        preloader(hub.endpoint(), NOWHERE.toString(), "hf_secret", false)
                .preload("hf-cache", items("hf:org/name"), files, "");

        assertThat(hub.requests()).filteredOn(r -> !r.path().startsWith("/cdn/")).isNotEmpty()
                .allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer hf_secret"));
        assertThat(hub.requests()).filteredOn(r -> r.path().startsWith("/cdn/")).singleElement()
                .satisfies(r -> assertThat(r.authorization()).isNull());
    }

    @Test
    void aSecondPreloadDownloadsNothing() throws Exception {
        online().preload("hf-cache", items("hf:org/name"), files, "");
        int requests = hub.requests().size();

        Result again = online().preload("hf-cache", items("hf:org/name"), files, "");

        assertThat(again.downloaded()).isZero();
        assertThat(again).isEqualTo(new Result(0, 2, 0));
        assertThat(hub.requests().subList(requests, hub.requests().size()))
                .noneMatch(r -> r.method().equals("GET") && !r.path().startsWith("/api/"));
    }

    @Test
    void aDamagedBlobIsDownloadedAgain() throws Exception {
        online().preload("hf-cache", items("hf:org/name"), files, "");
        Path blob = root.resolve("models--org--name/blobs/" + MODEL_ETAG);
        byte[] damaged = MODEL.clone();
        damaged[1000] ^= 1;
        Files.write(blob, damaged);

        Result again = online().preload("hf-cache", items("hf:org/name"), files, "");

        assertThat(again).isEqualTo(new Result(1, 1, MODEL.length));
        assertThat(blob).hasBinaryContent(MODEL);
    }

    @Test
    void aRepositoryInTheHubsHomeGoesUnderHub() throws Exception {
        online().preload("hf-cache", items("hf:org/name:config.json"), files, "hub/");

        Path repository = root.resolve("hub/models--org--name");
        assertThat(repository.resolve("snapshots/" + COMMIT + "/config.json")).hasBinaryContent(CONFIG);
        assertThat(repository.resolve("snapshots/" + COMMIT + "/model.bin")).doesNotExist();
        assertThat(repository.resolve("refs/main")).hasContent(COMMIT);
    }

    @Test
    void aFileInAFolderOfTheRepositoryLinksFromDeeperDown() throws Exception {
        byte[] vocabulary = "a\nb\n".getBytes(StandardCharsets.UTF_8);
        hub.small("tokenizer/vocab.txt", vocabulary);

        online().preload("hf-cache", items("hf:org/name:tokenizer/*"), files, "");

        Path link = root.resolve("models--org--name/snapshots/" + COMMIT + "/tokenizer/vocab.txt");
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../../../blobs/" + LoopbackServer.gitBlob(vocabulary)));
        assertThat(link).hasBinaryContent(vocabulary);
    }

    @Test
    void aRepositoryAtACommitHasNoRef() throws Exception {
        online().preload("hf-cache", List.of(new PreloadItem.HubRepository("org/name", COMMIT, List.of())), files, "");

        assertThat(root.resolve("models--org--name/snapshots/" + COMMIT + "/config.json")).exists();
        assertThat(root.resolve("models--org--name/refs")).doesNotExist();
    }

    @Test
    void offlineARepositoryThatIsThereIsPresent() throws Exception {
        online().preload("hf-cache", items("hf:org/name"), files, "");

        int requests = hub.requests().size();

        Result offline = preloader(NOWHERE, NOWHERE.toString(), null, true)
                .preload("hf-cache", items("hf:org/name"), files, "");

        // offline, the snapshot is not compared with the hub: nothing downloaded, nothing asked for
        assertThat(offline.downloaded()).isZero();
        assertThat(offline.bytesDownloaded()).isZero();
        assertThat(hub.requests()).hasSize(requests);
    }

    @Test
    void offlineWhatIsMissingIsRefusedByName() {
        Preloader offline = preloader(NOWHERE, NOWHERE.toString(), null, true);

        assertThatThrownBy(() -> offline.preload("hf-cache", items("hf:org/name", "whisper:tiny"), files, ""))
                .isInstanceOf(PreloadException.class)
                .hasMessageContaining("Maven is offline (-o), and hf-cache lacks what it must hold:")
                .hasMessageContaining("hf:org/name@main (models--org--name)")
                .hasMessageContaining("whisper:tiny (tiny.pt)");
        assertThat(hub.requests()).isEmpty();
        assertThat(root).isEmptyDirectory();
    }

    // ---- Whisper's models and plain files ---------------------------------------------------------------

    @Test
    void aWhisperModelIsAskedForAtItsSha256AndAWrongFileIsNotKept() throws Exception {
        String sha256 = ModelCatalog.whisper().byFile("tiny.pt").orElseThrow().sha256();
        try (LoopbackServer mirror = new LoopbackServer((exchange, index) ->
                LoopbackServer.send(exchange, 200, "not a model"))) {
            Preloader preloader = preloader(NOWHERE, mirror.uri("/whisper/").toString(), null, false);

            assertThatThrownBy(() -> preloader.preload("whisper-cache", items("whisper:tiny"), files, ""))
                    .isInstanceOf(PreloadException.class)
                    .hasMessageContaining("whisper:tiny: ")
                    .hasMessageContaining("is 11 bytes, where it must be 75572083")
                    .hasMessageContaining("Nothing was kept")
                    .cause().isInstanceOf(Download.NotVerified.class);

            assertThat(mirror.requests).extracting(LoopbackServer.Request::path)
                    .containsExactly("/whisper/" + sha256 + "/tiny.pt");
        }
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void aFileIsDownloadedVerifiedAndPutAtItsPath() throws Exception {
        try (LoopbackServer server = new LoopbackServer((exchange, index) ->
                LoopbackServer.serveWithRanges(exchange, MODEL))) {
            List<PreloadItem> items = Preloader.items(List.of(), List.<String[]>of(
                    new String[] {server.uri("/files/weights.bin").toString(), MODEL_ETAG, "models/w.bin"}));

            Result result = online().preload("models", items, files, "");
            Result again = online().preload("models", items, files, "");

            assertThat(result).isEqualTo(new Result(1, 0, MODEL.length));
            assertThat(again).isEqualTo(new Result(0, 1, 0));
            assertThat(root.resolve("models/w.bin")).hasBinaryContent(MODEL);
            assertThat(root.resolve("models/w.bin.part")).doesNotExist();
            assertThat(server.requests).hasSize(1);
        }
    }

    @Test
    void aBrokenDownloadIsKeptAndResumedByTheNextRun() throws Exception {
        int half = MODEL.length / 2;
        try (LoopbackServer server = new LoopbackServer((exchange, index) -> {
            if (index == 0) {
                LoopbackServer.breakOffAfter(exchange, MODEL, half);
            } else {
                LoopbackServer.serveWithRanges(exchange, MODEL);
            }
        })) {
            List<PreloadItem> items = Preloader.items(List.of(), List.<String[]>of(
                    new String[] {server.uri("/w.bin").toString(), MODEL_ETAG, "models/w.bin"}));

            assertThatThrownBy(() -> online().preload("models", items, files, ""))
                    .isInstanceOf(PreloadException.class)
                    .hasMessageContaining("the connection ended after " + half + " of " + MODEL.length + " bytes");
            assertThat(root.resolve("models/w.bin.part")).hasSize(half);
            assertThat(root.resolve("models/w.bin")).doesNotExist();

            Result result = online().preload("models", items, files, "");

            assertThat(result).isEqualTo(new Result(1, 0, MODEL.length));
            assertThat(server.requests).extracting(LoopbackServer.Request::range)
                    .containsExactly(null, "bytes=" + half + "-");
            assertThat(root.resolve("models/w.bin")).hasBinaryContent(MODEL);
            assertThat(root.resolve("models/w.bin.part")).doesNotExist();
        }
    }

    @Test
    void aFailedDownloadLeavesNoFolderMadeForIt() throws Exception {
        try (LoopbackServer server = new LoopbackServer((exchange, index) ->
                LoopbackServer.send(exchange, 404, "Not Found"))) {
            List<PreloadItem> items = Preloader.items(List.of(), List.<String[]>of(
                    new String[] {server.uri("/w.bin").toString(), MODEL_ETAG, "models/deep/w.bin"}));

            assertThatThrownBy(() -> online().preload("models", items, files, ""))
                    .isInstanceOf(PreloadException.class)
                    .hasMessageContaining("HTTP 404");
        }
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void aRepositoryWhoseBlobIsNotVerifiedLeavesNothing() throws Exception {
        hub.cdn.put("model.bin", LoopbackServer.bytes(MODEL.length, 8)); // the CDN serves another file

        assertThatThrownBy(() -> online().preload("hf-cache", items("hf:org/name:model.bin"), files, ""))
                .isInstanceOf(PreloadException.class)
                .hasMessageContaining("hf:org/name@main:model.bin: what ")
                .hasMessageContaining(" served does not have the SHA-256 ");
        assertThat(root).isEmptyDirectory();
    }

    @Test
    void everyItemIsTriedAndTheFailuresAreSaidTogether() throws Exception {
        try (LoopbackServer server = new LoopbackServer((exchange, index) ->
                LoopbackServer.serveWithRanges(exchange, MODEL))) {
            List<PreloadItem> items = Preloader.items(List.of("hf:org/missing"), List.<String[]>of(
                    new String[] {server.uri("/bad.bin").toString(), "0".repeat(64), "bad.bin"},
                    new String[] {server.uri("/good.bin").toString(), MODEL_ETAG, "good.bin"}));

            assertThatThrownBy(() -> online().preload("models", items, files, ""))
                    .isInstanceOf(PreloadException.class)
                    .hasMessageContaining("hf:org/missing@main: HTTP 404")
                    .hasMessageContaining("Check the name, the revision and the base URL")
                    .hasMessageContaining("bad.bin (" + server.uri("/bad.bin") + "): what " + server.uri("/bad.bin")
                            + " served does not have")
                    .hasMessageContaining("What was verified is in place");
            assertThat(root.resolve("good.bin")).hasBinaryContent(MODEL);
            assertThat(root.resolve("bad.bin")).doesNotExist();
            assertThat(root.resolve("bad.bin.part")).doesNotExist();
        }
    }

    @Test
    void theOptionsNeverSayTheToken() {
        Preloader.Options options = new Preloader.Options("https://w.example", java.net.URI.create("https://hub.example"),
                "hf_secret", true);

        assertThat(options.toString()).doesNotContain("hf_secret").contains("a token");
    }
}
