package io.github.devcontainercache.content.kinds;

import static io.github.devcontainercache.content.kinds.KindFixtures.VERIFY;
import static io.github.devcontainercache.content.kinds.KindFixtures.bothPaths;
import static io.github.devcontainercache.content.kinds.KindFixtures.hex;
import static io.github.devcontainercache.content.kinds.KindFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** npm's cacache as npm 7+ writes it: content-v2 named by its digest, index-v5 buckets of hashed JSON lines. */
class NpmReaderTest {

    private static final String TARGET = "/home/node/.npm";
    private static final String TARBALL_URL = "https://registry.npmjs.org/is-number/-/is-number-7.0.0.tgz";
    private static final String FETCH_KEY = "make-fetch-happen:request-cache:" + TARBALL_URL;
    private static final String PACOTE_KEY = "pacote:tarball:is-number@7.0.0";

    @TempDir
    Path cache;

    /** Where cacache writes content: {@code content-v2/sha512/<2 hex>/<2 hex>/<the other 124>}. */
    private String content(byte[] bytes) throws IOException {
        String hex = hex("SHA-512", bytes);
        String path = "_cacache/content-v2/sha512/" + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/"
                + hex.substring(4);
        write(cache, path, bytes);
        return path;
    }

    private static String integrity(byte[] bytes) {
        return "sha512-" + Base64.getEncoder().encodeToString(KindFixtures.digest("SHA-512", bytes));
    }

    /** A bucket line as cacache appends it: a newline, the SHA-1 of the JSON, a tab, the JSON. */
    private static String line(String key, String integrity, long size) {
        String json = "{\"key\":\"" + key + "\",\"integrity\":" + (integrity == null ? "null" : "\"" + integrity + "\"")
                + ",\"time\":1700000000000,\"size\":" + size + ",\"metadata\":{\"url\":\"" + TARBALL_URL + "\"}}";
        return "\n" + hex("SHA-1", json) + "\t" + json;
    }

    /** The bucket of a key: {@code index-v5/<2 hex>/<2 hex>/<the rest>} of the SHA-256 of the key. */
    private String bucket(String key, String lines) throws IOException {
        String hex = hex("SHA-256", key);
        String path = "_cacache/index-v5/" + hex.substring(0, 2) + "/" + hex.substring(2, 4) + "/" + hex.substring(4);
        write(cache, path, lines);
        return path;
    }

    private record Package(String content, String fetchBucket, String pacoteBucket, long size) {}

    private Package isNumber(byte[] tarball) throws IOException {
        String content = content(tarball);
        String fetch = bucket(FETCH_KEY, line(FETCH_KEY, integrity(tarball), tarball.length));
        String pacote = bucket(PACOTE_KEY, line(PACOTE_KEY, integrity(tarball), tarball.length));
        return new Package(content, fetch, pacote, tarball.length);
    }

    private void packument(String name, String document) throws IOException {
        byte[] bytes = document.getBytes(StandardCharsets.UTF_8);
        content(bytes);
        String key = "make-fetch-happen:request-cache:https://registry.npmjs.org/" + name;
        bucket(key, line(key, integrity(bytes), bytes.length));
    }

    @Test
    void anIntactCacheNamesItsPackagesAndVerifiesEveryContentFile() throws IOException {
        Package isNumber = isNumber(KindFixtures.noise(4000, 1));
        packument("@types%2fnode", "{\"name\":\"@types/node\",\"versions\":{}}");
        write(cache, "_logs/2024-01-01T00_00_00_000Z-debug-0.log", "0 verbose cli\n");

        Findings findings = bothPaths(cache, CacheKind.NPM, TARGET, VERIFY).findings();

        assertThat(findings.broken()).isEmpty();
        assertThat(findings.verified()).isEqualTo(2);
        assertThat(findings.items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "is-number@7.0.0", "@types/node (metadata)", "index of the cache", "_logs");
        assertThat(findings.items()).filteredOn(i -> i.name().equals("is-number@7.0.0"))
                .containsExactly(new Findings.Item("is-number@7.0.0", isNumber.size(), 1));
    }

    @Test
    void aFlippedByteInAContentFileNamesThePackageItsContentAndItsBuckets() throws IOException {
        Package isNumber = isNumber(KindFixtures.noise(4000, 1));
        packument("is-odd", "{\"name\":\"is-odd\"}");
        KindFixtures.flipByte(cache.resolve(isNumber.content()), 1000);

        Findings findings = bothPaths(cache, CacheKind.NPM, TARGET, VERIFY).findings();

        List<String> buckets = java.util.stream.Stream.of(isNumber.fetchBucket(), isNumber.pacoteBucket()).sorted().toList();
        assertThat(findings.broken()).containsExactly(new Findings.Broken("is-number@7.0.0",
                "its content does not hash to its name",
                List.of(isNumber.content(), buckets.get(0), buckets.get(1)), isNumber.size()));
    }

    @Test
    void contentNoEntryNamesIsStillVerified() throws IOException {
        String orphan = content(KindFixtures.noise(100, 2));
        KindFixtures.flipByte(cache.resolve(orphan), 3);

        Findings findings = bothPaths(cache, CacheKind.NPM, TARGET, VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name).containsExactly("content no index entry names");
        assertThat(findings.broken()).extracting(Findings.Broken::files).containsExactly(List.of(orphan));
    }

    @Test
    void aDamagedIndexLineNamesItsBucket() throws IOException {
        byte[] tarball = KindFixtures.noise(500, 3);
        content(tarball);
        String good = line(PACOTE_KEY, integrity(tarball), tarball.length);
        String damaged = line(FETCH_KEY, integrity(tarball), tarball.length).replace("\"size\":500", "\"size\":501");
        String fetchBucket = bucket(FETCH_KEY, damaged);
        bucket(PACOTE_KEY, good);

        Findings findings = bothPaths(cache, CacheKind.NPM, TARGET, VERIFY).findings();

        assertThat(findings.broken()).hasSize(1);
        Findings.Broken broken = findings.broken().get(0);
        assertThat(broken.problem()).isEqualTo("an index line does not match its hash");
        assertThat(broken.files()).containsExactly(fetchBucket);
        // the content is still named by the line that holds
        assertThat(findings.items()).extracting(Findings.Item::name).contains("is-number@7.0.0");
    }

    @Test
    void aLaterLineOfABucketReplacesAnEarlierAndANullIntegrityDeletes() throws IOException {
        byte[] old = KindFixtures.noise(300, 4);
        byte[] now = KindFixtures.noise(400, 5);
        content(old);
        content(now);
        bucket(PACOTE_KEY, line(PACOTE_KEY, integrity(old), 300) + line(PACOTE_KEY, integrity(now), 400));
        String other = "pacote:tarball:is-odd@3.0.1";
        byte[] odd = KindFixtures.noise(200, 6);
        content(odd);
        bucket(other, line(other, integrity(odd), 200) + line(other, null, 0)); // cacache.rm.entry

        Findings findings = bothPaths(cache, CacheKind.NPM, TARGET, VERIFY).findings();

        assertThat(findings.broken()).isEmpty();
        assertThat(findings.items()).extracting(Findings.Item::name, Findings.Item::sizeBytes).contains(
                org.assertj.core.groups.Tuple.tuple("is-number@7.0.0", 400L),
                org.assertj.core.groups.Tuple.tuple("content no index entry names", 500L));
    }

    @Test
    void aBucketOverSixteenMebibytesIsNotRead() throws IOException {
        String huge = bucket(PACOTE_KEY, "");
        try (RandomAccessFile file = new RandomAccessFile(cache.resolve(huge).toFile(), "rw")) {
            file.setLength((16L << 20) + 1); // zeros: not one line that matches its hash, were it read
        }
        String small = bucket("pacote:tarball:x@1.0.0", "\n0000000000000000000000000000000000000000\t{}");

        Findings findings = KindFixtures.walk(cache, CacheKind.NPM, TARGET, VERIFY).findings();

        assertThat(findings.broken()).extracting(Findings.Broken::files).containsExactly(List.of(small));
        assertThat(findings.items()).containsExactly(new Findings.Item("index of the cache", (16L << 20) + 1 + 44, 2));
    }

    @Test
    void aCacheMountedAtItsCacacheFolderNamesFilesInTheCache() throws IOException {
        Package isNumber = isNumber(KindFixtures.noise(800, 7));
        KindFixtures.flipByte(cache.resolve(isNumber.content()), 10);
        Path cacache = cache.resolve("_cacache");

        Findings findings = bothPaths(cacache, CacheKind.NPM, "/home/node/.npm/_cacache", VERIFY).findings();

        assertThat(findings.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.entry()).isEqualTo("is-number@7.0.0");
            assertThat(broken.files()).first().isEqualTo(isNumber.content().substring("_cacache/".length()));
            assertThat(broken.files()).allSatisfy(file -> assertThat(file).doesNotStartWith("_cacache"));
        });
    }

    @Test
    void indexKeysNameTheirPackages() {
        assertThat(NpmReader.packageOf(FETCH_KEY)).isEqualTo("is-number@7.0.0");
        assertThat(NpmReader.packageOf(PACOTE_KEY)).isEqualTo("is-number@7.0.0");
        assertThat(NpmReader.packageOf(
                "make-fetch-happen:request-cache:https://registry.npmjs.org/@types/node/-/node-20.11.5.tgz"))
                .isEqualTo("@types/node@20.11.5");
        assertThat(NpmReader.packageOf("make-fetch-happen:request-cache:https://registry.npmjs.org/@types%2fnode"))
                .isEqualTo("@types/node (metadata)");
        assertThat(NpmReader.contentPath("sha1-" + Base64.getEncoder().encodeToString(new byte[20])))
                .isEqualTo("_cacache/content-v2/sha1/00/00/" + "0".repeat(36));
        assertThat(NpmReader.contentPath("md5-AAAA")).isNull();
        assertThat(NpmReader.contentPath("sha512-not base64!")).isNull();
    }

    @Test
    void aFileNamedLikeTheCacheFolderIsTalliedNotFatal() throws IOException {
        write(cache, "_cacache", "a file where npm keeps a folder");
        write(cache, "_update-notifier-last-checked", "");

        Findings findings = bothPaths(cache, CacheKind.NPM, TARGET, VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name)
                .containsExactlyInAnyOrder("_cacache", "_update-notifier-last-checked");
    }
}
