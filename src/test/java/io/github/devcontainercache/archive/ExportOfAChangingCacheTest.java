package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.BuildLog;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An export reads a cache once: a file that a container writes meanwhile fails it, and leaves no archive. */
class ExportOfAChangingCacheTest {

    @TempDir
    Path out;

    @TempDir
    Path cache;

    /**
     * The directory source, with the cache's file grown or cut between the walk (which reads its size for the entry's
     * header) and the read of its content, as a container writing to it would.
     */
    private Exporter.Source changedAfterTheWalk(Path file, int newLength) {
        Exporter.Source directory = Exporter.directory(cache);
        return (tar, progress) -> directory.copyTo(new TarArchiveOutputStream(OutputStream.nullOutputStream()) {
            @Override
            public void putArchiveEntry(TarArchiveEntry entry) throws IOException {
                tar.putArchiveEntry(entry);
                if (entry.getName().equals("wheels/a.whl")) {
                    Files.write(file, "x".repeat(newLength).getBytes(StandardCharsets.UTF_8),
                            StandardOpenOption.TRUNCATE_EXISTING);
                }
            }

            @Override
            public void write(byte[] buffer, int offset, int length) throws IOException {
                tar.write(buffer, offset, length);
            }

            @Override
            public void closeArchiveEntry() throws IOException {
                tar.closeArchiveEntry();
            }
        }, progress);
    }

    @ParameterizedTest
    @ValueSource(ints = {3, 40})
    void aFileThatChangesSizeWhileItIsReadFailsTheExportAndLeavesNoArchive(int newLength) throws IOException {
        Path file = Files.createDirectories(cache.resolve("wheels")).resolve("a.whl");
        Files.writeString(file, "pip wrote this");
        Exporter exporter = new Exporter(BuildLog.SILENT);

        assertThatThrownBy(() -> exporter.export(changedAfterTheWalk(file, newLength), out, "pip-cache", "pip",
                        Map.of(), "test", Compression.ZSTD, -1))
                .isInstanceOf(IOException.class)
                .hasMessage("'wheels/a.whl' changed while it was exported; export the cache again while no container"
                        + " writes to it");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUnchangedCacheExports() throws IOException {
        Files.writeString(Files.createDirectories(cache.resolve("wheels")).resolve("a.whl"), "pip wrote this");
        Path archive = new Exporter(BuildLog.SILENT).export(Exporter.directory(cache), out, "pip-cache", "pip",
                Map.of(), "test", Compression.ZSTD, -1);
        assertThat(archive).exists();
    }
}
