package io.github.devcontainercache.content.kinds;

import static io.github.devcontainercache.content.kinds.KindFixtures.VERIFY;
import static io.github.devcontainercache.content.kinds.KindFixtures.bothPaths;
import static io.github.devcontainercache.content.kinds.KindFixtures.hex;
import static io.github.devcontainercache.content.kinds.KindFixtures.link;
import static io.github.devcontainercache.content.kinds.KindFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Caches no tool would write: a pass must end, follow no link, read nothing outside, and still name what it saw. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileLayoutsTest {

    private static final String REPO = "models--org--name";
    private static final String SNAPSHOT = REPO + "/snapshots/" + "1".repeat(40) + "/";

    @TempDir
    Path temp;

    private Path cache() throws IOException {
        return Files.createDirectory(temp.resolve("vol"));
    }

    @Test
    void symlinkLoopsEndThePassAndAreReportedNotFollowed() throws IOException {
        Path cache = cache();
        write(cache, REPO + "/blobs/" + hex("SHA-256", "w"), "w");
        link(cache, SNAPSHOT + "a", "b");
        link(cache, SNAPSHOT + "b", "a");
        link(cache, "loop-a", "loop-b");
        link(cache, "loop-b", "loop-a");
        link(cache, SNAPSHOT + "self", "self");

        CachePass.Result result = bothPaths(cache, CacheKind.HUGGINGFACE, "/data/hub", VERIFY);

        assertThat(result.findings().broken()).extracting(Findings.Broken::entry, Findings.Broken::problem)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("model org/name a", "the link leaves the repository's blobs"),
                        org.assertj.core.groups.Tuple.tuple("model org/name b", "the link leaves the repository's blobs"),
                        org.assertj.core.groups.Tuple.tuple("model org/name self",
                                "the link leaves the repository's blobs"));
        assertThat(result.scan().files()).isEqualTo(1);
    }

    @Test
    void aDirectoryCycleThroughALinkIsNotFollowed() throws IOException {
        Path cache = cache();
        write(cache, "org/example/lib/1.0/lib-1.0.jar", KindFixtures.jar(1));
        link(cache, "org/example/lib/1.0/up", "..");
        link(cache, "org/example/lib/1.0/here", ".");
        link(cache, "org/root", "/");

        CachePass.Result result = bothPaths(cache, CacheKind.MAVEN, "/root/.m2/repository", VERIFY);

        assertThat(result.scan().files()).isEqualTo(1);
        assertThat(result.findings().verified()).isEqualTo(1);
        assertThat(result.findings().items()).extracting(Findings.Item::name, Findings.Item::files)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("org.example:lib:1.0", 1L));
    }

    @Test
    void linksOutOfTheCacheAreNeitherCountedNorRead() throws IOException {
        Path cache = cache();
        Path outside = Files.createDirectory(temp.resolve("outside"));
        Files.write(outside.resolve("big.jar"), new byte[50_000]); // not a zip: were it read, it would be broken
        link(cache, "org/example/lib/1.0/lib-1.0.jar", outside.resolve("big.jar").toString());
        link(cache, "org/example/elsewhere", outside.toString());
        write(cache, "org/example/lib/1.0/lib-1.0.pom", "<project/>");

        CachePass.Result result = bothPaths(cache, CacheKind.MAVEN, "/root/.m2/repository", VERIFY);

        assertThat(result.scan().sizeBytes()).isEqualTo(10);
        assertThat(result.findings().broken()).isEmpty();
        assertThat(result.findings().verified()).isEqualTo(1);
    }

    @Test
    void aBlobThatIsALinkIsNotReadAndItsSnapshotIsReportedWithoutIt() throws IOException {
        Path cache = cache();
        String blob = hex("SHA-256", "weights");
        link(cache, REPO + "/blobs/" + blob, "/etc/passwd");
        link(cache, SNAPSHOT + "model.bin", "../../blobs/" + blob);

        Findings findings = bothPaths(cache, CacheKind.HUGGINGFACE, "/data/hub", VERIFY).findings();

        assertThat(findings.verified()).isZero();
        assertThat(findings.broken()).containsExactly(new Findings.Broken("model org/name model.bin",
                "the link's blob " + blob + " is missing", List.of(SNAPSHOT + "model.bin"), 0));
    }

    @Test
    void aFifoWhereAJarShouldBeIsNotOpened() throws IOException, InterruptedException {
        Path cache = cache();
        Files.createDirectories(cache.resolve("org/example/lib/1.0"));
        Process mkfifo = new ProcessBuilder("mkfifo", cache.resolve("org/example/lib/1.0/lib-1.0.jar").toString())
                .inheritIO().start();
        assertThat(mkfifo.waitFor()).isZero();

        CachePass.Result result = KindFixtures.walk(cache, CacheKind.MAVEN, "/root/.m2/repository", VERIFY);

        assertThat(result.scan().files()).isZero();
        assertThat(result.findings().verified()).isZero();
        assertThat(result.findings().broken()).isEmpty();
    }

    @Test
    void namesWithSpacesAndNewlinesAreNamedAlikeOnBothPaths() throws IOException {
        Path cache = cache();
        String base = "org/example/my lib/1.0/my lib-1.0";
        byte[] jar = KindFixtures.jar(2);
        write(cache, base + ".jar", java.util.Arrays.copyOf(jar, jar.length - 5));
        write(cache, base + ".jar.sha1", hex("SHA-1", jar));
        write(cache, "org/example/odd\nname/1.0/odd\nname-1.0.pom", "<project/>");

        Findings findings = bothPaths(cache, CacheKind.MAVEN, "/root/.m2/repository", VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name)
                .containsExactlyInAnyOrder("org.example:my lib:1.0", "org.example:odd\nname:1.0");
        assertThat(findings.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.entry()).isEqualTo("org.example:my lib:1.0");
            assertThat(broken.files()).containsExactly(base + ".jar", base + ".jar.sha1");
        });
    }

    @Test
    void contentFilesWithShortOrMissingNamesAreBrokenNotFatal() throws IOException {
        Path cache = cache();
        write(cache, "_cacache/content-v2/sha512/aa/bb/cc", "garbage");
        write(cache, "_cacache/content-v2/sha256", "garbage");
        write(cache, "_cacache/index-v5/aa/bb", "");

        Findings findings = bothPaths(cache, CacheKind.NPM, "/root/.npm", VERIFY).findings();

        assertThat(findings.broken()).extracting(Findings.Broken::files).containsExactlyInAnyOrder(
                List.of("_cacache/content-v2/sha512/aa/bb/cc"), List.of("_cacache/content-v2/sha256"));
    }

    @Test
    void anArchiveThatEndsInsideAZipFailsThePassRatherThanNamingTheZipBroken() throws IOException {
        Path cache = cache();
        write(cache, "typescript-npm-5.2.2-1c1b2e4f5d-7912821dac.zip", KindFixtures.jar(3));
        write(cache, "org/example/lib/1.0/lib-1.0.jar", KindFixtures.jar(4));
        byte[] tar = KindFixtures.tarOf(cache);
        for (String zip : new String[] {"typescript-npm", "lib-1.0.jar"}) {
            int at = new String(tar, java.nio.charset.StandardCharsets.ISO_8859_1).indexOf(zip);
            byte[] cut = java.util.Arrays.copyOf(tar, at + 512 + 1000); // its header, then part of its content
            CacheKind kind = zip.startsWith("lib") ? CacheKind.MAVEN : CacheKind.YARN;
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> CachePass.run(KindFixtures.tarContents(cut), kind, "/cache", VERIFY))
                    .isInstanceOf(java.io.EOFException.class);
        }
    }

    @Test
    void aDeepTreeOfDirectoriesIsWalked() throws IOException {
        Path cache = cache();
        String deep = "x/".repeat(300) + "file.bin";
        write(cache, deep, new byte[3]);

        CachePass.Result result = bothPaths(cache, CacheKind.GENERIC, "/cache", VERIFY);

        assertThat(result.findings().items()).containsExactly(new Findings.Item("x/", 3, 1));
    }

    @Test
    void foldersNamedLikeFilesAndFilesNamedLikeFoldersDoNotConfuseTheReaders() throws IOException {
        Path cache = cache();
        write(cache, "hub/" + REPO + "/refs", "not a folder");
        write(cache, "hub/" + REPO + "/blobs/" + "a".repeat(64) + "/inside", "a folder named like a blob");
        write(cache, "hub/models--", "no name");
        Files.createDirectories(cache.resolve("hub/" + REPO + "/snapshots/" + "2".repeat(40) + "/config.json"));

        Findings findings = bothPaths(cache, CacheKind.HUGGINGFACE, "/root/.cache/huggingface", VERIFY).findings();

        assertThat(findings.broken()).isEmpty();
        assertThat(findings.verified()).isZero();
        assertThat(findings.items()).extracting(Findings.Item::name).contains("other files");
    }
}
