package io.github.devcontainercache.preload;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ModelCatalog;
import io.github.devcontainercache.engine.HelperContainer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Puts models and files into one cache, each verified before it is in place: Whisper's models as whisper saves them
 * ({@code <name>.pt}), Hugging Face repositories in the hub's cache layout ({@code models--<org>--<name>/blobs},
 * {@code snapshots/<commit>/<file>} links into the blobs, {@code refs/<revision>}), other files at their path. What is
 * there and verified already is not downloaded again; offline, what is missing is refused, by name.
 */
public final class Preloader {

    /** Where openai-whisper downloads its models from. */
    public static final String WHISPER_BASE_URL = "https://openaipublic.azureedge.net/main/whisper/models";

    /** The Hugging Face hub, when {@code HF_ENDPOINT} does not name another. */
    public static final String HUB_ENDPOINT = "https://huggingface.co";

    /** Where the preload fetches from, and whether it may. */
    public record Options(String whisperBaseUrl, URI hubEndpoint, String hubToken, boolean offline) {
        @Override
        public String toString() {
            return "Options[" + whisperBaseUrl + ", " + hubEndpoint + (hubToken == null ? "" : ", a token")
                    + (offline ? ", offline" : "") + "]"; // never the token
        }
    }

    /** What one cache's preload did. */
    public record Result(int downloaded, int present, long bytesDownloaded) {}

    /** A preload that could not be done, with every reason. */
    public static final class PreloadException extends Exception {
        private static final long serialVersionUID = 1L;

        PreloadException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Fetcher fetcher;
    private final Options options;
    private final BuildLog log;
    private final HubClient hub;

    public Preloader(Fetcher.Settings settings, Options options, BuildLog log) {
        this.fetcher = new Fetcher(settings);
        this.options = options;
        this.log = log;
        this.hub = new HubClient(fetcher, options.hubEndpoint(), options.hubToken());
    }

    /** The files of a volume on its mount point, written by root on the engine's host. */
    public static CacheFiles onMountPoint(Path directory, Owner owner) throws IOException {
        return new MountPointFiles(directory, owner);
    }

    /** The files of a volume through a helper container, downloads staged in {@code staging} first. */
    public static CacheFiles throughArchiveApi(HelperContainer helper, String volume, Path staging, Owner owner,
            BuildLog log) {
        return new ArchiveFiles(helper, volume, staging, owner, log);
    }

    /**
     * Where Hugging Face repositories go in a cache: under {@code hub/} of a cache mounted at the hub's home
     * ({@code ~/.cache/huggingface}), at the root of any other (the hub's own {@code hub} folder, or a
     * {@code download_root} such as faster-whisper's).
     */
    public static String hubFolder(CacheKind kind, String target) {
        boolean home = kind == CacheKind.HUGGINGFACE
                && (target == null || !target.replace('\\', '/').replaceAll("/+$", "").endsWith("/hub"));
        return home ? "hub/" : "";
    }

    /**
     * Reads what to preload into one cache: the pom's {@code <model>}s and {@code <file>}s ({@code url, sha256, path}
     * each) and the command line's items; every item that is refused is said, together.
     */
    public static List<PreloadItem> items(List<String> models, List<String[]> files) throws PreloadException {
        List<PreloadItem> items = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (String model : models) {
            try {
                items.add(PreloadItem.parse(model));
            } catch (PreloadItem.InvalidItem e) {
                problems.add(e.getMessage());
            }
        }
        for (String[] file : files) {
            try {
                items.add(PreloadItem.file(file[0], file[1], file[2]));
            } catch (PreloadItem.InvalidItem e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PreloadException(PreloadMessages.invalidItems(problems), null);
        }
        return items;
    }

    /** Preloads the items into the cache; every item is tried, and the failures are reported together. */
    public Result preload(String volume, List<PreloadItem> items, CacheFiles files, String hubFolder)
            throws PreloadException {
        int[] counts = new int[2];
        long[] bytes = new long[1];
        List<String> missingOffline = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        IOException first = null;
        for (PreloadItem item : items) {
            try {
                if (item instanceof PreloadItem.WhisperModel model) {
                    ModelCatalog.KnownModel known = WhisperCatalogue.find(model.name()).orElseThrow();
                    fetchFile(volume, item.describe(), known.file(), WhisperCatalogue.url(options.whisperBaseUrl(), known),
                            Expected.sha256(known.sha256(), known.sizeBytes()), files, counts, bytes, missingOffline);
                } else if (item instanceof PreloadItem.PlainFile file) {
                    fetchFile(volume, item.describe(), file.path(), file.url(), Expected.sha256(file.sha256(), -1), files,
                            counts, bytes, missingOffline);
                } else if (item instanceof PreloadItem.HubRepository repository) {
                    repository(volume, repository, files, hubFolder, counts, bytes, missingOffline);
                }
            } catch (IOException e) {
                failures.add(PreloadMessages.itemFailed(item.describe(), e));
                first = first == null ? e : first;
            }
        }
        if (!failures.isEmpty() || !missingOffline.isEmpty()) {
            throw new PreloadException(PreloadMessages.preloadFailed(volume, failures, missingOffline), first);
        }
        return new Result(counts[0], counts[1], bytes[0]);
    }

    private void fetchFile(String volume, String what, String path, URI url, Expected expected,
            CacheFiles files, int[] counts, long[] bytes, List<String> missingOffline) throws IOException {
        if (files.holds(path, expected, log)) {
            log.info(PreloadMessages.present(what, volume, path));
            counts[1]++;
            return;
        }
        if (options.offline()) {
            missingOffline.add(what.startsWith(path + " ") ? what : what + " (" + path + ")");
            return;
        }
        Path partial = files.partial(path + ".part");
        bytes[0] += fetch(url, null, partial, expected, what, files);
        files.place(List.of(CacheFiles.Placement.file(path, partial)));
        counts[0]++;
        log.info(PreloadMessages.downloaded(what, volume, path, files.via()));
    }

    /** Downloads into the partial file; when that fails, keeps what can be resumed and nothing else. */
    private long fetch(URI url, Fetcher.Token token, Path partial, Expected expected, String what, CacheFiles files)
            throws IOException {
        try {
            return new Download(fetcher, log).fetch(url, token, partial, expected, what);
        } catch (Download.Busy e) {
            throw e; // the other build's partial file is its own
        } catch (IOException e) {
            try {
                long kept = files.abandon(partial);
                if (kept > 0) {
                    log.info(PreloadMessages.keptForResume(what, kept));
                }
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup); // the download's own failure is the one to tell
            }
            throw e;
        }
    }

    private void repository(String volume, PreloadItem.HubRepository repository, CacheFiles files, String hubFolder,
            int[] counts, long[] bytes, List<String> missingOffline) throws IOException {
        String folder = hubFolder + repository.folder();
        if (options.offline()) {
            Optional<String> commit = repository.revision().matches("[0-9a-f]{40}")
                    ? Optional.of(repository.revision())
                    : files.text(folder + "/refs/" + repository.revision()).map(String::trim);
            if (commit.isPresent() && files.exists(folder + "/snapshots/" + commit.get())) {
                log.info(PreloadMessages.presentOffline(repository.describe(), volume, commit.get()));
            } else {
                missingOffline.add(repository.describe() + " (" + folder + ")");
            }
            return;
        }
        HubClient.Snapshot snapshot = hub.snapshot(repository);
        List<CacheFiles.Placement> links = new ArrayList<>();
        Set<String> blobs = new HashSet<>();
        int downloaded = 0;
        for (HubClient.HubFile file : snapshot.files()) {
            String blob = folder + "/blobs/" + file.etag();
            Expected expected = file.large()
                    ? Expected.sha256(file.etag(), file.size())
                    : Expected.gitBlob(file.etag(), file.size());
            if (blobs.add(blob) && !files.holds(blob, expected, log)) {
                // the hub's own name for a blob being downloaded; each blob in place as soon as it is verified
                Path partial = files.partial(blob + ".incomplete");
                String what = repository.repository() + "/" + file.name();
                bytes[0] += fetch(file.url(), hub.token(), partial, expected, what, files);
                files.place(List.of(CacheFiles.Placement.file(blob, partial)));
                downloaded++;
            }
            int depth = file.name().split("/").length - 1;
            links.add(CacheFiles.Placement.link(folder + "/snapshots/" + snapshot.commit() + "/" + file.name(),
                    "../".repeat(2 + depth) + "blobs/" + file.etag()));
        }
        if (!repository.revision().equals(snapshot.commit())) {
            links.add(CacheFiles.Placement.text(folder + "/refs/" + repository.revision(), snapshot.commit()));
        }
        files.place(links); // the snapshot's links and the ref last: a client never sees a link to a missing blob
        counts[0] += downloaded;
        counts[1] += blobs.size() - downloaded;
        log.info(PreloadMessages.repositoryDone(repository.describe(), volume, snapshot.commit(),
                snapshot.files().size(), downloaded, files.via()));
    }
}
