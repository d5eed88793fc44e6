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
import java.util.List;
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
    void aRootlessEnginesVolumeRootHasTheOwnerItsContainersSeeThroughTheEnginesMappings() throws IOException {
        Path data = Files.createDirectories(temp.resolve("volumes/v/_data"));
        long[] host = MountPoints.owner(data);
        // whoever runs the test owns the directory: that id is the container's 1000 here
        IdMappings mappings = new IdMappings(List.of(new IdMappings.Range(1000, host[0], 1)),
                List.of(new IdMappings.Range(1000, host[1], 1)));

        assertThat(MountPoints.ownerThroughMappings(LOCAL, volume(data, "local", createdAtOf(data)), mappings))
                .hasValueSatisfying(ids -> assertThat(ids).containsExactly(1000, 1000));
        IdMappings others = new IdMappings(List.of(new IdMappings.Range(0, host[0] + 1, 10)),
                List.of(new IdMappings.Range(0, host[1] + 1, 10)));
        assertThat(MountPoints.ownerThroughMappings(LOCAL, volume(data, "local", createdAtOf(data)), others))
                .as("ids the engine does not map").isEmpty();
        assertThat(MountPoints.ownerThroughMappings(LOCAL, volume(data, "local", "2001-01-01T00:00:00Z"), mappings))
                .as("another engine's volume").isEmpty();
    }

    @Test
    void podmansRootlessMappingsGiveTheContainersIds() {
        // as rootless Podman 4.3 answers for a user 1001 with the subordinate ids 100000 to 165535
        List<IdMappings.Range> ranges = List.of(new IdMappings.Range(0, 1001, 1), new IdMappings.Range(1, 100000, 65536));
        IdMappings mappings = new IdMappings(ranges, ranges);

        assertThat(mappings.toContainer(100999, 100999)).hasValueSatisfying(ids -> assertThat(ids).containsExactly(1000, 1000));
        assertThat(mappings.toContainer(1001, 1001)).hasValueSatisfying(ids -> assertThat(ids).containsExactly(0, 0));
        assertThat(mappings.toContainer(165535, 100000)).hasValueSatisfying(ids -> assertThat(ids).containsExactly(65536, 1));
        assertThat(mappings.toContainer(165536, 100000)).isEmpty();
        assertThat(mappings.toContainer(0, 0)).isEmpty();
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
