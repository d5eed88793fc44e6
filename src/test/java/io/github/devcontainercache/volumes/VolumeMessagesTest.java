package io.github.devcontainercache.volumes;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.engine.ContainerInfo;
import io.github.devcontainercache.engine.HelperContainer;
import java.util.List;
import java.util.Map;
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

    private static ContainerInfo container(String name, String state) {
        return new ContainerInfo("id-" + name, name, "python:3.12", state, 0, Map.of());
    }

    private static ContainerInfo helperOf(String pid, String host) {
        return new ContainerInfo("id-" + pid, "devcontainer-cache-helper-" + pid, "devcontainer-cache-helper:1",
                "running", 0, Map.of(HelperContainer.LABEL, "true", HelperContainer.LABEL + ".pid", pid,
                        HelperContainer.LABEL + ".host", host));
    }

    @Test
    void repairNothing() {
        assertThat(VolumeMessages.repairNothing("pip-cache")).isEqualTo("Nothing to repair in pip-cache.");
    }

    @Test
    void repairLineAlignsTheNamesAfterEitherVerb() {
        assertThat(VolumeMessages.repairLine("would remove", "m2", "org.a:b:1", List.of("a/b-1.jar", "a/b-1.pom"),
                2048)).isEqualTo("would remove m2: org.a:b:1 (a/b-1.jar, a/b-1.pom; 2.0 KiB)");
        assertThat(VolumeMessages.repairLine("removed", "m2", "unfinished download", List.of("x.part"), 5))
                .isEqualTo("removed      m2: unfinished download (x.part; 5 B)");
    }

    @Test
    void repairRefusedInUseByOneContainer() {
        assertThat(VolumeMessages.repairRefusedInUse("pip-cache", List.of(container("dev", "running")))).isEqualTo(
                "Cache 'pip-cache' is in use by dev (running): removing entries now could pull them from under a tool"
                        + " that reads them. Stop it (docker stop dev) and run the repair again.");
    }

    @Test
    void repairRefusedInUseBySeveralContainers() {
        assertThat(VolumeMessages.repairRefusedInUse("pip-cache",
                        List.of(container("dev", "running"), container("ci", "paused"))))
                .isEqualTo("Cache 'pip-cache' is in use by dev (running), ci (paused): removing entries now could pull"
                        + " them from under a tool that reads them. Stop them (docker stop dev ci) and run the repair"
                        + " again.");
    }

    @Test
    void repairRefusedWhileAnotherBuildExportsOrImportsTheCache() {
        assertThat(VolumeMessages.repairRefusedInUse("pip-cache",
                        List.of(helperOf("42", "ci-1"), helperOf("42", "ci-1"), helperOf("7", "ci-2"))))
                .isEqualTo("Cache 'pip-cache' is being exported or imported by another build (pid 42 on host ci-1,"
                        + " pid 7 on host ci-2): removing entries now would break that build's archive. Run the repair"
                        + " again once that build has finished; if it was killed, the next run removes what it left.");
    }

    @Test
    void repairNoImage() {
        assertThat(VolumeMessages.repairNoImage("pip-cache")).isEqualTo(
                "Repairing cache 'pip-cache' through the engine needs an image with rm to run in (the engine's archive"
                        + " API cannot delete), and no container uses the volume to borrow its image from. Name one"
                        + " with -Ddevcontainer-cache.helperImage=IMAGE (any image on this engine with rm).");
    }

    @Test
    void repairRmFailed() {
        assertThat(VolumeMessages.repairRmFailed("pip-cache", "scratch-app:1", 127)).isEqualTo(
                "Removing the broken entries of cache 'pip-cache' with image scratch-app:1 failed (exit code 127): the"
                        + " image needs rm. Name another with -Ddevcontainer-cache.helperImage=IMAGE.");
    }

    @Test
    void repairUnsafePath() {
        assertThat(VolumeMessages.repairUnsafePath("pip-cache", "../etc/passwd")).isEqualTo(
                "Refusing to repair cache 'pip-cache': ../etc/passwd does not stay inside the cache. Nothing was"
                        + " removed; report this, with the cache's layout, as a bug of the plugin.");
    }

    @Test
    void repairFailed() {
        assertThat(VolumeMessages.repairFailed("pip-cache", "wheels/x.whl", "Permission denied")).isEqualTo(
                "Removing wheels/x.whl from cache 'pip-cache' failed: Permission denied. Check that the mount point is"
                        + " writable (or set -Ddevcontainer-cache.readMountPoints=false to go through the engine), then"
                        + " run again.");
    }

    @Test
    void repairSummaryAgreesInNumber() {
        assertThat(VolumeMessages.repairSummary(false, 1, 5, 0)).isEqualTo("Removed 1 broken entry, 5 B (5 bytes).");
        assertThat(VolumeMessages.repairSummary(false, 3, 2048, 1))
                .isEqualTo("Removed 3 broken entries, 2.0 KiB (2048 bytes); 1 cache refused.");
        assertThat(VolumeMessages.repairSummary(true, 0, 0, 2))
                .isEqualTo("Dry run: would remove 0 broken entries, 0 B (0 bytes); 2 caches refused.");
    }

    @Test
    void repairRefusedListsTheRefusalsAsBullets() {
        assertThat(VolumeMessages.repairRefused(List.of("only one"))).isEqualTo(
                "Repair refused (1 cache):" + NL + "  - only one");
        assertThat(VolumeMessages.repairRefused(List.of("first", "second"))).isEqualTo(
                "Repair refused (2 caches):" + NL + "  - first" + NL + "  - second");
    }
}
