package io.github.devcontainercache.content.kinds;

import static io.github.devcontainercache.content.kinds.KindFixtures.VERIFY;
import static io.github.devcontainercache.content.kinds.KindFixtures.bothPaths;
import static io.github.devcontainercache.content.kinds.KindFixtures.hex;
import static io.github.devcontainercache.content.kinds.KindFixtures.link;
import static io.github.devcontainercache.content.kinds.KindFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hub's cache as huggingface_hub writes it: {@code models--org--name/blobs/<etag>}, where a large file's etag
 * is its SHA-256 and a small one's its git blob id, {@code snapshots/<commit>/<file>} relative links to
 * {@code ../../blobs/<etag>}, and {@code refs/main} holding the commit.
 */
class HuggingFaceReaderTest {

    private static final String TARGET = "/home/dev/.cache/huggingface/hub";
    private static final String REPO = "models--openai--whisper-tiny";
    private static final String COMMIT = "169d4a4341b33bc18d8881c4b69c2e104e1cc0af";
    private static final String SNAPSHOT = REPO + "/snapshots/" + COMMIT + "/";

    @TempDir
    Path cache;

    /** git's id for a file: SHA-1 of "blob <size>\0" and the content. */
    private static String gitBlob(byte[] content) {
        byte[] header = ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] all = new byte[header.length + content.length];
        System.arraycopy(header, 0, all, 0, header.length);
        System.arraycopy(content, 0, all, header.length, content.length);
        return hex("SHA-1", all);
    }

    private record Repository(String weights, String config) {}

    /** A model with a large file (an LFS blob) and a small one (a git blob), both linked from a snapshot. */
    private Repository model(String repository, String commit) throws IOException {
        byte[] weights = KindFixtures.noise(6000, repository.hashCode());
        byte[] config = ("{\"model_type\":\"whisper\",\"repo\":\"" + repository + "\"}").getBytes(StandardCharsets.UTF_8);
        String weightsBlob = repository + "/blobs/" + hex("SHA-256", weights);
        String configBlob = repository + "/blobs/" + gitBlob(config);
        write(cache, weightsBlob, weights);
        write(cache, configBlob, config);
        String snapshot = repository + "/snapshots/" + commit + "/";
        link(cache, snapshot + "model.safetensors", "../../blobs/" + hex("SHA-256", weights));
        link(cache, snapshot + "config.json", "../../blobs/" + gitBlob(config));
        write(cache, repository + "/refs/main", commit);
        return new Repository(weightsBlob, configBlob);
    }

    @Test
    void anIntactCacheNamesItsRepositoriesWithTheirRefsAndVerifiesEveryBlob() throws IOException {
        model(REPO, COMMIT);
        model("datasets--squad--plain_text", "0123456789abcdef0123456789abcdef01234567");
        Files.delete(cache.resolve("datasets--squad--plain_text/refs/main")); // a revision no ref names
        write(cache, ".locks/" + REPO + "/x.lock", "");
        write(cache, "version.txt", "1");

        Findings findings = bothPaths(cache, CacheKind.HUGGINGFACE, TARGET, VERIFY).findings();

        assertThat(findings.broken()).isEmpty();
        assertThat(findings.verified()).isEqualTo(4);
        assertThat(findings.items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "model openai/whisper-tiny @ main", "dataset squad/plain_text @ 0123456789ab", ".locks", "other files");
        long blobsAndRef = Files.size(cache.resolve(SNAPSHOT + "model.safetensors"))
                + Files.size(cache.resolve(SNAPSHOT + "config.json")) + COMMIT.length();
        assertThat(findings.items()).filteredOn(i -> i.name().startsWith("model "))
                .containsExactly(new Findings.Item("model openai/whisper-tiny @ main", blobsAndRef, 3));
    }

    @Test
    void aCorruptBlobNamesItsRepositoryAndFileAndTheLinksToRemoveWithIt() throws IOException {
        Repository model = model(REPO, COMMIT);
        link(cache, REPO + "/snapshots/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/model.safetensors",
                "../../blobs/" + model.weights().substring(model.weights().lastIndexOf('/') + 1));
        KindFixtures.flipByte(cache.resolve(model.weights()), 17);

        Findings findings = bothPaths(cache, CacheKind.HUGGINGFACE, TARGET, VERIFY).findings();

        assertThat(findings.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.entry()).isEqualTo("model openai/whisper-tiny model.safetensors");
            assertThat(broken.problem()).startsWith("blob ").endsWith(" does not hash to its name");
            assertThat(broken.files()).containsExactly(model.weights(),
                    REPO + "/snapshots/" + COMMIT + "/model.safetensors",
                    REPO + "/snapshots/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/model.safetensors");
            assertThat(broken.sizeBytes()).isEqualTo(6000);
        });
    }

    @Test
    void aCorruptSmallFileIsCaughtByItsGitBlobId() throws IOException {
        Repository model = model(REPO, COMMIT);
        Files.writeString(cache.resolve(model.config()), "{\"model_type\":\"whisper\",\"repo\":\"" + REPO + "\"}\n");

        Findings findings = bothPaths(cache, CacheKind.HUGGINGFACE, TARGET, VERIFY).findings();

        assertThat(findings.broken()).extracting(Findings.Broken::entry, Findings.Broken::files)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("model openai/whisper-tiny config.json",
                        List.of(model.config(), SNAPSHOT + "config.json")));
    }

    @Test
    void aDanglingLinkIsReportedAlone() throws IOException {
        model(REPO, COMMIT);
        link(cache, SNAPSHOT + "tokenizer.json", "../../blobs/" + "e".repeat(64));

        Findings findings = bothPaths(cache, CacheKind.HUGGINGFACE, TARGET, VERIFY).findings();

        assertThat(findings.broken()).containsExactly(new Findings.Broken("model openai/whisper-tiny tokenizer.json",
                "the link's blob " + "e".repeat(64) + " is missing", List.of(SNAPSHOT + "tokenizer.json"), 0));
    }

    @Test
    void linksThatLeaveTheRepositorysBlobsAreReportedAndNeverFollowed() throws IOException {
        model(REPO, COMMIT);
        Repository other = model("models--org--other", "bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb");
        link(cache, SNAPSHOT + "climbs.bin", "../../../../etc/passwd");
        link(cache, SNAPSHOT + "absolute.bin", "/etc/passwd");
        link(cache, SNAPSHOT + "neighbour.bin", "../../../models--org--other/blobs/"
                + other.weights().substring(other.weights().lastIndexOf('/') + 1));
        link(cache, SNAPSHOT + "sub/deeper.bin", "../../../blobs/../../models--org--other/refs/main");

        Findings findings = bothPaths(cache, CacheKind.HUGGINGFACE, TARGET, VERIFY).findings();

        assertThat(findings.broken()).extracting(Findings.Broken::entry).containsExactly(
                "model openai/whisper-tiny absolute.bin", "model openai/whisper-tiny climbs.bin",
                "model openai/whisper-tiny neighbour.bin", "model openai/whisper-tiny sub/deeper.bin");
        assertThat(findings.broken()).allSatisfy(broken -> {
            assertThat(broken.problem()).isEqualTo("the link leaves the repository's blobs");
            assertThat(broken.files()).hasSize(1);
            assertThat(broken.sizeBytes()).isZero();
        });
        assertThat(findings.verified()).isEqualTo(4); // the four blobs of the two repositories, nothing else
    }

    @Test
    void aCacheMountedAboveTheHubReadsTheHubFolderAndNamesFilesInTheCache() throws IOException {
        Path hub = cache.resolve("hub");
        Files.createDirectories(hub);
        Path root = cache;
        cache = hub;
        Repository model = model(REPO, COMMIT);
        KindFixtures.flipByte(hub.resolve(model.config()), 2);
        write(root, "token", "hf_not_a_real_token");
        write(root, "xet/logs/a.log", "x");

        CachePass.Result result = bothPaths(root, CacheKind.HUGGINGFACE, "/home/dev/.cache/huggingface", VERIFY);

        assertThat(result.findings().broken()).singleElement().satisfies(broken ->
                assertThat(broken.files()).containsExactly("hub/" + model.config(), "hub/" + SNAPSHOT + "config.json"));
        assertThat(result.findings().items()).extracting(Findings.Item::name)
                .contains("model openai/whisper-tiny @ main", "token", "xet/");
        assertThat(result.otherLayout()).isNull();
    }

    @Test
    void unfinishedBlobsAreUnfinishedDownloadsAndNotVerified() throws IOException {
        model(REPO, COMMIT);
        write(cache, REPO + "/blobs/" + "c".repeat(64) + ".incomplete", KindFixtures.noise(100, 9));

        CachePass.Result result = bothPaths(cache, CacheKind.HUGGINGFACE, TARGET, VERIFY);

        assertThat(result.unfinished()).extracting(io.github.devcontainercache.content.FileEntry::path)
                .containsExactly(REPO + "/blobs/" + "c".repeat(64) + ".incomplete");
        assertThat(result.findings().broken()).isEmpty();
        assertThat(result.findings().verified()).isEqualTo(2);
    }

    @Test
    void resolvingALinkStaysInsideTheCache() {
        assertThat(HuggingFaceReader.resolve(SNAPSHOT + "a", "../../blobs/x")).isEqualTo(REPO + "/blobs/x");
        assertThat(HuggingFaceReader.resolve(SNAPSHOT + "a", "./../.././blobs//x")).isEqualTo(REPO + "/blobs/x");
        assertThat(HuggingFaceReader.resolve(SNAPSHOT + "a", "../../../../x")).isNull();
        assertThat(HuggingFaceReader.resolve(SNAPSHOT + "a", "/x")).isNull();
        assertThat(HuggingFaceReader.resolve(SNAPSHOT + "a", "")).isNull();
        assertThat(HuggingFaceReader.isRepository("models--")).isFalse();
        assertThat(HuggingFaceReader.isRepository("checkpoints--x")).isFalse();
        assertThat(HuggingFaceReader.repositoryName("spaces--org--my--app")).isEqualTo("space org/my/app");
    }
}
