package io.github.devcontainercache.report;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.Messages;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.content.CacheContents;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.ContentChecks;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.Hashing;
import io.github.devcontainercache.content.ModelCatalog;
import io.github.devcontainercache.content.VolumeScan;
import io.github.devcontainercache.engine.ContainerInfo;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.MountPoints;
import io.github.devcontainercache.engine.VolumeInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Measures every selected cache: existence, size, the containers that use it, its owner, what it holds (known
 * models, pip's layout, its largest files), its budget; with {@code verifyIntegrity}, the SHA-256 of the files that
 * have an expected one. A missing cache is a row, not an error.
 */
public final class Reporter {

    private static final List<String> PIP_PARTS = List.of("http-v2", "http", "wheels", "selfcheck");

    /** How to measure. */
    public record Options(boolean readMountPoints, boolean verifyIntegrity, int largestFiles, Path baseDirectory) {}

    /** The report, and the problems it found: over budget, and files that are not what they should be. */
    public record Result(CacheReport report, List<String> overBudget, List<String> contentProblems) {}

    private final DockerEngine engine;
    private final String helperTag;
    private final Options options;
    private final BuildLog log;

    public Reporter(DockerEngine engine, String helperTag, Options options, BuildLog log) {
        this.engine = engine;
        this.helperTag = helperTag;
        this.options = options;
        this.log = log;
    }

    public Result run(List<CacheDeclaration> caches) throws IOException {
        Map<String, VolumeInfo> existing = new LinkedHashMap<>();
        Map<String, Path> local = new HashMap<>();
        // one request each for every cache, however many: the engine's volumes, and the containers that use them
        Map<String, VolumeInfo> volumes = engine.volumesByName();
        Map<String, List<ContainerInfo>> users = engine.containersByVolume();
        for (CacheDeclaration cache : caches) {
            Optional<VolumeInfo> volume = Optional.ofNullable(volumes.get(cache.volume()));
            if (volume.isEmpty()) {
                continue;
            }
            existing.put(cache.volume(), volume.get());
            if (options.readMountPoints()) {
                MountPoints.localDirectory(engine.endpoint(), volume.get())
                        .ifPresent(directory -> local.put(cache.volume(), directory));
            }
        }
        List<String> remote = existing.keySet().stream().filter(volume -> !local.containsKey(volume)).toList();
        Map<String, Long> engineSizes = remote.isEmpty() ? Map.of() : engine.volumeSizes();

        List<ReportEntry> entries = new ArrayList<>();
        List<String> overBudget = new ArrayList<>();
        List<String> contentProblems = new ArrayList<>();
        // a failure to remove the helper (the engine gone) must not hide why the report failed: try-with-resources
        try (HelperContainer helper =
                remote.isEmpty() ? null : HelperContainer.create(engine, helperTag, remote, true, log)) {
            for (CacheDeclaration cache : caches) {
                VolumeInfo volume = existing.get(cache.volume());
                if (volume == null) {
                    entries.add(missing(cache));
                    continue;
                }
                CacheContents contents = local.containsKey(cache.volume())
                        ? CacheContents.local(local.get(cache.volume()))
                        : CacheContents.archive(helper, cache.volume());
                ReportEntry entry = measure(cache, contents, engineSizes.get(cache.volume()),
                        users.getOrDefault(cache.volume(), List.of()), contentProblems);
                entries.add(entry);
                if (Boolean.TRUE.equals(entry.overBudget())) {
                    overBudget.add(Messages.overBudget(cache.volume(), entry.sizeBytes(), entry.budgetBytes()));
                }
            }
        }
        CacheReport report = new CacheReport(
                engine.endpoint().host().toString(),
                engine.version().version(),
                engine.version().apiVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                entries);
        return new Result(report, overBudget, contentProblems);
    }

    private ReportEntry missing(CacheDeclaration cache) {
        return new ReportEntry(cache.volume(), cache.effectiveKind().id(), false, null, null, null,
                cache.budgetBytes(), null, List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                cache.origin().toString());
    }

    private ReportEntry measure(CacheDeclaration cache, CacheContents contents, Long engineSize,
            List<ContainerInfo> containers, List<String> contentProblems) throws IOException {
        VolumeScan scan = contents.scan(options.largestFiles());
        boolean onMountPoint = Messages.VIA_MOUNT_POINT.equals(contents.via());
        Long size = onMountPoint || engineSize == null ? Long.valueOf(scan.sizeBytes()) : engineSize;
        String sizeSource = onMountPoint ? "mount point" : engineSize != null ? "engine df" : "archive API";

        List<ReportEntry.Container> users = containers.stream()
                .map(container -> new ReportEntry.Container(container.name(), container.state()))
                .toList();

        List<CheckedFile> models = cache.effectiveKind() == CacheKind.WHISPER
                ? ContentChecks.whisperModels(scan, ModelCatalog.whisper())
                : List.of();
        List<CheckedFile> checksums = cache.checksums() == null ? List.of() : checksums(cache, scan);
        if (options.verifyIntegrity()) {
            models = verify(contents, models);
            checksums = verify(contents, checksums);
        }
        for (CheckedFile file : models) {
            problemFor(cache, file, contentProblems);
        }
        for (CheckedFile file : checksums) {
            problemFor(cache, file, contentProblems);
        }

        Map<String, VolumeScan.Part> pip = new LinkedHashMap<>();
        if (cache.effectiveKind() == CacheKind.PIP) {
            for (String part : PIP_PARTS) {
                VolumeScan.Part found = scan.part(part);
                if (found != null) {
                    pip.put(part, found);
                }
            }
        }
        Boolean overBudget = cache.budgetBytes() == null || size == null ? null : size > cache.budgetBytes();
        return new ReportEntry(cache.volume(), cache.effectiveKind().id(), true, size, sizeSource, scan.files(),
                cache.budgetBytes(), overBudget, users,
                scan.rootOwner() == null ? null : scan.rootOwner().toString(), models, checksums, pip,
                scan.largest(), cache.origin().toString());
    }

    private List<CheckedFile> checksums(CacheDeclaration cache, VolumeScan scan) throws IOException {
        Path file = options.baseDirectory().resolve(cache.checksums());
        Map<String, Long> sizes = new HashMap<>(scan.rootFiles());
        // sizes of files below the root are not kept by the scan: hashing tells whether they are there
        List<CheckedFile> listed = ContentChecks.fromChecksums(ContentChecks.readChecksums(file), sizes);
        List<CheckedFile> result = new ArrayList<>();
        for (CheckedFile entry : listed) {
            result.add(entry.status() == FileStatus.MISSING && entry.file().contains("/")
                    ? entry.withStatus(FileStatus.UNVERIFIED)
                    : entry);
        }
        return result;
    }

    private List<CheckedFile> verify(CacheContents contents, List<CheckedFile> files) {
        long total = files.stream()
                .filter(f -> f.status() == FileStatus.UNVERIFIED)
                .mapToLong(f -> Math.max(0, f.sizeBytes()))
                .sum();
        Hashing hashing = new Hashing(log, total);
        List<CheckedFile> verified = new ArrayList<>();
        for (CheckedFile file : files) {
            if (file.status() != FileStatus.UNVERIFIED) {
                verified.add(file);
                continue;
            }
            try (InputStream in = contents.open(file.file())) {
                String sha256 = hashing.sha256(in);
                verified.add(file.withStatus(sha256.equals(file.expectedSha256()) ? FileStatus.OK : FileStatus.CORRUPT));
            } catch (IOException | RuntimeException e) {
                verified.add(file.withStatus(FileStatus.MISSING));
            }
        }
        return verified;
    }

    private static void problemFor(CacheDeclaration cache, CheckedFile file, List<String> problems) {
        switch (file.status()) {
            case CORRUPT -> problems.add(Messages.fileCorrupt(cache.volume(), cache.target(), file.file()));
            case PARTIAL -> problems.add(
                    Messages.filePartial(cache.volume(), cache.target(), file.file(), file.sizeBytes(), file.expectedBytes()));
            case MISSING -> problems.add(Messages.fileMissing(cache.volume(), file.file(), cache.checksums()));
            default -> { }
        }
    }
}
