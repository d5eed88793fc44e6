package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskUseTest {

    @TempDir
    Path temp;

    @Test
    void readsTheBytesOfDusAnswer() {
        assertThat(DiskUse.parse("98304\t/var/lib/docker/volumes/v/_data\n")).isEqualTo(OptionalLong.of(98304));
        assertThat(DiskUse.parse("0 /x\n")).isEqualTo(OptionalLong.of(0));
    }

    @Test
    void anAnswerThatIsNotANumberIsNoAnswer() {
        assertThat(DiskUse.parse("")).isEmpty();
        assertThat(DiskUse.parse("du: cannot read directory\n")).isEmpty();
        assertThat(DiskUse.parse("12k\t/x\n")).isEmpty();
        assertThat(DiskUse.parse("98304")).isEmpty();
        assertThat(DiskUse.parse("9999999999999999999999\t/x\n")).isEmpty();
    }

    @Test
    void measuresADirectoryAsDuDoes() throws Exception {
        Files.write(temp.resolve("a"), new byte[10_000]);
        Files.createDirectory(temp.resolve("d"));
        OptionalLong measured = DiskUse.start(temp).await();
        // three blocks for the file at least, and one for each folder, where a du answers (it does on Linux)
        assertThat(measured).isPresent();
        assertThat(measured.getAsLong()).isGreaterThanOrEqualTo(3 * 4096);
    }

    @Test
    void aDirectoryThatIsNotThereGetsNoAnswer() {
        assertThat(DiskUse.start(temp.resolve("gone")).await()).isEmpty();
    }
}
