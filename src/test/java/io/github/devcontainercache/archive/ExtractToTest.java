package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.BuildLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExtractToTest {

    @TempDir
    Path temp;

    private Path export(Path source) throws IOException {
        return new Exporter(BuildLog.SILENT).export(Exporter.directory(source), temp.resolve("out"), "cache", "generic",
                Map.of(), "test", Compression.ZSTD, -1);
    }

    @Test
    void aCacheFileNamedLikeTheManifestIsContentAndRoundTrips() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source"));
        Files.writeString(source.resolve(Manifest.ENTRY), "a file of the cache");
        Files.writeString(source.resolve("other.txt"), "other");
        Path archive = export(source);
        Importer importer = new Importer(BuildLog.SILENT);

        Manifest manifest = importer.verify(archive);
        Path target = Files.createDirectories(temp.resolve("target"));
        importer.extractTo(archive, target);

        assertThat(manifest.files()).containsKeys(Manifest.ENTRY, "other.txt");
        assertThat(Files.readString(target.resolve(Manifest.ENTRY))).isEqualTo("a file of the cache");
        assertThat(Files.readString(target.resolve("other.txt"))).isEqualTo("other");
    }

    @Test
    void nothingIsWrittenThroughALinkAlreadyInTheTarget() throws Exception {
        Path source = Files.createDirectories(temp.resolve("source/evil/planted"));
        Files.writeString(source.resolve("x"), "payload");
        Path archive = export(temp.resolve("source"));
        Path victim = Files.createDirectories(temp.resolve("victim"));
        Files.setPosixFilePermissions(victim, PosixFilePermissions.fromString("rwx------"));
        Path target = Files.createDirectories(temp.resolve("target"));
        Files.createSymbolicLink(target.resolve("evil"), victim);

        assertThatThrownBy(() -> new Importer(BuildLog.SILENT).extractTo(archive, target))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("through the link");
        try (var files = Files.list(victim)) {
            assertThat(files).isEmpty();
        }
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(victim))).isEqualTo("rwx------");
    }
}
