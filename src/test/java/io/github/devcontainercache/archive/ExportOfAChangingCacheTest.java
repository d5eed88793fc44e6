package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.content.Progress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportOfAChangingCacheTest {

    @TempDir
    Path out;

    /** A directory-like source whose one file grows between the hashing pass and the writing pass. */
    private static Exporter.Source growing() {
        return new Exporter.Source() {
            private int reads;

            @Override
            public boolean rereadable() {
                return true;
            }

            @Override
            public void copyTo(TarArchiveOutputStream tar, Progress progress) throws IOException {
                byte[] content = ("pip wrote this" + "!".repeat(reads++)).getBytes(StandardCharsets.UTF_8);
                TarArchiveEntry entry = new TarArchiveEntry("wheels/a.whl");
                entry.setSize(content.length);
                tar.putArchiveEntry(entry);
                tar.write(content);
                tar.closeArchiveEntry();
            }
        };
    }

    @Test
    void aCacheThatChangesDuringTheExportFailsItAndLeavesNoArchive() throws IOException {
        Exporter exporter = new Exporter(BuildLog.SILENT);

        assertThatThrownBy(() -> exporter.export(growing(), out, "pip-cache", "pip", Map.of(), "test",
                        Compression.ZSTD, -1))
                .isInstanceOf(IOException.class)
                .hasMessage("the cache changed while it was exported; export it again while no container writes to it");
        try (var files = Files.list(out)) {
            assertThat(files).isEmpty();
        }
    }
}
