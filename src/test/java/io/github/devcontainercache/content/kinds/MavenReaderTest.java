package io.github.devcontainercache.content.kinds;

import static io.github.devcontainercache.content.kinds.KindFixtures.VERIFY;
import static io.github.devcontainercache.content.kinds.KindFixtures.bothPaths;
import static io.github.devcontainercache.content.kinds.KindFixtures.brokenEntry;
import static io.github.devcontainercache.content.kinds.KindFixtures.hex;
import static io.github.devcontainercache.content.kinds.KindFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Maven local repository, with real jars and the sidecars Maven writes beside them. */
class MavenReaderTest {

    private static final String TARGET = "/home/dev/.m2/repository";
    private static final String LIB = "org/example/lib/1.0/lib-1.0";
    private static final String UTIL = "org/example/util/2.3/util-2.3";

    @TempDir
    Path cache;

    /** An artifact as Maven resolves it: jar, pom, their .sha1, and _remote.repositories. */
    private Path artifact(String base, long seed) throws IOException {
        byte[] jar = KindFixtures.jar(seed);
        byte[] pom = ("<project><modelVersion>4.0.0</modelVersion><!-- " + seed + " --></project>").getBytes();
        write(cache, base + ".jar", jar);
        write(cache, base + ".jar.sha1", hex("SHA-1", jar));
        write(cache, base + ".pom", pom);
        write(cache, base + ".pom.sha1", hex("SHA-1", pom) + "  " + base.substring(base.lastIndexOf('/') + 1) + ".pom\n");
        write(cache, base.substring(0, base.lastIndexOf('/')) + "/_remote.repositories", "lib-1.0.jar>central=\n");
        return cache.resolve(base + ".jar");
    }

    private Findings intactAndThen(Path damaged) throws IOException {
        CachePass.Result result = bothPaths(cache, CacheKind.MAVEN, TARGET, VERIFY);
        assertThat(result.findings().broken()).extracting(Findings.Broken::entry)
                .as("only the damaged artifact, not " + damaged.getFileName() + "'s neighbours")
                .containsExactly("org.example:lib:1.0");
        return result.findings();
    }

    private void assertLibIsBrokenWith(Findings findings, String problem) throws IOException {
        Findings.Broken broken = findings.broken().get(0);
        assertThat(broken.problem()).startsWith("lib-1.0.jar ").contains(problem);
        assertThat(broken.files()).containsExactly(LIB + ".jar", LIB + ".jar.sha1");
        assertThat(broken.sizeBytes()).isEqualTo(Files.size(cache.resolve(LIB + ".jar")));
    }

    @Test
    void anIntactRepositoryIsVerifiedAndNamedByCoordinates() throws IOException {
        artifact(LIB, 1);
        artifact(UTIL, 2);
        write(cache, "org/example/lib/maven-metadata-central.xml", "<metadata/>");

        Findings findings = bothPaths(cache, CacheKind.MAVEN, TARGET, VERIFY).findings();

        assertThat(findings.broken()).isEmpty();
        assertThat(findings.verified()).isEqualTo(4); // two jars, two poms
        assertThat(findings.unit()).isEqualTo("artifacts (groupId:artifactId:version)");
        assertThat(findings.items()).extracting(Findings.Item::name)
                .containsExactlyInAnyOrder("org.example:lib:1.0", "org.example:util:2.3", "org.example:lib");
        long libBytes;
        try (var files = Files.list(cache.resolve("org/example/lib/1.0"))) {
            libBytes = files.mapToLong(p -> p.toFile().length()).sum();
        }
        assertThat(findings.items()).filteredOn(i -> i.name().equals("org.example:lib:1.0"))
                .containsExactly(new Findings.Item("org.example:lib:1.0", libBytes, 5));
    }

    @Test
    void aTruncatedJarIsBroken() throws IOException {
        Path jar = artifact(LIB, 1);
        artifact(UTIL, 2);
        KindFixtures.cut(jar, (int) Files.size(jar) / 2);

        assertLibIsBrokenWith(intactAndThen(jar), "truncated");
    }

    @Test
    void aFlippedByteInADeflatedEntryIsBroken() throws IOException {
        Path jar = artifact(LIB, 1);
        artifact(UTIL, 2);
        byte[] bytes = Files.readAllBytes(jar);
        int data = KindFixtures.dataOffset(bytes, KindFixtures.localHeaderOffsets(bytes).get(1));
        KindFixtures.flipByte(jar, data + 500);
        // the sidecar says the jar as it was: only the zip's own check tells, and it is named once
        assertLibIsBrokenWith(intactAndThen(jar), "entry 2 (com/example/A.class) does not match its CRC-32");
    }

    @Test
    void aGarbledFirstLocalHeaderIsBroken() throws IOException {
        Path jar = artifact(LIB, 1);
        artifact(UTIL, 2);
        KindFixtures.flipByte(jar, 0); // "PK\3\4" no more
        assertLibIsBrokenWith(intactAndThen(jar), "entry 1 (META-INF/MANIFEST.MF) has no local header where the directory says: invalid LOC header");
    }

    @Test
    void aGarbledNameLengthInALocalHeaderIsBroken() throws IOException {
        Path jar = artifact(LIB, 1);
        artifact(UTIL, 2);
        byte[] bytes = Files.readAllBytes(jar);
        int second = KindFixtures.localHeaderOffsets(bytes).get(1);
        KindFixtures.flipByte(jar, second + 26); // the name runs into the data
        assertLibIsBrokenWith(intactAndThen(jar), "entry 2 (com/example/A.class) has a local header of another name: invalid LOC header");
    }

    @Test
    void aJarCutExactlyWhereItsCentralDirectoryStartsIsBroken() throws IOException {
        Path jar = artifact(LIB, 1);
        artifact(UTIL, 2);
        byte[] bytes = Files.readAllBytes(jar);
        KindFixtures.cut(jar, KindFixtures.centralDirectoryOffset(bytes));
        // every entry inflates and matches its CRC: only the missing directory tells
        assertLibIsBrokenWith(intactAndThen(jar), "truncated: it does not end with a zip's end record");
    }

    @Test
    void aJarCutBetweenTwoEntriesIsBroken() throws IOException {
        Path jar = artifact(LIB, 1);
        artifact(UTIL, 2);
        byte[] bytes = Files.readAllBytes(jar);
        KindFixtures.cut(jar, KindFixtures.localHeaderOffsets(bytes).get(2));
        assertLibIsBrokenWith(intactAndThen(jar), "truncated");
    }

    @Test
    void aSidecarThatDoesNotMatchNamesItsArtifact() throws IOException {
        Path jar = artifact(LIB, 1);
        artifact(UTIL, 2);
        write(cache, LIB + ".jar.sha1", hex("SHA-1", "another jar"));

        assertLibIsBrokenWith(intactAndThen(jar), "does not match its .sha1");
    }

    @Test
    void aSha256SidecarIsCheckedAndRemovedWithItsArtifact() throws IOException {
        Path jar = artifact(LIB, 1);
        write(cache, LIB + ".jar.sha256", hex("SHA-256", "another jar").toUpperCase());
        // on the mount point every sidecar is known before any content is read
        Findings findings = KindFixtures.walk(cache, CacheKind.MAVEN, TARGET, VERIFY).findings();

        Findings.Broken broken = findings.broken().get(0);
        assertThat(findings.broken()).hasSize(1);
        assertThat(broken.problem()).isEqualTo("lib-1.0.jar does not match its .sha256");
        assertThat(broken.files()).containsExactlyInAnyOrder(LIB + ".jar", LIB + ".jar.sha1", LIB + ".jar.sha256");
        write(cache, LIB + ".jar.sha256", hex("SHA-256", Files.readAllBytes(jar)).toUpperCase() + "\n");
        assertThat(KindFixtures.walk(cache, CacheKind.MAVEN, TARGET, VERIFY).findings().broken()).isEmpty();
    }

    @Test
    void aBrokenPomWithoutItsJarIsNamedByItsOwnFiles() throws IOException {
        write(cache, UTIL + ".pom", "<project/>");
        write(cache, UTIL + ".pom.sha1", hex("SHA-1", "<project>"));

        Findings findings = bothPaths(cache, CacheKind.MAVEN, TARGET, VERIFY).findings();

        assertThat(findings.broken()).containsExactly(new Findings.Broken("org.example:util:2.3",
                "util-2.3.pom does not match its .sha1", List.of(UTIL + ".pom", UTIL + ".pom.sha1"), 10));
    }

    @Test
    void withoutVerifyingNothingIsReadButItemsAreNamed() throws IOException {
        Path jar = artifact(LIB, 1);
        KindFixtures.cut(jar, 40);

        Findings findings = bothPaths(cache, CacheKind.MAVEN, TARGET, KindFixtures.LIST).findings();

        assertThat(findings.broken()).isEmpty();
        assertThat(findings.verified()).isZero();
        assertThat(findings.items()).extracting(Findings.Item::name).containsExactly("org.example:lib:1.0");
    }

    @Test
    void aCacheMountedAtDotM2ReadsItsRepositoryFolderAndNamesFilesInTheCache() throws IOException {
        Path repository = cache.resolve("repository");
        java.nio.file.Files.createDirectories(repository);
        byte[] jar = KindFixtures.jar(7);
        write(repository, LIB + ".jar", java.util.Arrays.copyOf(jar, jar.length - 10));
        write(repository, LIB + ".jar.sha1", hex("SHA-1", jar));
        write(cache, "settings.xml", "<settings/>");
        write(cache, "wrapper/dists/apache-maven-3.9.6-bin/maven.zip", "not read: outside the repository");

        CachePass.Result result = bothPaths(cache, CacheKind.MAVEN, "/home/dev/.m2", VERIFY);

        Findings.Broken broken = brokenEntry(result, "org.example:lib:1.0");
        assertThat(broken.files()).containsExactly("repository/" + LIB + ".jar", "repository/" + LIB + ".jar.sha1");
        assertThat(result.findings().broken()).hasSize(1);
        assertThat(result.findings().items()).extracting(Findings.Item::name)
                .containsExactlyInAnyOrder("org.example:lib:1.0", "settings.xml", "wrapper/");
        assertThat(result.otherLayout()).isNull();
    }

    @Test
    void coordinatesOfTheFilesOfAVersionFolder() {
        assertThat(MavenReader.coordinates("com/google/guava/guava/32.1.3-jre/guava-32.1.3-jre-sources.jar"))
                .isEqualTo("com.google.guava:guava:32.1.3-jre");
        assertThat(MavenReader.coordinates("org/example/lib/1.0-SNAPSHOT/lib-1.0-20240101.120000-3.jar"))
                .isEqualTo("org.example:lib:1.0-SNAPSHOT");
        assertThat(MavenReader.coordinates("org/example/lib/1.0/maven-metadata-central.xml"))
                .isEqualTo("org.example:lib:1.0");
        assertThat(MavenReader.coordinates("org/example/lib/maven-metadata-central.xml")).isEqualTo("org.example:lib");
        // every version folder Maven 3 resolves into holds one, and it belongs to that version
        assertThat(MavenReader.coordinates("org/example/lib/1.0/_remote.repositories")).isEqualTo("org.example:lib:1.0");
        assertThat(MavenReader.coordinates("org/example/lib/1.0/lib-1.0.jar.lastUpdated")).isEqualTo("org.example:lib:1.0");
    }
}
