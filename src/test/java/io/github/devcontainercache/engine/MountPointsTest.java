package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPointsTest {

    @TempDir
    Path temp;

    private static final EngineEndpoint LOCAL = new EngineEndpoint(URI.create("unix:///var/run/docker.sock"), "test", null);

    private VolumeInfo volume(Path data, String driver, String createdAt) {
        return new VolumeInfo("v", driver, data.toString(), createdAt, Map.of(), Map.of());
    }

    private static String createdAtOf(Path directory) throws IOException {
        FileTime ctime = (FileTime) Files.getAttribute(directory, "unix:ctime");
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ctime.toInstant().atOffset(ZoneOffset.UTC));
    }

    @Test
    void aLocalVolumeWhoseDirectoryHasTheEnginesCreationTimeIsReadDirectly() throws IOException {
        Path data = Files.createDirectories(temp.resolve("volumes/v/_data"));

        assertThat(MountPoints.localDirectory(LOCAL, volume(data, "local", createdAtOf(data))))
                .contains(data);
    }

    @Test
    void anotherCreationTimeMeansAnotherEngineOwnsTheVolume() throws IOException {
        Path data = Files.createDirectories(temp.resolve("volumes/v/_data"));

        assertThat(MountPoints.localDirectory(LOCAL, volume(data, "local", "2001-01-01T00:00:00Z"))).isEmpty();
    }

    @Test
    void aTcpEngineOrAnotherDriverOrAMissingDirectoryIsNeverReadDirectly() throws IOException {
        Path data = Files.createDirectories(temp.resolve("volumes/v/_data"));
        String createdAt = createdAtOf(data);
        EngineEndpoint remote = new EngineEndpoint(URI.create("tcp://127.0.0.1:2375"), "test", null);

        assertThat(MountPoints.localDirectory(remote, volume(data, "local", createdAt))).isEmpty();
        assertThat(MountPoints.localDirectory(LOCAL, volume(data, "nfs", createdAt))).isEmpty();
        assertThat(MountPoints.localDirectory(LOCAL, volume(temp.resolve("nope/_data"), "local", createdAt)))
                .isEmpty();
    }

    @Test
    void timeStampsCompareToTheSecondWhateverTheOffset() {
        FileTime time = FileTime.from(Instant.parse("2026-11-23T23:21:04.734Z"));

        assertThat(MountPoints.madeAt(time, "2026-11-23T23:21:04Z")).isTrue();
        assertThat(MountPoints.madeAt(time, "2026-11-24T00:21:04+01:00")).isTrue();
        // Podman's stored time, taken just before the directory was made
        assertThat(MountPoints.madeAt(time, "2026-11-23T23:21:03Z")).isTrue();
        assertThat(MountPoints.madeAt(time, "2026-11-23T23:21:02Z")).isFalse();
        assertThat(MountPoints.madeAt(time, "2026-11-23T23:21:05Z")).isFalse();
        assertThat(MountPoints.madeAt(time, "not a time")).isFalse();
    }
}
