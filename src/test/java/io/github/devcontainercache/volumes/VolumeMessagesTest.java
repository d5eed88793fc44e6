package io.github.devcontainercache.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ReadPath;
import java.util.List;
import org.junit.jupiter.api.Test;

class VolumeMessagesTest {

    private static final String NL = System.lineSeparator();

    @Test
    void cacheMissing() {
        assertThat(VolumeMessages.cacheMissing("radio-pip-cache")).isEqualTo("Cache volume 'radio-pip-cache' does not"
                + " exist. Create it with 'mvn devcontainer-cache:create', or set"
                + " <createMissing>true</createMissing> (-Ddevcontainer-cache.createMissing=true).");
    }

    @Test
    void ownerMismatchNamesTheTargetWhenKnown() {
        assertThat(VolumeMessages.ownerMismatch("radio-pip-cache", "/home/vscode/.cache/pip", new Owner(0, 0),
                        new Owner(1000, 1000)))
                .contains("(in the dev container: sudo chown 1000:1000 /home/vscode/.cache/pip)");
    }

    @Test
    void ownerMismatch() {
        assertThat(VolumeMessages.ownerMismatch("radio-pip-cache", null, new Owner(0, 0), new Owner(1000, 1000))).isEqualTo(
                "Cache volume 'radio-pip-cache' is owned by 0:0, but <owner> declares 1000:1000: the dev"
                        + " container's user cannot write to it. Either give it the declared owner (in the dev"
                        + " container: sudo chown 1000:1000 <target>), or remove it and run 'mvn"
                        + " devcontainer-cache:create', which creates it owned by 1000:1000, or change <owner> to"
                        + " 0:0 if that is the user the dev container runs as.");
    }

    @Test
    void checkFailedListsProblemsAsBullets() {
        assertThat(VolumeMessages.checkFailed(List.of("first problem", "second problem"))).isEqualTo(
                "Cache check failed (2 problems):" + NL + "  - first problem" + NL + "  - second problem");
        assertThat(VolumeMessages.checkFailed(List.of("only problem")))
                .isEqualTo("Cache check failed (1 problem):" + NL + "  - only problem");
    }

    @Test
    void checkPassedAgreesInNumber() {
        assertThat(VolumeMessages.checkPassed(1)).isEqualTo("All 1 cache exists and is usable.");
        assertThat(VolumeMessages.checkPassed(3)).isEqualTo("All 3 caches exist and are usable.");
    }

    @Test
    void checkSaysWhoOwnsAVolumeAndHowItWasRead() {
        assertThat(VolumeMessages.cacheProblem("pip", VolumeMessages.ownedBy(new Owner(0, 0), new Owner(1000, 1000),
                        ReadPath.ARCHIVE_API)))
                .isEqualTo("  PROBLEM  pip  owned by 0:0, not 1000:1000 (read through the archive API)");
        assertThat(VolumeMessages.cacheOk("pip", new Owner(1000, 1000), ReadPath.MOUNT_POINT))
                .isEqualTo("  ok       pip  owner 1000:1000 (read on the mount point)");
    }
}
