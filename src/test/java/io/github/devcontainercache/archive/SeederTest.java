package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.Owner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeederTest {

    /** The SHA-256 Whisper gives tiny.pt. */
    private static final String TINY_SHA256 = "65147644a518d12f04e32d6f3b26facc3f8dd46e5390956a9424a650c0ce22b9";

    @TempDir
    Path dir;

    private final Seeder seeder = new Seeder(BuildLog.SILENT);

    @Test
    void refusesAFileNamedLikeAModelThatIsNotTheModel() throws IOException {
        byte[] content = "not a model at all".getBytes(StandardCharsets.UTF_8);
        Path tiny = Files.write(dir.resolve("tiny.pt"), content);

        Seeder.NotTheModel refused = catchThrowableOfType(Seeder.NotTheModel.class, () -> seeder.verifyModels(tiny));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage())
                .startsWith(tiny + " is not the Whisper model tiny: its SHA-256 is ")
                .isEqualTo(tiny + " is not the Whisper model tiny: its SHA-256 is " + CraftedTar.sha256(content)
                        + ", Whisper expects " + TINY_SHA256 + ". Download it again; nothing was written.");
    }

    @Test
    void checksModelsInsideADirectory() throws IOException {
        Files.createDirectories(dir.resolve("whisper"));
        Files.writeString(dir.resolve("notes.txt"), "hello");
        Path tiny = Files.writeString(dir.resolve("whisper/tiny.pt"), "truncated download");

        Seeder.NotTheModel refused = catchThrowableOfType(Seeder.NotTheModel.class, () -> seeder.verifyModels(dir));

        assertThat(refused).isNotNull();
        assertThat(refused.getMessage()).startsWith(tiny + " is not the Whisper model tiny: its SHA-256 is ");
    }

    @Test
    void doesNotCheckAFileOfAnotherName() throws Exception {
        Path other = Files.writeString(dir.resolve("my-tiny.pt"), "anything");

        assertThat(seeder.verifyModels(other)).isZero();
    }

    @Test
    void doesNotCheckADirectoryWithoutModels() throws Exception {
        Files.writeString(dir.resolve("base.pt.part"), "anything");
        Files.createDirectories(dir.resolve("sub"));
        Files.writeString(dir.resolve("sub/readme"), "anything");

        assertThat(seeder.verifyModels(dir)).isZero();
    }

    @Test
    void writesADirectoryAsEntriesOfTheCacheOwnedByTheOwner() throws IOException {
        Path from = Files.createDirectories(dir.resolve("from"));
        byte[] big = CraftedTar.random(7, 1_500_000); // more than the pipe holds
        Files.createDirectories(from.resolve("sub/deeper"));
        Files.writeString(from.resolve("a.txt"), "hello");
        Files.write(from.resolve("sub/deeper/big.bin"), big);
        Files.write(from.resolve("sub/empty"), new byte[0]);

        Map<String, CraftedTar.Read> written = new LinkedHashMap<>();
        long bytes = seeder.write(from, "radio-cache", new Owner(1000, 1001), stream -> {
            try {
                written.putAll(CraftedTar.read(stream));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(written).containsOnlyKeys("radio-cache/a.txt", "radio-cache/sub/", "radio-cache/sub/deeper/",
                "radio-cache/sub/deeper/big.bin", "radio-cache/sub/empty");
        assertThat(written.get("radio-cache/a.txt").content()).asString(StandardCharsets.UTF_8).isEqualTo("hello");
        assertThat(written.get("radio-cache/sub/deeper/big.bin").content()).isEqualTo(big);
        assertThat(written.get("radio-cache/sub/empty").content()).isEmpty();
        for (CraftedTar.Read read : written.values()) {
            TarArchiveEntry entry = read.entry();
            assertThat(entry.getLongUserId()).as("uid of %s", entry.getName()).isEqualTo(1000);
            assertThat(entry.getLongGroupId()).as("gid of %s", entry.getName()).isEqualTo(1001);
            assertThat(entry.getMode() & 0777).isEqualTo(entry.isDirectory() ? 0755 : 0644);
        }
        assertThat(bytes).isEqualTo(5 + big.length);
    }

    @Test
    void writesAFileAsOneEntryOfTheCache() throws IOException {
        Path model = Files.writeString(dir.resolve("base.pt"), "weights");

        Map<String, CraftedTar.Read> written = new LinkedHashMap<>();
        long bytes = seeder.write(model, "whisper-cache", new Owner(0, 0), stream -> {
            try {
                written.putAll(CraftedTar.read(stream));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(written).containsOnlyKeys("whisper-cache/base.pt");
        assertThat(written.get("whisper-cache/base.pt").content()).asString(StandardCharsets.UTF_8).isEqualTo("weights");
        assertThat(bytes).isEqualTo(7);
    }

    @Test
    void listsTheFilesOfAFileOrADirectory() throws IOException {
        Path one = Files.writeString(dir.resolve("one"), "1");
        Files.createDirectories(dir.resolve("sub"));
        Path two = Files.writeString(dir.resolve("sub/two"), "2");
        Files.createSymbolicLink(dir.resolve("link"), one.getFileName());

        assertThat(Seeder.files(one)).containsExactly(one);
        assertThat(Seeder.files(dir)).containsExactly(one, two);
    }
}
