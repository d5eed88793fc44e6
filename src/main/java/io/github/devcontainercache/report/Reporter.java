package io.github.devcontainercache.report;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.CacheContents;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.ContentChecks;
import io.github.devcontainercache.content.DiskUse;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.Hashing;
import io.github.devcontainercache.content.ModelCatalog;
import io.github.devcontainercache.content.VolumeScan;
import io.github.devcontainercache.content.kinds.CachePass;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures every selected cache: existence, size, the containers that use it, its owner, what it holds (known
 * models, pip's layout, its largest files), its budget; with {@code verifyIntegrity}, the SHA-256 of the files that
 * have an expected one. A missing cache is a row, not an error.
 */
public final class Reporter {

    private static final List<String> PIP_PARTS = List.of("http-v2", "http", "wheels", "selfcheck");

    /** How much of each cache's content a report reads. */
    public enum Content {
        /**
         * Every entry where that costs what {@code du} does (on the mount point); through the archive API, only what
         * the engine answers without sending the cache: its size ({@code GET /system/df}), the root's owner (one tar
         * header), and the size of each file that has an expected content (one stat each).
         */
        AUTO,
        /** Every entry, on either path: file counts, largest files, pip's layout. */
        FULL
    }

    /** How {@code contentSource} says the content was read. */
    public static final String CONTENT_WALK = "mount point walk";
    public static final String CONTENT_STREAM = "archive API stream";
    public static final String CONTENT_STAT = "archive API stat";

    /** Requests about the caches sent side by side: each waits mostly on the engine. */
    private static final int ASKING_THREADS = 4;

    /** Beyond this many files listed in a {@code <checksums>} file, one pass costs less than a stat of each. */
    static final int MAX_FILES_ASKED = 200;

    /** Which size a budget is held against. */
    public enum BudgetSize {
        /** The blocks the cache takes on its disk, as {@code du} counts them: what fills a disk. */
        DISK,
        /** The bytes of its files, as Docker's own figure counts them. */
        CONTENT
    }

    /**
     * How to measure.
     *
     * @param measureDisk whether to measure the disk each cache takes besides its content
     * @param budgetSize the size a budget is held against, where it is known (else the content)
     */
    public record Options(boolean readMountPoints, boolean verifyIntegrity, boolean inflateZips, int largestFiles,
            Path baseDirectory, Content content, boolean measureDisk, BudgetSize budgetSize) {

        /** Options of a goal that holds no budget: the content alone. */
        public Options(boolean readMountPoints, boolean verifyIntegrity, boolean inflateZips, int largestFiles,
                Path baseDirectory, Content content) {
            this(readMountPoints, verifyIntegrity, inflateZips, largestFiles, baseDirectory, content, false,
                    BudgetSize.CONTENT);
        }
    }

    /**
     * The report, and the problems it found: over budget, and files that are not what they should be; and what it
     * noticed that a user would want to know (downloads left unfinished, files of another owner, another layout).
     */
    public record Result(CacheReport report, List<String> overBudget, List<String> contentProblems,
            List<String> notices) {}

    /** How many of each cache's largest items (artifacts, packages, models) the report keeps. */
    static final int ITEMS = 20;

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
        Map<String, List<String>> checksumLines = new HashMap<>();
        for (CacheDeclaration cache : caches) {
            if (cache.checksums() != null && existing.containsKey(cache.volume())) {
                checksumLines.put(cache.volume(),
                        ContentChecks.readChecksums(options.baseDirectory().resolve(cache.checksums())));
            }
        }

        List<ReportEntry> entries = new ArrayList<>();
        List<String> overBudget = new ArrayList<>();
        List<String> contentProblems = new ArrayList<>();
        List<String> notices = new ArrayList<>();
        ExecutorService pool = remote.isEmpty() ? null
                : Executors.newFixedThreadPool(Math.min(ASKING_THREADS, remote.size()) + 1, Reporter::daemon);
        try {
            // The engine's df walks every volume it holds: it runs while the caches themselves are asked about.
            Future<Map<String, Long>> engineSizes = pool == null
                    ? CompletableFuture.completedFuture(Map.of())
                    : pool.submit(engine::volumeSizes);
            // a failure to remove the helper (the engine gone) must not hide why the report failed
            try (HelperContainer helper =
                    remote.isEmpty() ? null : HelperContainer.create(engine, helperTag, remote, true, log)) {
                Map<String, Future<Facts>> asked = new HashMap<>();
                for (CacheDeclaration cache : caches) {
                    List<String> lines = checksumLines.get(cache.volume());
                    boolean verifiesEntries = options.verifyIntegrity() && CachePass.checksEntries(cache.effectiveKind());
                    if (remote.contains(cache.volume()) && options.content() == Content.AUTO && !verifiesEntries
                            && (lines == null || ContentChecks.listedFiles(lines).size() <= MAX_FILES_ASKED)) {
                        CacheContents contents = CacheContents.archive(helper, cache.volume());
                        asked.put(cache.volume(), pool.submit(() -> asked(cache, contents, lines)));
                    }
                }
                for (CacheDeclaration cache : caches) {
                    VolumeInfo volume = existing.get(cache.volume());
                    if (volume == null) {
                        entries.add(missing(cache));
                        continue;
                    }
                    CacheContents contents = local.containsKey(cache.volume())
                            ? CacheContents.local(local.get(cache.volume()))
                            : CacheContents.archive(helper, cache.volume());
                    Long engineSize = local.containsKey(cache.volume()) ? null : await(engineSizes).get(cache.volume());
                    // du measures the disk on the mount point while the walk reads the same directory
                    DiskUse.Pending du = options.measureDisk() && local.containsKey(cache.volume())
                            ? DiskUse.start(local.get(cache.volume()))
                            : null;
                    // the stat of a few files suffices only where the engine knew the size
                    Facts facts = asked.containsKey(cache.volume()) && engineSize != null
                            ? await(asked.get(cache.volume()))
                            : scanned(cache, contents, checksumLines.get(cache.volume()));
                    DiskSize disk = !options.measureDisk() ? DiskSize.UNKNOWN : DiskSize.of(du, facts.scan);
                    ReportEntry entry = entry(cache, contents, facts, rootOwner(volume, contents, facts), engineSize,
                            disk, users.getOrDefault(cache.volume(), List.of()), contentProblems, notices);
                    entries.add(entry);
                    if (Boolean.TRUE.equals(entry.overBudget())) {
                        overBudget.add(ReportMessages.overBudget(
                                cache.volume(), entry.budgetedBytes(), entry.budgetBasis(), entry.budgetBytes()));
                    }
                }
            }
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
        CacheReport report = new CacheReport(
                engine.endpoint().host().toString(),
                engine.version().version(),
                engine.version().apiVersion(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                entries);
        return new Result(report, overBudget, contentProblems, notices);
    }

    private ReportEntry missing(CacheDeclaration cache) {
        return new ReportEntry(cache.volume(), cache.effectiveKind().id(), false, null, null, null, null, null, null,
                cache.budgetBytes(), null, null, List.of(), null, List.of(), List.of(), Map.of(), List.of(),
                cache.origin().toString(), null);
    }

    /**
     * The owner of the cache's root. Podman's archive API names root as the owner of every file: there it is the
     * one read on a rootless Podman's volume directory here, mapped back through its id mappings, or unknown.
     */
    private Owner rootOwner(VolumeInfo volume, CacheContents contents, Facts facts) {
        if (!engine.isPodman() || contents.via() == ReadPath.MOUNT_POINT) {
            return facts.owner;
        }
        Optional<long[]> mapped =
                options.readMountPoints() ? MountPoints.rootlessPodmanRootOwner(engine, volume) : Optional.empty();
        return mapped.map(ids -> new Owner(ids[0], ids[1])).orElse(null);
    }

    private ReportEntry entry(CacheDeclaration cache, CacheContents contents, Facts facts, Owner owner,
            Long engineSize, DiskSize disk, List<ContainerInfo> containers, List<String> contentProblems, List<String> notices) {
        boolean onMountPoint = contents.via() == ReadPath.MOUNT_POINT;
        // without a scan, the engine knew the size
        Long size = onMountPoint || engineSize == null ? Long.valueOf(facts.scan.sizeBytes()) : engineSize;
        String sizeSource = onMountPoint ? "mount point" : engineSize != null ? "engine df" : "archive API";
        String contentSource = onMountPoint ? CONTENT_WALK : facts.scan != null ? CONTENT_STREAM : CONTENT_STAT;

        List<ReportEntry.Container> users = containers.stream()
                .map(container -> new ReportEntry.Container(container.name(), container.state()))
                .toList();

        List<CheckedFile> models = facts.models;
        List<CheckedFile> checksums = facts.checksums;
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
        if (facts.pass != null) {
            contentProblems.addAll(InsightProblems.broken(cache, facts.pass.findings()));
            notices.addAll(InsightProblems.hidden(cache, facts.pass, containers));
        }

        Map<String, VolumeScan.Part> pip = new LinkedHashMap<>();
        if (cache.effectiveKind() == CacheKind.PIP && facts.scan != null) {
            for (String part : PIP_PARTS) {
                VolumeScan.Part found = facts.scan.part(part);
                if (found != null) {
                    pip.put(part, found);
                }
            }
        }
        // the disk where it is known and asked for; else the content, and the report says which
        boolean onDisk = options.budgetSize() == BudgetSize.DISK && disk.bytes() != null;
        Long budgeted = onDisk ? disk.bytes() : size;
        String budgetBasis = cache.budgetBytes() == null ? null : onDisk ? "disk" : "content";
        Boolean overBudget = cache.budgetBytes() == null || budgeted == null ? null : budgeted > cache.budgetBytes();
        return new ReportEntry(cache.volume(), cache.effectiveKind().id(), true, size, sizeSource, disk.bytes(),
                disk.source(), contentSource, facts.scan == null ? null : facts.scan.files(), cache.budgetBytes(),
                budgetBasis, overBudget, users,
                owner == null ? null : owner.toString(), models, checksums, pip,
                facts.scan == null ? List.of() : facts.scan.largest(), cache.origin().toString(),
                facts.pass == null ? null : Insight.of(facts.pass));
    }

    /** The answer of a task of the pool, its own failure rethrown as it was. */
    private static <T> T await(Future<T> task) throws IOException {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while the engine answered", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IOException(e.getCause());
        }
    }

    private static Thread daemon(Runnable task) {
        Thread thread = new Thread(task, "devcontainer-cache-report");
        thread.setDaemon(true);
        return thread;
    }

    /** What was found of a cache's content, by one pass over all of it ({@code scan}) or by asking for a few files. */
    private record Facts(VolumeScan scan, Owner owner, List<CheckedFile> models, List<CheckedFile> checksums,
            CachePass.Result pass) {}

    /** One pass over every entry: sizes, counts, largest files, parts, and the files at the root. */
    private Facts scanned(CacheDeclaration cache, CacheContents contents, List<String> checksumLines)
            throws IOException {
        boolean ownersKnown = !(engine.isPodman() && contents.via() != ReadPath.MOUNT_POINT);
        CachePass.Result pass = CachePass.run(contents, cache.effectiveKind(), cache.target(), new CachePass.Options(
                options.verifyIntegrity(), options.inflateZips(), cache.owner(), ownersKnown, options.largestFiles(), ITEMS));
        VolumeScan scan = pass.scan();
        List<CheckedFile> models = cache.effectiveKind() == CacheKind.WHISPER
                ? ContentChecks.whisperModels(scan, ModelCatalog.whisper())
                : List.of();
        List<CheckedFile> checksums = new ArrayList<>();
        if (checksumLines != null) {
            // sizes of files below the root are not kept by the scan: hashing tells whether they are there
            for (CheckedFile entry : ContentChecks.fromChecksums(checksumLines, new HashMap<>(scan.rootFiles()))) {
                checksums.add(entry.status() == FileStatus.MISSING && entry.file().contains("/")
                        ? entry.withStatus(FileStatus.UNVERIFIED)
                        : entry);
            }
        }
        return new Facts(scan, scan.rootOwner(), models, checksums, pass);
    }

    /**
     * The root's owner (one tar header) and the size of each file that has an expected content (one stat each),
     * without reading anything else of the cache.
     */
    private Facts asked(CacheDeclaration cache, CacheContents contents, List<String> checksumLines)
            throws IOException {
        Owner owner = contents.rootOwner().orElse(null);
        List<CheckedFile> models = List.of();
        if (cache.effectiveKind() == CacheKind.WHISPER) {
            models = ContentChecks.whisperModels(sizesOf(contents, ModelCatalog.whisper().files()), ModelCatalog.whisper());
        }
        List<CheckedFile> checksums = checksumLines == null ? List.of()
                : ContentChecks.fromChecksums(checksumLines, sizesOf(contents, ContentChecks.listedFiles(checksumLines)));
        return new Facts(null, owner, models, checksums, null);
    }

    private static Map<String, Long> sizesOf(CacheContents contents, java.util.Collection<String> files)
            throws IOException {
        Map<String, Long> sizes = new LinkedHashMap<>();
        for (String file : files) {
            contents.regularFileSize(file).ifPresent(size -> sizes.put(file, size));
        }
        return sizes;
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
            case CORRUPT -> problems.add(ReportMessages.fileCorrupt(cache.volume(), cache.target(), file.file()));
            case PARTIAL -> problems.add(
                    ReportMessages.filePartial(cache.volume(), cache.target(), file.file(), file.sizeBytes(), file.expectedBytes()));
            case MISSING -> problems.add(ReportMessages.fileMissing(cache.volume(), file.file(), cache.checksums()));
            default -> { }
        }
    }
}
