package io.github.devcontainercache.engine;

import io.github.devcontainercache.BuildIdentity;
import io.github.devcontainercache.BuildLog;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A container that is never started, made from the plugin's own tiny image, with some volumes mounted: the
 * archive API reads and writes those volumes through it, with no image to pull, no shell and no network.
 * Remove it with {@link #close()} in a {@code finally}; a run also removes the helpers a killed build of this
 * host left behind.
 */
public final class HelperContainer implements AutoCloseable {

    public static final String IMAGE_REPOSITORY = "devcontainer-cache-helper";
    public static final String LABEL = "io.github.devcontainercache.helper";
    static final String LABEL_HOST = "io.github.devcontainercache.helper.host";
    static final String LABEL_PID = "io.github.devcontainercache.helper.pid";
    /** On the helper of an import: the volume it writes into, which the import made (true) or found empty. */
    static final String LABEL_IMPORT_INTO = "io.github.devcontainercache.helper.import-into";
    static final String LABEL_IMPORT_MADE_VOLUME = "io.github.devcontainercache.helper.import-made-volume";
    private static final String MOUNT_ROOT = "/volumes/";
    /** A day: longer than any export of the largest cache could take. */
    static final long LEFTOVER_AGE_SECONDS = 24 * 60 * 60;
    private static final String MARKER = "devcontainer-cache-helper";

    private final DockerEngine engine;
    private final String id;

    private HelperContainer(DockerEngine engine, String id) {
        this.engine = engine;
        this.id = id;
    }

    /**
     * Creates a helper with each volume mounted at {@link #mountPath}. The volumes must exist: the engine
     * would otherwise create them.
     */
    public static HelperContainer create(
            DockerEngine engine, String imageTag, List<String> volumes, boolean readOnly, BuildLog log) {
        return create(engine, imageTag, volumes, readOnly, labels(), log);
    }

    /**
     * Creates the helper of an import into {@code volume}, which stays for the whole import: if the build is killed,
     * the helper it leaves says which volume holds a partial import, and the next run removes that volume when the
     * import made it.
     */
    public static HelperContainer createForImport(
            DockerEngine engine, String imageTag, String volume, boolean madeVolume, BuildLog log) {
        Map<String, String> labels = new LinkedHashMap<>(labels());
        labels.put(LABEL_IMPORT_INTO, volume);
        labels.put(LABEL_IMPORT_MADE_VOLUME, Boolean.toString(madeVolume));
        return create(engine, imageTag, List.of(volume), false, labels, log);
    }

    private static HelperContainer create(DockerEngine engine, String imageTag, List<String> volumes,
            boolean readOnly, Map<String, String> labels, BuildLog log) {
        String image = IMAGE_REPOSITORY + ":" + imageTag;
        if (!engine.imageExists(image)) {
            log.debug("Importing the helper image " + image);
            engine.importImage(new ByteArrayInputStream(helperRootFs()), IMAGE_REPOSITORY, imageTag);
        }
        List<Object> mounts = new ArrayList<>();
        for (String volume : volumes) {
            Map<String, Object> mount = new LinkedHashMap<>();
            mount.put("Type", "volume");
            mount.put("Source", volume);
            mount.put("Target", mountPath(volume));
            mount.put("ReadOnly", readOnly);
            // Never copy the image's files (or their owner) into an empty volume.
            mount.put("VolumeOptions", Map.of("NoCopy", true));
            mounts.add(mount);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Image", image);
        body.put("Cmd", List.of("/" + MARKER));
        body.put("NetworkDisabled", true);
        body.put("Labels", labels);
        body.put("HostConfig", Map.of("NetworkMode", "none", "Mounts", mounts));
        String name = MARKER + "-" + BuildIdentity.pid() + "-" + Long.toHexString(System.nanoTime());
        String id = engine.createContainer(name, body);
        log.debug("Created helper container " + name + " (" + id + ")");
        return new HelperContainer(engine, id);
    }

    /** The labels of every short-lived container the plugin makes, so that a later run can clean up after it. */
    public static Map<String, String> labels() {
        return Map.of(LABEL, "true", LABEL_HOST, BuildIdentity.host(), LABEL_PID, Long.toString(BuildIdentity.pid()));
    }

    /** Where a volume is mounted in the helper. */
    public static String mountPath(String volume) {
        return MOUNT_ROOT + volume;
    }

    /** A tar stream of the volume, starting with its root directory. */
    public InputStream read(String volume) {
        return engine.getArchive(id, mountPath(volume));
    }

    /** A tar stream of one file of the volume, given relative to its root. */
    public InputStream read(String volume, String file) {
        return engine.getArchive(id, mountPath(volume) + "/" + file);
    }

    /** What the engine knows of one path of the volume, given relative to its root, without reading its content. */
    public java.util.Optional<PathStat> stat(String volume, String file) {
        return engine.stat(id, mountPath(volume) + "/" + file);
    }

    /**
     * What the entries of a tar for {@link #writeInto} start with: {@code <root>/...}, and {@code <root>/} for the
     * volume's root directory itself.
     */
    public String entryRoot(String volume) {
        return engine.isPodman() ? "." : volume;
    }

    /**
     * Extracts a tar, entries named from {@link #entryRoot}, into the volume. Docker sets the owner of the
     * volume's root only from an entry named after it, extracted into the directory above; Podman extracts into a
     * volume only when the request names its mount point, and sets the root's owner from {@code ./}.
     */
    public void writeInto(String volume, InputStream tar) {
        engine.putArchive(id, engine.isPodman() ? mountPath(volume) : MOUNT_ROOT, tar);
    }

    @Override
    public void close() {
        engine.removeContainer(id);
    }

    /** Whether the container is a helper of the plugin, of this build or another. */
    public static boolean isHelper(ContainerInfo container) {
        return container.labels().containsKey(LABEL);
    }

    /**
     * Among containers, the helpers of other builds, still running: an export reading a volume, an import writing
     * it. Call after {@link #removeLeftovers}, which removes the helpers of builds that are gone.
     */
    public static List<ContainerInfo> ofOtherBuilds(List<ContainerInfo> containers) {
        String ownPid = Long.toString(BuildIdentity.pid());
        String host = BuildIdentity.host();
        return containers.stream()
                .filter(HelperContainer::isHelper)
                .filter(helper -> !(host.equals(helper.labels().get(LABEL_HOST))
                        && ownPid.equals(helper.labels().get(LABEL_PID))))
                .toList();
    }

    /** Which build made a helper: its process id and host, from the helper's labels. */
    public static String madeBy(ContainerInfo helper) {
        return "pid " + helper.labels().getOrDefault(LABEL_PID, "?") + " on host "
                + helper.labels().getOrDefault(LABEL_HOST, "?");
    }

    /**
     * Removes the helper containers that killed builds left behind: those of this host whose process is gone, and
     * those of any host older than {@link #LEFTOVER_AGE_SECONDS} (a helper lives for the seconds of one goal; builds
     * in throw-away containers get a new host name each time). Helpers of builds that still run are left alone.
     * Every goal calls it once, after connecting, so that the next run cleans up whatever a killed build left.
     */
    public static void removeLeftovers(DockerEngine engine, BuildLog log) {
        String host = BuildIdentity.host();
        long now = System.currentTimeMillis() / 1000;
        for (ContainerInfo helper : engine.listContainers(Map.of("label", List.of(LABEL + "=true")))) {
            boolean old = helper.createdEpochSecond() > 0 && now - helper.createdEpochSecond() > LEFTOVER_AGE_SECONDS;
            boolean gone;
            if (host.equals(helper.labels().get(LABEL_HOST))) {
                try {
                    gone = !BuildIdentity.alive(Long.parseLong(helper.labels().getOrDefault(LABEL_PID, "")));
                } catch (NumberFormatException e) {
                    gone = true;
                }
            } else {
                gone = old; // another host, or another pid namespace: its processes cannot be seen from here
            }
            if (!gone) {
                continue;
            }
            // Another build may be cleaning up the same leftover at the same moment: a failure here is a warning,
            // never a reason to fail this build.
            try {
                if (engine.removeContainer(helper.id())) {
                    log.info(EngineMessages.removedLeftoverHelper(helper.name()));
                    rollBackImport(engine, helper, log);
                }
            } catch (EngineException e) {
                log.warn(EngineMessages.leftoverNotRemoved(helper.name(), e.getMessage()));
            }
        }
    }

    /** After removing the helper of a killed import: the volume it made goes too; one it found is reported. */
    private static void rollBackImport(DockerEngine engine, ContainerInfo helper, BuildLog log) {
        String volume = helper.labels().get(LABEL_IMPORT_INTO);
        if (volume == null) {
            return;
        }
        if (!Boolean.parseBoolean(helper.labels().get(LABEL_IMPORT_MADE_VOLUME))) {
            log.warn(EngineMessages.partialImportLeft(volume));
        } else if (!engine.listContainers(Map.of("volume", List.of(volume))).isEmpty()) {
            // a container, or another build's helper, uses it now: keep it, and say what it holds
            log.warn(EngineMessages.partialImportInUse(volume));
        } else {
            try {
                if (engine.removeVolume(volume)) {
                    log.info(EngineMessages.removedPartialImport(volume));
                }
            } catch (EngineException e) {
                log.warn(EngineMessages.partialImportNotRemoved(volume, e.getMessage()));
            }
        }
    }

    /**
     * The helper image's whole file system: one small file that says what the image is for. Nothing else, in
     * particular no directory where volumes are mounted, so nothing is ever copied into a volume.
     */
    static byte[] helperRootFs() {
        byte[] readme = ("This image only holds volumes for devcontainer-cache-maven-plugin; it is never started.\n")
                .getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry entry = new TarArchiveEntry(MARKER);
            entry.setSize(readme.length);
            entry.setMode(0100444);
            entry.setModTime(0);
            tar.putArchiveEntry(entry);
            tar.write(readme);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
