package io.github.devcontainercache.volumes;

import static io.github.devcontainercache.Wording.NL;
import static io.github.devcontainercache.Wording.bullets;
import static io.github.devcontainercache.Wording.count;
import static io.github.devcontainercache.engine.EngineMessages.PODMAN_LOCAL;
import static io.github.devcontainercache.engine.EngineMessages.PODMAN_OWNERS;

import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.engine.ContainerInfo;
import io.github.devcontainercache.engine.HelperContainer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a user reads when the volumes are checked, created and wiped. Unit tests assert these texts exactly.
 */
public final class VolumeMessages {

    private VolumeMessages() {}

    public static String composeLabelsDiffer(String volume, String project, String key, String labelProject,
            String labelVolume) {
        return "Volume '" + volume + "' exists but compose did not make it for this project: its labels say project '"
                + labelProject + "', volume '" + labelVolume + "', not '" + project + "', '" + key + "'. Another"
                + " project may own it; set COMPOSE_PROJECT_NAME or name: in the compose file to tell them apart.";
    }

    public static String foundByComposeLabels(String expected, String actual, String project, String key) {
        return "Volume '" + expected + "' does not exist, but '" + actual + "' carries compose's labels for project '"
                + project + "', volume '" + key + "': using it.";
    }

    public static String cacheMissing(String volume) {
        return "Cache volume '" + volume + "' does not exist. Create it with 'mvn devcontainer-cache:create', or set"
                + " <createMissing>true</createMissing> (-Ddevcontainer-cache.createMissing=true).";
    }

    public static String ownerMismatch(String volume, String target, Owner actual, Owner declared) {
        return "Cache volume '" + volume + "' is owned by " + actual + ", but <owner> declares " + declared
                + ": the dev container's user cannot write to it. Either give it the declared owner (in the dev"
                + " container: sudo chown " + declared + " " + (target == null ? "<target>" : target)
                + "), or remove it and run 'mvn"
                + " devcontainer-cache:create', which creates it owned by " + declared + ", or change <owner> to "
                + actual + " if that is the user the dev container runs as.";
    }

    public static String ownerUnreadable(String volume, String reason) {
        return "The owner of cache volume '" + volume + "' could not be read: " + reason + ". Check the volume with"
                + " 'docker volume inspect " + volume + "' (a bind or network volume whose device is missing cannot"
                + " be mounted), or run with -Ddevcontainer-cache.only to leave it out.";
    }

    public static String checkFailed(List<String> problems) {
        return "Cache check failed (" + count(problems.size(), "problem") + "):" + NL + bullets(problems);
    }

    public static String checkPassed(int caches) {
        return "All " + count(caches, "cache") + " exist" + (caches == 1 ? "s" : "") + " and " + (caches == 1 ? "is" : "are")
                + " usable.";
    }

    public static String cacheOk(String volume, Owner owner, ReadPath via) {
        return "  ok       " + volume + (owner == null ? "" : "  owner " + owner + " (" + via.read() + ")");
    }

    /** What check's line says of a volume owned by another user than the declared one. */
    public static String ownedBy(Owner actual, Owner declared, ReadPath via) {
        return "owned by " + actual + ", not " + declared + " (" + via.read() + ")";
    }

    public static String cacheProblem(String volume, String what) {
        return "  PROBLEM  " + volume + "  " + what;
    }

    public static String created(String volume, String driver, Owner owner) {
        return "Created cache volume '" + volume + "' (driver " + driver
                + (owner == null ? "" : ", owner " + owner) + ").";
    }

    public static String alreadyExists(String volume, String createdAt) {
        return "Cache volume '" + volume + "' already exists (created " + createdAt + "); left as it is.";
    }

    public static String createRefused(CacheDeclaration cache, String reason) {
        return reason + ". Check <driver> (" + cache.effectiveDriver() + ") and <driverOpts> of cache '"
                + cache.volume() + "' (" + cache.origin() + ").";
    }

    public static String createdSummary(int created, int existing) {
        return "Created " + count(created, "cache volume") + "; " + existing + " already existed.";
    }

    public static String wipeInactive() {
        return "devcontainer-cache:wipe is bound to this build but wipes nothing without"
                + " -Ddevcontainer-cache.wipe=true (or run it alone: mvn devcontainer-cache:wipe).";
    }

    public static String unknownWipeMode(String mode) {
        return "-Ddevcontainer-cache.mode=" + mode + " is not a wipe mode: use remove (the default) or empty.";
    }

    public static String wipeAbsent(String volume) {
        return wipeLine("absent", volume, null) + " (nothing to wipe)";
    }

    public static String wipeLine(String what, String volume, Long bytes) {
        return "  " + String.format(Locale.ROOT, "%-12s ", what) + volume
                + (bytes == null ? "" : " (" + ByteSize.format(bytes) + ")");
    }

    public static String wipeRefusedRunning(String volume, List<ContainerInfo> containers, boolean emptyMode) {
        return "Cache '" + volume + "' is used by running container" + (containers.size() == 1 ? " " : "s ")
                + withStates(containers) + ": wiping it now would pull the files from under "
                + (containers.size() == 1 ? "it" : "them") + ". Stop " + (containers.size() == 1 ? "it" : "them")
                + " (docker stop " + names(containers) + ") and run again" + (emptyMode ? "." : ", or keep the volume and delete its content with"
                + " -Ddevcontainer-cache.mode=empty once they are stopped.");
    }

    public static String wipeRefusedStopped(String volume, List<ContainerInfo> containers) {
        return "Cache '" + volume + "' is referenced by stopped container" + (containers.size() == 1 ? " " : "s ")
                + withStates(containers) + ": removing the volume would break "
                + (containers.size() == 1 ? "it" : "them") + ". Keep the volume and delete its content with"
                + " -Ddevcontainer-cache.mode=empty, or remove the container" + (containers.size() == 1 ? "" : "s")
                + " first (docker rm " + names(containers) + ").";
    }

    private static String withStates(List<ContainerInfo> containers) {
        return containers.stream().map(c -> c.name() + " (" + c.state() + ")").collect(Collectors.joining(", "));
    }

    private static String names(List<ContainerInfo> containers) {
        return containers.stream().map(ContainerInfo::name).collect(Collectors.joining(" "));
    }

    public static String notRecreated(String volume, String reason) {
        return "Cache '" + volume + "' was removed but could not be created again (" + reason + "); create it with"
                + " 'mvn devcontainer-cache:create'.";
    }

    public static String podmanOwnerNotChecked(String volume) {
        return "Owner of " + volume + " not checked: " + PODMAN_OWNERS + "; to check it, " + PODMAN_LOCAL + ".";
    }

    public static String wipeRefusedOtherBuild(String volume, List<ContainerInfo> helpers) {
        return "Cache '" + volume + "' is being exported or imported by another build (" + helpers.stream()
                .map(HelperContainer::madeBy).distinct().collect(Collectors.joining(", ")) + "): wiping it now would"
                + " break that build's archive. Run wipe again once that build has finished; if it was killed, the"
                + " next run removes what it left.";
    }

    public static String wipeRefusedByEngine(String volume, String reason) {
        return "Cache '" + volume + "' is in use, the engine says (" + reason + "); find what uses it with 'docker ps -a"
                + " --filter volume=" + volume + "', remove or stop it, and run again.";
    }

    public static String wipeNoImage(String volume) {
        return "Emptying cache '" + volume + "' needs an image with /bin/sh to run rm in, and no container uses the"
                + " volume to borrow its image from. Name one with -Ddevcontainer-cache.helperImage=IMAGE (any image"
                + " on this engine with a shell), or remove the volume instead (without mode=empty).";
    }

    public static String wipeEmptyFailed(String volume, String image, long exit) {
        return "Emptying cache '" + volume + "' with image " + image + " failed (exit code " + exit + "): the image"
                + " needs /bin/sh and rm. Name another with -Ddevcontainer-cache.helperImage=IMAGE.";
    }

    public static String wipeSummary(boolean dryRun, long bytes, boolean someUnknown, int refused) {
        return (dryRun ? "Dry run: would free " : "Freed ") + ByteSize.format(bytes) + " (" + bytes + " bytes"
                + (someUnknown ? ", and more the engine does not measure" : "") + ")"
                + (refused == 0 ? "." : "; " + count(refused, "cache") + " refused.")
                + (dryRun ? " Nothing was changed." : "");
    }

    public static String wipeFailed(List<String> refused) {
        return "Wipe refused for " + count(refused.size(), "cache") + ":" + NL + bullets(refused);
    }

    public static String repairNothing(String volume) {
        return "Nothing to repair in " + volume + ".";
    }

    public static String repairLine(String verb, String volume, String entry, List<String> files, long bytes) {
        return String.format(java.util.Locale.ROOT, "%-13s%s: %s (%s; %s)", verb, volume, entry, String.join(", ", files),
                ByteSize.format(bytes));
    }

    public static String repairRefusedInUse(String volume, List<ContainerInfo> containers) {
        if (containers.stream().allMatch(HelperContainer::isHelper)) {
            return "Cache '" + volume + "' is being exported or imported by another build (" + containers.stream()
                    .map(HelperContainer::madeBy).distinct().collect(Collectors.joining(", ")) + "): removing entries"
                    + " now would break that build's archive. Run the repair again once that build has finished; if it"
                    + " was killed, the next run removes what it left.";
        }
        return "Cache '" + volume + "' is in use by " + withStates(containers) + ": removing entries now could pull"
                + " them from under a tool that reads them. Stop " + (containers.size() == 1 ? "it" : "them")
                + " (docker stop " + names(containers) + ") and run the repair again.";
    }

    public static String repairNoImage(String volume) {
        return "Repairing cache '" + volume + "' through the engine needs an image with rm to run in (the engine's"
                + " archive API cannot delete), and no container uses the volume to borrow its image from. Name one"
                + " with -Ddevcontainer-cache.helperImage=IMAGE (any image on this engine with rm).";
    }

    public static String repairRmFailed(String volume, String image, long exit) {
        return "Removing the broken entries of cache '" + volume + "' with image " + image + " failed (exit code " + exit
                + "): the image needs rm. Name another with -Ddevcontainer-cache.helperImage=IMAGE.";
    }

    public static String repairUnsafePath(String volume, String file) {
        return "Refusing to repair cache '" + volume + "': " + file + " does not stay inside the cache. Nothing was"
                + " removed; report this, with the cache's layout, as a bug of the plugin.";
    }

    public static String repairFailed(String volume, String file, String why) {
        return "Removing " + file + " from cache '" + volume + "' failed: " + why + ". Check that the mount point is"
                + " writable (or set -Ddevcontainer-cache.readMountPoints=false to go through the engine), then run again.";
    }

    public static String repairSummary(boolean dryRun, int entries, long bytes, int refused) {
        return (dryRun ? "Dry run: would remove " : "Removed ") + (entries == 1 ? "1 broken entry" : entries + " broken entries") + ", "
                + ByteSize.format(bytes) + " (" + bytes + " bytes)" + (refused == 0 ? "." : "; " + count(refused, "cache") + " refused.");
    }

    public static String repairRefused(List<String> refused) {
        return "Repair refused (" + count(refused.size(), "cache") + "):" + io.github.devcontainercache.Wording.NL
                + io.github.devcontainercache.Wording.bullets(refused);
    }
}
