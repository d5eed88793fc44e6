package io.github.devcontainercache.content.kinds;

import static io.github.devcontainercache.content.kinds.KindFixtures.VERIFY;
import static io.github.devcontainercache.content.kinds.KindFixtures.bothPaths;
import static io.github.devcontainercache.content.kinds.KindFixtures.hex;
import static io.github.devcontainercache.content.kinds.KindFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The kinds read by their paths, each with the check its format carries. */
class LayoutsTest {

    @TempDir
    Path cache;

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(content);
        }
        return bytes.toByteArray();
    }

    private List<String> itemNames(CacheKind kind, String target) throws IOException {
        return bothPaths(cache, kind, target, VERIFY).findings().items().stream().map(Findings.Item::name).toList();
    }

    @Test
    void uvNamesItsBucketsAndThePackagesOfItsWheelAndSourceBuckets() throws IOException {
        write(cache, "wheels-v5/pypi/requests/2.31.0-py3-none-any.msgpack", "x");
        write(cache, "sdists-v9/pypi/numpy/1.26.4/src/setup.py", "x");
        write(cache, "archive-v0/5kbbVOpo2ok6hzFSEkRxW/requests/__init__.py", "x");
        write(cache, "simple-v16/pypi/requests.rkyv", "x");
        write(cache, "interpreter-v4/f5a1b2/python.msgpack", "x");
        write(cache, "CACHEDIR.TAG", "Signature: 8a477f597d28d172789f06886806bc55");

        assertThat(itemNames(CacheKind.UV, "/root/.cache/uv")).containsExactlyInAnyOrder(
                "requests in wheels (wheels-v5)", "numpy in source distributions (sdists-v9)",
                "unzipped wheels (archive-v0)", "package indexes (simple-v16)", "interpreter facts (interpreter-v4)",
                "CACHEDIR.TAG");
    }

    @Test
    void cargoNamesCratesAndGitDependenciesAndChecksEachCratesGzip() throws IOException {
        String registry = "registry/cache/index.crates.io-6f17d22bba15001f/";
        write(cache, registry + "serde-1.0.188.crate", gzip(KindFixtures.noise(3000, 1)));
        byte[] macros = gzip(KindFixtures.noise(3000, 2));
        write(cache, registry + "tokio-macros-2.1.0.crate", java.util.Arrays.copyOf(macros, macros.length - 9));
        write(cache, "registry/src/index.crates.io-6f17d22bba15001f/serde-1.0.188/src/lib.rs", "//! serde");
        write(cache, "git/checkouts/ring-0123456789abcdef/4f9e6f2/src/lib.rs", "//! ring");
        write(cache, "bin/cargo-nextest", "ELF");

        Findings findings = bothPaths(cache, CacheKind.CARGO, "/usr/local/cargo", VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "serde 1.0.188", "tokio-macros 2.1.0", "git ring", "bin/");
        assertThat(findings.verified()).isEqualTo(2);
        assertThat(findings.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.entry()).isEqualTo("tokio-macros 2.1.0");
            assertThat(broken.problem()).startsWith("tokio-macros-2.1.0.crate is not whole gzip");
            assertThat(broken.files()).containsExactly(registry + "tokio-macros-2.1.0.crate");
        });
    }

    @Test
    void cargoMountedAtItsRegistryFolderNamesFilesInTheCache() throws IOException {
        byte[] crate = gzip(KindFixtures.noise(500, 3));
        write(cache, "cache/index.crates.io-6f17d22bba15001f/serde-1.0.188.crate", java.util.Arrays.copyOf(crate, 30));

        CachePass.Result result = bothPaths(cache, CacheKind.CARGO, "/usr/local/cargo/registry", VERIFY);

        assertThat(result.findings().broken()).singleElement().extracting(Findings.Broken::files)
                .isEqualTo(List.of("cache/index.crates.io-6f17d22bba15001f/serde-1.0.188.crate"));
    }

    @Test
    void gradleNamesModuleGroupsAndChecksFilesAgainstTheirSha1Folder() throws IOException {
        byte[] jar = KindFixtures.jar(4);
        byte[] pom = "<project/>".getBytes();
        for (int i = 0; !hex("SHA-1", pom).startsWith("0"); i++) {
            pom = ("<project><!-- " + i + " --></project>").getBytes();
        }
        String guava = "caches/modules-2/files-2.1/com.google.guava/guava/32.1.3-jre/";
        // Gradle names the folder by the SHA-1 as a number: without its leading zeros
        write(cache, guava + new BigInteger(1, KindFixtures.digest("SHA-1", jar)).toString(16) + "/guava-32.1.3-jre.jar", jar);
        write(cache, guava + new BigInteger(1, KindFixtures.digest("SHA-1", pom)).toString(16) + "/guava-32.1.3-jre.pom", pom);
        String bad = "caches/modules-2/files-2.1/org.slf4j/slf4j-api/2.0.9/" + hex("SHA-1", "other") + "/slf4j-api-2.0.9.pom";
        write(cache, bad, pom);
        write(cache, "wrapper/dists/gradle-8.5-bin/5t9huq95ubn472n8rpzujfbqh/gradle-8.5-bin.zip.part", "x");
        write(cache, "caches/modules-2/metadata-2.106/descriptors/x.bin", "x");

        CachePass.Result result = bothPaths(cache, CacheKind.GRADLE, "/home/gradle/.gradle", VERIFY);

        assertThat(result.findings().items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "com.google.guava", "org.slf4j", "distribution gradle-8.5-bin", "caches/modules-2");
        assertThat(result.findings().verified()).isEqualTo(3);
        assertThat(result.findings().broken()).containsExactly(new Findings.Broken("org.slf4j",
                "slf4j-api-2.0.9.pom does not hash to its folder's name", List.of(bad), pom.length));
        assertThat(result.unfinished()).hasSize(1);
        assertThat(result.otherLayout()).isNull();
    }

    @Test
    void gradleMountedAtItsCachesFolderNamesFilesInTheCache() throws IOException {
        String bad = "modules-2/files-2.1/org.slf4j/slf4j-api/2.0.9/" + hex("SHA-1", "other") + "/slf4j-api-2.0.9.jar";
        write(cache, bad, KindFixtures.jar(5));

        Findings findings = bothPaths(cache, CacheKind.GRADLE, "/home/gradle/.gradle/caches", VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name).containsExactly("org.slf4j");
        assertThat(findings.broken()).singleElement().extracting(Findings.Broken::files).isEqualTo(List.of(bad));
    }

    @Test
    void pnpmChecksStoreFilesAgainstTheSha512TheyAreNamedBy() throws IOException {
        byte[] index = "module.exports = 1\n".getBytes();
        byte[] bin = "#!/usr/bin/env node\n".getBytes();
        String indexHex = hex("SHA-512", index);
        String binHex = hex("SHA-512", bin);
        write(cache, "v3/files/" + indexHex.substring(0, 2) + "/" + indexHex.substring(2), index);
        String exec = "v3/files/" + binHex.substring(0, 2) + "/" + binHex.substring(2) + "-exec";
        write(cache, exec, bin);
        write(cache, "v3/files/" + indexHex.substring(0, 2) + "/" + "ab".repeat(63) + "-index.json", "{}");
        write(cache, "v10/index/aa/bbcc-is-number@7.0.0.json", "{}");
        KindFixtures.flipByte(cache.resolve(exec), 0);

        Findings findings = bothPaths(cache, CacheKind.PNPM, "/root/.local/share/pnpm/store", VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "package files (v3)", "package index (v10)");
        assertThat(findings.verified()).isEqualTo(2);
        assertThat(findings.broken()).singleElement().extracting(Findings.Broken::files).isEqualTo(List.of(exec));
    }

    @Test
    void yarnNamesClassicFoldersAndBerryZipsByPackage() throws IOException {
        write(cache, "v6/npm-lodash-4.17.21-679591c564c3bffaae8454cf0b3df370c3d6911c-integrity/node_modules/lodash/package.json", "{}");
        write(cache, "v6/npm-@types-node-20.8.0-0123456789abcdef0123456789abcdef01234567-integrity/node_modules/@types/node/package.json", "{}");
        write(cache, "typescript-npm-5.2.2-1c1b2e4f5d-7912821dac.zip", KindFixtures.jar(6));
        byte[] zip = KindFixtures.jar(7);
        write(cache, "@babel-core-npm-7.23.0-3f8a2c7d1e-9b1c7e8d2a.zip", java.util.Arrays.copyOf(zip, zip.length - 1));

        Findings findings = bothPaths(cache, CacheKind.YARN, "/usr/local/share/.cache/yarn", VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "lodash@4.17.21", "@types/node@20.8.0", "typescript@5.2.2", "@babel/core@7.23.0");
        assertThat(findings.broken()).extracting(Findings.Broken::entry).containsExactly("@babel/core@7.23.0");
    }

    @Test
    void condaNamesPackagesByNameVersionBuildAndChecksItsZips() throws IOException {
        String name = "numpy-1.26.4-py311h64a7726_0";
        write(cache, name + ".conda", KindFixtures.storedZip(Map.of("metadata.json", "{}".getBytes(),
                "pkg-" + name + ".tar.zst", KindFixtures.noise(2000, 8))));
        write(cache, name + "/lib/python3.11/site-packages/numpy/__init__.py", "x");
        write(cache, "openssl-3.2.1-hd590300_0.tar.bz2", "BZh9");
        write(cache, "urls.txt", "https://conda.anaconda.org/conda-forge/linux-64/" + name + ".conda\n");

        Findings findings = bothPaths(cache, CacheKind.CONDA, "/opt/conda/pkgs", VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name, Findings.Item::files).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(name, 2L),
                org.assertj.core.groups.Tuple.tuple("openssl-3.2.1-hd590300_0", 1L),
                org.assertj.core.groups.Tuple.tuple("urls.txt", 1L));
        assertThat(findings.verified()).isEqualTo(1);
        assertThat(findings.broken()).isEmpty();
    }

    @Test
    void torchChecksACheckpointAgainstTheSha256PrefixItsNameCarries() throws IOException {
        byte[] weights = KindFixtures.noise(5000, 9);
        String good = "hub/checkpoints/resnet18-" + hex("SHA-256", weights).substring(0, 8) + ".pth";
        write(cache, good, weights);
        String bad = "hub/checkpoints/vgg16-" + hex("SHA-256", "other").substring(0, 8) + ".pth";
        write(cache, bad, weights);
        write(cache, "hub/checkpoints/my_finetune.pth", weights); // no prefix: nothing to check
        write(cache, "hub/pytorch_vision_v0.10.0/hubconf.py", "dependencies = []");

        Findings findings = bothPaths(cache, CacheKind.TORCH, "/root/.cache/torch", VERIFY).findings();

        assertThat(findings.items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "checkpoint " + good.substring(16), "checkpoint " + bad.substring(16), "checkpoint my_finetune.pth",
                "hub repository pytorch_vision_v0.10.0");
        assertThat(findings.verified()).isEqualTo(2);
        assertThat(findings.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.entry()).isEqualTo("checkpoint " + bad.substring(16));
            assertThat(broken.files()).containsExactly(bad);
        });
    }

    @Test
    void torchMountedAtItsHubFolderNamesFilesInTheCache() throws IOException {
        String bad = "checkpoints/vgg16-" + hex("SHA-256", "other").substring(0, 8) + ".pth";
        write(cache, bad, KindFixtures.noise(100, 10));

        Findings findings = bothPaths(cache, CacheKind.TORCH, "/root/.cache/torch/hub", VERIFY).findings();

        assertThat(findings.broken()).singleElement().extracting(Findings.Broken::files).isEqualTo(List.of(bad));
    }

    @Test
    void pipNamesTheStandardPartsOfItsCache() throws IOException {
        write(cache, "http-v2/a/b/c/d/e/abcdef.body", "x");
        write(cache, "wheels/ab/cd/ef/pkg-1.0-py3-none-any.whl", KindFixtures.jar(11));
        write(cache, "selfcheck/abc.json", "{}");

        assertThat(itemNames(CacheKind.PIP, "/root/.cache/pip")).containsExactlyInAnyOrder(
                "HTTP cache (http-v2)", "wheels built here (wheels)", "pip's self-check");
    }

    @Test
    void poetryNamesItsSourcesAndVirtualenvs() throws IOException {
        write(cache, "cache/repositories/PyPI/_http/a/b/c", "x");
        write(cache, "virtualenvs/app-Xy12Ab-py3.11/bin/python", "x");
        write(cache, "artifacts/ab/cd/requests-2.31.0.tar.gz", gzip("sdist".getBytes()));

        assertThat(itemNames(CacheKind.POETRY, "/root/.cache/pypoetry")).containsExactlyInAnyOrder(
                "HTTP cache of PyPI", "virtualenv app-Xy12Ab-py3.11", "artifacts");
    }

    @Test
    void ccacheWhisperAndGenericNameTheirParts() throws IOException {
        write(cache, "a/b/c123R", "x");
        write(cache, "ccache.conf", "max_size = 5G");
        write(cache, "tmp/x.tmp", "x");
        assertThat(itemNames(CacheKind.CCACHE, "/root/.cache/ccache")).containsExactlyInAnyOrder(
                "results and manifests", "ccache.conf", "temporary files");

        KindReader whisper = Layouts.whisper(true);
        whisper.file("tiny.pt", 10);
        whisper.file("notes/x.txt", 1);
        assertThat(whisper.items(10)).extracting(Findings.Item::name).containsExactlyInAnyOrder("model tiny", "notes/");
        KindReader generic = Layouts.generic(true);
        generic.file("a/b/c", 1);
        generic.file("d", 1);
        assertThat(generic.items(10)).extracting(Findings.Item::name).containsExactlyInAnyOrder("a/", "d");
    }
}
