package io.github.devcontainercache.content.kinds;

import static io.github.devcontainercache.content.kinds.KindFixtures.VERIFY;
import static io.github.devcontainercache.content.kinds.KindFixtures.bothPaths;
import static io.github.devcontainercache.content.kinds.KindFixtures.hex;
import static io.github.devcontainercache.content.kinds.KindFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Go's module cache: {@code cache/download/<escaped module>/@v/<version>.zip} with its {@code .ziphash}, the
 * {@code h1:} hash of golang.org/x/mod/sumdb/dirhash.Hash1, and the extracted {@code <module>@<version>/}.
 */
class GoReaderTest {

    private static final String TARGET = "/go/pkg/mod";
    private static final String MODULE = "github.com/!burnt!sushi/toml";
    private static final String DOWNLOAD = "cache/download/" + MODULE + "/@v/";
    private static final String PREFIX = MODULE + "@v1.2.0/";

    @TempDir
    Path cache;

    /** The module's files; they sort one way by name and another by their hashes, so the order is tested. */
    private static Map<String, byte[]> files() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PREFIX + "LICENSE", "The MIT License (MIT)\n".getBytes(StandardCharsets.UTF_8));
        files.put(PREFIX + "decode.go", "package toml\n\nfunc Decode() {}\n".getBytes(StandardCharsets.UTF_8));
        files.put(PREFIX + "go.mod", "module github.com/BurntSushi/toml\n\ngo 1.16\n".getBytes(StandardCharsets.UTF_8));
        files.put(PREFIX + "internal/tz.go", "package internal\n".getBytes(StandardCharsets.UTF_8));
        return files;
    }

    /** dirhash.Hash1: SHA-256 over the lines "<hex SHA-256 of the file>  <name>\n", the names sorted. */
    static String hash1(Map<String, byte[]> files) {
        List<String> names = new ArrayList<>(files.keySet());
        java.util.Collections.sort(names);
        MessageDigest summary = KindFixtures.digestOf("SHA-256");
        for (String name : names) {
            summary.update((hex("SHA-256", files.get(name)) + "  " + name + "\n").getBytes(StandardCharsets.UTF_8));
        }
        return "h1:" + Base64.getEncoder().encodeToString(summary.digest());
    }

    private void module(Map<String, byte[]> files, String ziphash) throws IOException {
        write(cache, DOWNLOAD + "list", "v1.2.0\n");
        write(cache, DOWNLOAD + "v1.2.0.info", "{\"Version\":\"v1.2.0\",\"Time\":\"2022-08-01T00:00:00Z\"}");
        write(cache, DOWNLOAD + "v1.2.0.mod", files.get(PREFIX + "go.mod"));
        write(cache, DOWNLOAD + "v1.2.0.zip", KindFixtures.zip(files));
        write(cache, DOWNLOAD + "v1.2.0.ziphash", ziphash);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            write(cache, file.getKey(), file.getValue());
        }
    }

    @Test
    void theFixtureSortsDifferentlyByNameAndByHash() {
        List<String> byName = files().keySet().stream().sorted().toList();
        List<String> byLine = files().entrySet().stream()
                .map(file -> hex("SHA-256", file.getValue()) + "  " + file.getKey()).sorted()
                .map(line -> line.substring(66)).toList();
        assertThat(byLine).isNotEqualTo(byName);
    }

    @Test
    void aModuleWhoseZipMatchesItsZiphashIsWholeAndNamedByItsPath() throws IOException {
        module(files(), hash1(files()));

        Findings findings = bothPaths(cache, CacheKind.GO, TARGET, VERIFY).findings();

        assertThat(findings.broken()).isEmpty();
        assertThat(findings.verified()).isEqualTo(1);
        assertThat(findings.unit()).isEqualTo("modules (module@version)");
        assertThat(findings.items()).extracting(Findings.Item::name).containsExactlyInAnyOrder(
                "github.com/BurntSushi/toml@v1.2.0", "github.com/BurntSushi/toml");
        assertThat(findings.items()).filteredOn(i -> i.name().endsWith("@v1.2.0")).singleElement()
                .extracting(Findings.Item::files).isEqualTo(4L + files().size());
    }

    @Test
    void aZiphashWithATrailingNewlineAsGoWritesItMatches() throws IOException {
        module(files(), hash1(files()) + "\n");
        assertThat(bothPaths(cache, CacheKind.GO, TARGET, VERIFY).findings().broken()).isEmpty();
    }

    @Test
    void aWrongZiphashNamesTheModuleAndItsZipAndZiphash() throws IOException {
        Map<String, byte[]> other = files();
        other.put(PREFIX + "decode.go", "package toml // changed\n".getBytes(StandardCharsets.UTF_8));
        module(files(), hash1(other));

        Findings findings = bothPaths(cache, CacheKind.GO, TARGET, VERIFY).findings();

        assertThat(findings.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.entry()).isEqualTo("github.com/BurntSushi/toml@v1.2.0");
            assertThat(broken.problem()).isEqualTo("v1.2.0.zip hashes to " + hash1(files()) + ", its .ziphash says "
                    + hash1(other));
            assertThat(broken.files()).containsExactly(DOWNLOAD + "v1.2.0.zip", DOWNLOAD + "v1.2.0.ziphash");
        });
    }

    @Test
    void aDamagedZipIsBrokenWhateverItsZiphash() throws IOException {
        module(files(), hash1(files()));
        KindFixtures.cut(cache.resolve(DOWNLOAD + "v1.2.0.zip"), 100);

        Findings findings = bothPaths(cache, CacheKind.GO, TARGET, VERIFY).findings();

        assertThat(findings.broken()).singleElement().satisfies(broken -> {
            assertThat(broken.entry()).isEqualTo("github.com/BurntSushi/toml@v1.2.0");
            assertThat(broken.problem()).startsWith("v1.2.0.zip ").doesNotContain("hashes to");
        });
    }

    @Test
    void aZipWithoutItsZiphashIsCheckedAsAZipOnly() throws IOException {
        module(files(), "");
        java.nio.file.Files.delete(cache.resolve(DOWNLOAD + "v1.2.0.ziphash"));
        assertThat(bothPaths(cache, CacheKind.GO, TARGET, VERIFY).findings().broken()).isEmpty();
    }

    @Test
    void aZipEntryWhoseNameHoldsANewlineIsRefusedAsGoRefusesIt() throws IOException {
        Map<String, byte[]> files = files();
        files.put(PREFIX + "bad\nname.go", "package toml\n".getBytes(StandardCharsets.UTF_8));
        write(cache, DOWNLOAD + "v1.2.0.zip", KindFixtures.zip(files));

        Findings findings = bothPaths(cache, CacheKind.GO, TARGET, VERIFY).findings();

        assertThat(findings.broken()).singleElement().extracting(Findings.Broken::problem).asString()
                .contains("an entry's name holds a newline");
    }

    @Test
    void modulePathsAreUnescaped() {
        assertThat(GoReader.module(DOWNLOAD + "v1.2.0.zip")).isEqualTo("github.com/BurntSushi/toml@v1.2.0");
        assertThat(GoReader.module(DOWNLOAD + "v1.2.0.ziphash")).isEqualTo("github.com/BurntSushi/toml@v1.2.0");
        assertThat(GoReader.module(DOWNLOAD + "list")).isEqualTo("github.com/BurntSushi/toml");
        assertThat(GoReader.module(PREFIX + "internal/tz.go")).isEqualTo("github.com/BurntSushi/toml@v1.2.0");
        assertThat(GoReader.module("golang.org/x/mod@v0.14.0/go.mod")).isEqualTo("golang.org/x/mod@v0.14.0");
        assertThat(GoReader.module("cache/download/sumdb/sum.golang.org/lookup/x")).isEqualTo("cache/download/sumdb");
        assertThat(GoReader.module("cache/vcs/abc/HEAD")).isEqualTo("cache/");
    }
}
