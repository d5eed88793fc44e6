package io.github.devcontainercache.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.engine.ContainerInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WipeMessagesTest {

    private static final String NL = System.lineSeparator();

    private static ContainerInfo container(String name, String state) {
        return new ContainerInfo("id-" + name, name, "image", state, 0, Map.of());
    }

    @Test
    void aRunningUserIsNamedWithTheFix() {
        assertThat(VolumeMessages.wipeRefusedRunning("radio-whisper-cache", List.of(container("radio-dev", "running")), false)).isEqualTo(
                "Cache 'radio-whisper-cache' is used by running container radio-dev (running): wiping it now would pull"
                        + " the files from under it. Stop it (docker stop radio-dev) and run again, or keep the volume"
                        + " and delete its content with -Ddevcontainer-cache.mode=empty once they are stopped.");
    }

    @Test
    void inEmptyModeTheFixIsOnlyToStopThem() {
        assertThat(VolumeMessages.wipeRefusedRunning("c", List.of(container("a", "running"), container("b", "paused")), true)).isEqualTo(
                "Cache 'c' is used by running containers a (running), b (paused): wiping it now would pull the files"
                        + " from under them. Stop them (docker stop a b) and run again.");
    }

    @Test
    void aStoppedUserIsNamedWithBothFixes() {
        assertThat(VolumeMessages.wipeRefusedStopped("c", List.of(container("dev", "exited")))).isEqualTo(
                "Cache 'c' is referenced by stopped container dev (exited): removing the volume would break it. Keep"
                        + " the volume and delete its content with -Ddevcontainer-cache.mode=empty, or remove the"
                        + " container first (docker rm dev).");
    }

    @Test
    void theSummarySaysWhatWasFreed() {
        assertThat(VolumeMessages.wipeSummary(false, 3072, false, 0)).isEqualTo("Freed 3.0 KiB (3072 bytes).");
        assertThat(VolumeMessages.wipeSummary(true, 3072, true, 1)).isEqualTo(
                "Dry run: would free 3.0 KiB (3072 bytes, and more the engine does not measure); 1 cache refused."
                        + " Nothing was changed.");
    }

    @Test
    void eachLineSaysWhatHappenedToACache() {
        assertThat(VolumeMessages.wipeLine("removed", "pip", 2048L)).isEqualTo("  removed      pip (2.0 KiB)");
        assertThat(VolumeMessages.wipeLine("would remove", "pip", null)).isEqualTo("  would remove pip");
        assertThat(VolumeMessages.wipeAbsent("gone")).isEqualTo("  absent       gone (nothing to wipe)");
    }

    @Test
    void refusalsAreListedOnce() {
        assertThat(VolumeMessages.wipeFailed(List.of("first", "second")))
                .isEqualTo("Wipe refused for 2 caches:" + NL + "  - first" + NL + "  - second");
        assertThat(VolumeMessages.unknownWipeMode("shred"))
                .isEqualTo("-Ddevcontainer-cache.mode=shred is not a wipe mode: use remove (the default) or empty.");
    }
}
