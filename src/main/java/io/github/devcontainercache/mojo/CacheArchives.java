package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.archive.ArchiveMessages;
import io.github.devcontainercache.archive.ArchiveRefusedException;
import io.github.devcontainercache.archive.Compression;
import io.github.devcontainercache.archive.Exporter;
import io.github.devcontainercache.archive.Importer;
import io.github.devcontainercache.archive.Manifest;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheMessages;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.VolumeNames;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.VolumeInfo;
import io.github.devcontainercache.volumes.CacheCreator;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * A cache into an archive and an archive into a cache, as {@code export} and {@code import} do and as {@code save}
 * and {@code restore} do with keys: on the mount point where the build may, else through the archive API.
 */
final class CacheArchives {

    /** On a volume an import made: which import, so that it knows the volume is its own. */
    static final String LABEL_IMPORT_ID = "io.github.devcontainercache.import-id";

    private CacheArchives() {}

    /** Writes the cache to {@code <volume>.tar.zst} (or the compression's suffix) in the directory. */
    static Path export(AbstractCacheMojo mojo, DockerEngine engine, CacheDeclaration cache, Path directory,
            Compression chosen, BuildLog log) throws MojoFailureException, MojoExecutionException {
        Exporter exporter = new Exporter(log);
        Optional<VolumeInfo> volume = engine.inspectVolume(cache.volume());
        if (volume.isEmpty()) {
            throw new MojoFailureException(VolumeMessages.cacheMissing(cache.volume()));
        }
        Optional<Path> local = mojo.mountPoint(engine, volume.get());
        Path archive;
        // The helper holds the volume for the whole export, even one read on the mount point: while it exists
        // the engine refuses to remove the volume, and wipe refuses to empty it.
        try (HelperContainer helper = HelperContainer.create(
                engine, mojo.helperTag(), List.of(cache.volume()), true, log)) {
            if (local.isPresent()) {
                log.info(ArchiveMessages.exportVia(cache.volume(), ReadPath.MOUNT_POINT));
                archive = exporter.export(Exporter.directory(local.get()), directory, cache.volume(),
                        cache.effectiveKind().id(), volume.get().labels(), mojo.pluginVersion(), chosen, -1);
            } else {
                log.info(ArchiveMessages.exportVia(cache.volume(), ReadPath.ARCHIVE_API));
                if (engine.isPodman()) {
                    log.warn(ArchiveMessages.podmanExportWithoutOwners(cache.volume()));
                }
                try (InputStream stream = helper.read(cache.volume())) {
                    archive = exporter.export(Exporter.archiveStream(stream), directory, cache.volume(),
                            cache.effectiveKind().id(), volume.get().labels(), mojo.pluginVersion(), chosen, -1);
                }
            }
        } catch (IOException e) {
            throw new MojoExecutionException(ArchiveMessages.exportFailed(cache.volume(), e,
                    Exporter.existing(directory, cache.volume(), chosen)), e);
        }
        return archive;
    }

    /**
     * Imports an archive, verified whole first, into {@code volume} (the manifest's when {@code null}): into an absent
     * volume, or an empty one, or with {@code overwrite} any.
     */
    static void importArchive(AbstractCacheMojo mojo, DockerEngine engine, Path archive, String volume,
            boolean overwrite, BuildLog log) throws IOException, ArchiveRefusedException, MojoFailureException {
        Importer importer = new Importer(log);
        Manifest manifest = importer.verify(archive);
        String target = volume != null && !volume.isBlank() ? volume.trim() : manifest.volume();
        if (!VolumeNames.isValid(target)) {
            throw new MojoFailureException(CacheMessages.invalidVolumeName(target, new Origin(archive.toString())));
        }
        Optional<VolumeInfo> existing = engine.inspectVolume(target);
        boolean created = existing.isEmpty();
        List<String> running = engine.containersUsing(target).stream()
                .filter(io.github.devcontainercache.engine.ContainerInfo::isRunning)
                .map(io.github.devcontainercache.engine.ContainerInfo::name)
                .toList();
        if (!running.isEmpty()) {
            throw new MojoFailureException(ArchiveMessages.importTargetInUse(target, running));
        }
        if (existing.isPresent() && !overwrite && !isEmpty(mojo, engine, target, log)) {
            throw new MojoFailureException(ArchiveMessages.targetNotEmpty(target));
        }
        String importId = Long.toHexString(ThreadLocalRandom.current().nextLong());
        if (created) {
            Map<String, String> labels = new LinkedHashMap<>(manifest.labels());
            labels.putIfAbsent(CacheCreator.LABEL_MANAGED, "true");
            labels.put(LABEL_IMPORT_ID, importId);
            engine.createVolume(target, "local", Map.of(), labels);
        }
        VolumeInfo info = engine.inspectVolume(target)
                .orElseThrow(() -> new MojoFailureException(VolumeMessages.cacheMissing(target)));
        // Docker answers a create of a volume that exists with that volume: one made meanwhile by another import
        // or by compose is not this import's to fill, nor to remove if the import fails
        if (created && !importId.equals(info.labels().get(LABEL_IMPORT_ID))) {
            throw new MojoFailureException(ArchiveMessages.importTargetAppeared(target));
        }
        // Straight to the mount point only into a volume this import made: whatever an existing one holds (a link
        // planted by a container, say), root on the host never writes through it.
        Optional<Path> local = created && "root".equals(System.getProperty("user.name"))
                ? mojo.mountPoint(engine, info)
                : Optional.empty();
        // The helper stays for the whole import, even one written on the mount point: a killed build leaves it, and
        // it tells the next run which volume holds a partial import.
        try (HelperContainer helper = HelperContainer.createForImport(engine, mojo.helperTag(), target, created, log)) {
            if (local.isPresent()) {
                importer.extractTo(archive, local.get());
            } else {
                importer.write(archive, helper.entryRoot(target), tar -> helper.writeInto(target, tar));
            }
        } catch (IOException | RuntimeException e) {
            if (created) {
                try {
                    engine.removeVolume(target); // no half-imported volume left to look good
                } catch (RuntimeException cleanup) {
                    e.addSuppressed(cleanup);
                }
                throw e;
            }
            throw new MojoFailureException(ArchiveMessages.importPartial(archive.toString(), target, e.getMessage()), e);
        }
        log.info(ArchiveMessages.imported(archive.toString(), target, manifest.files().size(), manifest.totalBytes(), created,
                local.isPresent() ? ReadPath.MOUNT_POINT : ReadPath.ARCHIVE_API));
    }

    /** Whether the volume exists and holds anything. */
    static boolean holdsFiles(AbstractCacheMojo mojo, DockerEngine engine, String volume, BuildLog log)
            throws MojoExecutionException {
        try {
            return engine.inspectVolume(volume).isPresent() && !isEmpty(mojo, engine, volume, log);
        } catch (IOException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** Whether the volume holds nothing: its archive has no entry after the root's. Reads two headers. */
    private static boolean isEmpty(AbstractCacheMojo mojo, DockerEngine engine, String target, BuildLog log)
            throws IOException {
        try (HelperContainer helper = HelperContainer.create(engine, mojo.helperTag(), List.of(target), true, log);
                InputStream tar = helper.read(target)) {
            org.apache.commons.compress.archivers.tar.TarArchiveInputStream entries =
                    new org.apache.commons.compress.archivers.tar.TarArchiveInputStream(tar);
            entries.getNextEntry(); // the root
            return entries.getNextEntry() == null;
        }
    }
}
