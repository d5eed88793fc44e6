package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/**
 * Content reading cases a review found mishandled once: links and devices in a tar stream, ties at the limit of
 * the largest files, the width of the longest status.
 */
class ContentEdgeCasesTest {

    @Test
    void aTarStreamDoesNotCountLinksAsFiles() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry root = new TarArchiveEntry("vol/");
            root.setUserId(1000);
            root.setGroupId(1000);
            tar.putArchiveEntry(root);
            tar.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry("vol/large-v1.pt");
            file.setSize(4);
            tar.putArchiveEntry(file);
            tar.write(new byte[4]);
            tar.closeArchiveEntry();
            TarArchiveEntry link = new TarArchiveEntry("vol/large.pt", TarConstants.LF_SYMLINK);
            link.setLinkName("large-v1.pt");
            tar.putArchiveEntry(link);
            tar.closeArchiveEntry();
            TarArchiveEntry fifo = new TarArchiveEntry("vol/pipe", TarConstants.LF_FIFO);
            tar.putArchiveEntry(fifo);
            tar.closeArchiveEntry();
        }
        VolumeScan scan = VolumeScanner.scan(new ByteArrayInputStream(bytes.toByteArray()), 10);

        assertThat(scan.files()).isEqualTo(1); // as the directory walk counts them
        assertThat(scan.rootFiles()).containsOnlyKeys("large-v1.pt");
        // today the link is a 0-byte root file, which whisperModels then reports as a partial large.pt
        assertThat(ContentChecks.whisperModels(scan, ModelCatalog.whisper()))
                .extracting(CheckedFile::file).doesNotContain("large.pt");
    }

    @Test
    void theLargestFilesKeptAreAPrefixOfTheFullOrder() {
        VolumeScan all = new VolumeScan(10);
        VolumeScan two = new VolumeScan(2);
        for (String path : new String[] {"a", "b", "c"}) {
            all.addFile(path, 10);
            two.addFile(path, 10);
        }
        assertThat(all.largest()).extracting(FileEntry::path).containsExactly("a", "b", "c");
        assertThat(two.largest()).extracting(FileEntry::path).containsExactly("a", "b");
    }

    @Test
    void anUnverifiedFileIsSeparatedFromItsPath() {
        CheckedFile file = new CheckedFile("tiny.pt", 75572083, "0".repeat(64), 75572083, FileStatus.UNVERIFIED);
        assertThat(ContentMessages.checkedFile("whisper-cache", file))
                .isEqualTo("  unverified whisper-cache/tiny.pt (72.1 MiB)");
    }
}
