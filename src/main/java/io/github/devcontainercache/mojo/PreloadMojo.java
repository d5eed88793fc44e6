package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.CacheMessages;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.caches.VolumeNames;
import io.github.devcontainercache.engine.ContainerInfo;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.EngineException;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.VolumeInfo;
import io.github.devcontainercache.preload.CacheFiles;
import io.github.devcontainercache.preload.Fetcher;
import io.github.devcontainercache.preload.PreloadItem;
import io.github.devcontainercache.preload.PreloadMessages;
import io.github.devcontainercache.preload.Preloader;
import io.github.devcontainercache.volumes.CacheCreator;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.Authentication;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * Puts models and files into caches before anyone needs them, without Python: Whisper's models
 * ({@code whisper:base}), Hugging Face repositories ({@code hf:Systran/faster-whisper-base}) in the hub's cache layout,
 * and any file with its SHA-256. Each is verified before it is in place, resumed when a download breaks, skipped when
 * it is there and verified, fetched through Maven's proxies, and refused offline. Bind it after {@code create}.
 *
 * @since 0.1.0
 */
@Mojo(name = "preload", threadSafe = true, requiresProject = false)
public class PreloadMojo extends AbstractCacheMojo {

    /**
     * Items to preload from the command line, comma-separated, such as {@code whisper:base,whisper:tiny} or
     * {@code hf:Systran/faster-whisper-base@main:model.bin;config.json}. They go into {@code volume}, or into the one
     * declared cache of their kind: whisper; for {@code hf:}, huggingface, else whisper.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.preload")
    private String preload;

    /**
     * The volume that the command line's items go into.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.volume")
    private String volume;

    /**
     * Where Whisper's models are fetched from: {@code <whisperBaseUrl>/<sha256>/<name>.pt}, as whisper does. Set it
     * to a mirror or a repository manager's proxy of it.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.whisperBaseUrl", defaultValue = Preloader.WHISPER_BASE_URL)
    private String whisperBaseUrl;

    /**
     * The Hugging Face hub to fetch repositories from; {@code HF_ENDPOINT} when set, as the hub's own client does.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.huggingFaceEndpoint")
    private String huggingFaceEndpoint;

    /**
     * The settings.xml {@code <server>} whose password is the Hugging Face token (for gated or private
     * repositories). Without it, {@code HF_TOKEN}. The token goes to the hub's host only, and is never printed.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.huggingFaceServerId", defaultValue = "huggingface")
    private String huggingFaceServerId;

    /**
     * Seconds to wait for a download's server to accept the connection.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.downloadConnectTimeout", defaultValue = "20")
    private int downloadConnectTimeout;

    /**
     * Seconds a download may wait for the server's next bytes; then it is resumed, or fails.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.downloadTimeout", defaultValue = "60")
    private int downloadTimeout;

    /**
     * How many times a download that breaks off or stalls is resumed ({@code Range}) before the goal gives up.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.downloadRetries", defaultValue = "3")
    private int downloadRetries;

    /**
     * Where downloads are staged and verified before they are sent into a volume through the archive API (a build
     * that is not root on the engine's host). A download that broke off resumes from here.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.downloadDirectory",
            defaultValue = "${project.build.directory}/devcontainer-cache/downloads")
    private File downloadDirectory;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.preload.skip", defaultValue = "false")
    private boolean preloadSkip;

    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    /** The caches to preload, with what each gets; filled by {@link #target}. */
    private final Map<CacheDeclaration, List<String>> models = new LinkedHashMap<>();
    private final Map<CacheDeclaration, List<String[]>> files = new LinkedHashMap<>();

    @Override
    String goal() {
        return "preload";
    }

    @Override
    boolean goalSkipped() {
        return preloadSkip;
    }

    @Override
    boolean needsCaches() {
        return false;
    }

    @Override
    List<CacheDeclaration> target(List<CacheDeclaration> selected) throws MojoFailureException {
        for (CacheConfig config : configuredCaches()) {
            if (config.preload() == null) {
                continue;
            }
            Optional<CacheDeclaration> cache = selected.stream()
                    .filter(declaration -> declaration.volume().equals(config.volume())).findFirst();
            if (cache.isPresent()) {
                models.computeIfAbsent(cache.get(), c -> new ArrayList<>()).addAll(config.preload().models());
                for (PreloadConfig.File file : config.preload().files()) {
                    files.computeIfAbsent(cache.get(), c -> new ArrayList<>())
                            .add(new String[] {file.url(), file.sha256(), file.path()});
                }
            }
        }
        if (preload != null && !preload.isBlank()) {
            for (String item : preload.split(",")) {
                if (!item.isBlank()) {
                    models.computeIfAbsent(commandLineTarget(item.trim(), selected), c -> new ArrayList<>())
                            .add(item.trim());
                }
            }
        }
        List<CacheDeclaration> targets = new ArrayList<>(models.keySet());
        files.keySet().stream().filter(cache -> !targets.contains(cache)).forEach(targets::add);
        return targets;
    }

    /** The cache a command-line item goes into: {@code volume}, or the one declared cache of its kind. */
    private CacheDeclaration commandLineTarget(String item, List<CacheDeclaration> selected) throws MojoFailureException {
        if (volume != null && !volume.isBlank()) {
            String name = volume.trim();
            if (!VolumeNames.isValid(name)) {
                throw new MojoFailureException(CacheMessages.invalidVolumeName(name, new Origin("-Ddevcontainer-cache.volume")));
            }
            return selected.stream().filter(cache -> cache.volume().equals(name)).findFirst().orElseGet(() ->
                    new CacheDeclaration(name, null, null, null, null, null, null, null,
                            new Origin("-Ddevcontainer-cache.volume")));
        }
        List<CacheKind> kinds = item.startsWith("hf:")
                ? List.of(CacheKind.HUGGINGFACE, CacheKind.WHISPER)
                : List.of(CacheKind.WHISPER);
        for (CacheKind kind : kinds) {
            List<CacheDeclaration> candidates =
                    selected.stream().filter(cache -> cache.effectiveKind() == kind).toList();
            if (candidates.size() == 1) {
                return candidates.get(0);
            }
            if (candidates.size() > 1) {
                throw new MojoFailureException(PreloadMessages.severalCachesFor(item,
                        candidates.stream().map(CacheDeclaration::volume).toList()));
            }
        }
        throw new MojoFailureException(PreloadMessages.noCacheFor(item,
                String.join(" or ", kinds.stream().map(CacheKind::id).toList())));
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        if (caches.isEmpty()) {
            log.warn(PreloadMessages.nothingToPreload());
            return;
        }
        Map<CacheDeclaration, List<PreloadItem>> items = new LinkedHashMap<>();
        List<String> invalid = new ArrayList<>();
        for (CacheDeclaration cache : caches) {
            try {
                items.put(cache, Preloader.items(models.getOrDefault(cache, List.of()), files.getOrDefault(cache, List.of())));
            } catch (Preloader.PreloadException e) {
                invalid.add(cache.volume() + ": " + e.getMessage());
            }
        }
        if (!invalid.isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), invalid));
        }
        Preloader.Options options = options(); // the endpoints checked before any volume is made
        new CacheCreator(engine, helperTag(), projectId(), log).createMissing(caches);
        Preloader preloader = new Preloader(fetchSettings(), options, log);
        Map<String, List<ContainerInfo>> users = engine.containersByVolume();
        List<String> failures = new ArrayList<>();
        Exception firstCause = null;
        for (Map.Entry<CacheDeclaration, List<PreloadItem>> entry : items.entrySet()) {
            CacheDeclaration cache = entry.getKey();
            Optional<VolumeInfo> info = engine.inspectVolume(cache.volume());
            if (info.isEmpty()) {
                failures.add(VolumeMessages.cacheMissing(cache.volume()));
                continue;
            }
            // Straight onto the mount point only where this build may write there (root on the engine's host), and
            // while no running container uses the volume: none can then swap a folder for a link under the writes.
            boolean running = users.getOrDefault(cache.volume(), List.of()).stream().anyMatch(ContainerInfo::isRunning);
            Optional<Path> local = running ? Optional.empty() : mountPoint(engine, info.get()).filter(Files::isWritable);
            // the helper also marks the volume in use for the whole preload: wipe refuses it meanwhile
            try (HelperContainer helper = HelperContainer.create(engine, helperTag(), List.of(cache.volume()), false, log)) {
                Owner owner = cache.owner() != null ? cache.owner() : rootOwner(engine, info.get(), helper,
                        () -> log.warn(PreloadMessages.ownerUnknownOnPodman(cache.volume())));
                CacheFiles target = local.isPresent()
                        ? Preloader.onMountPoint(local.get(), owner)
                        : Preloader.throughArchiveApi(helper, cache.volume(), downloadDirectory.toPath(), owner, log);
                Preloader.Result result = preloader.preload(cache.volume(), entry.getValue(), target,
                        Preloader.hubFolder(cache.effectiveKind(), cache.target()));
                log.info(PreloadMessages.summary(cache.volume(), result));
            } catch (Preloader.PreloadException e) {
                failures.add(e.getMessage());
                firstCause = firstCause == null ? e : firstCause;
            } catch (IOException | EngineException e) {
                // the other caches are still tried; this one is said with the rest
                failures.add(PreloadMessages.cacheFailed(cache.volume(), e));
                firstCause = firstCause == null ? e : firstCause;
            }
        }
        if (!failures.isEmpty()) {
            throw new MojoFailureException(String.join(System.lineSeparator(), failures), firstCause);
        }
    }

    private Fetcher.Settings fetchSettings() {
        return new Fetcher.Settings(Duration.ofSeconds(Math.max(1, downloadConnectTimeout)),
                Duration.ofSeconds(Math.max(1, downloadTimeout)), Math.max(0, downloadRetries), this::proxyFor,
                "devcontainer-cache-maven-plugin/" + pluginVersion());
    }

    /** An http(s) URL with a host, or the goal fails naming the parameter that gave it. */
    private static URI httpUrl(String url, String parameter) throws MojoFailureException {
        try {
            URI uri = new URI(url.trim());
            if (uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // said below, as any other URL that is not one
        }
        throw new MojoFailureException(PreloadMessages.badBaseUrl(parameter, url));
    }

    private Preloader.Options options() throws MojoFailureException {
        String endpoint = huggingFaceEndpoint != null && !huggingFaceEndpoint.isBlank() ? huggingFaceEndpoint.trim()
                : Optional.ofNullable(System.getenv("HF_ENDPOINT")).filter(e -> !e.isBlank()).orElse(Preloader.HUB_ENDPOINT);
        URI hub = httpUrl(endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint,
                huggingFaceEndpoint != null && !huggingFaceEndpoint.isBlank() ? "huggingFaceEndpoint" : "HF_ENDPOINT");
        httpUrl(whisperBaseUrl, "whisperBaseUrl");
        String token = serverPassword(huggingFaceServerId, hub)
                .or(() -> Arrays.asList("HF_TOKEN", "HUGGING_FACE_HUB_TOKEN").stream()
                        .map(System::getenv).filter(value -> value != null && !value.isBlank()).findFirst())
                .orElse(null);
        return new Preloader.Options(whisperBaseUrl, hub, token, repositorySession != null && repositorySession.isOffline());
    }

    /** The proxy settings.xml gives for the URL (its protocol, {@code nonProxyHosts}), decrypted as Maven does. */
    private Optional<Fetcher.Proxy> proxyFor(URI uri) {
        if (repositorySession == null || repositorySession.getProxySelector() == null) {
            return Optional.empty();
        }
        RemoteRepository repository = new RemoteRepository.Builder("devcontainer-cache-preload", "default",
                uri.toString()).build();
        Proxy proxy = repositorySession.getProxySelector().getProxy(repository);
        if (proxy == null) {
            return Optional.empty();
        }
        String username = null;
        String password = null;
        try (AuthenticationContext context = AuthenticationContext.forProxy(repositorySession,
                new RemoteRepository.Builder(repository).setProxy(proxy).build())) {
            if (context != null) {
                username = context.get(AuthenticationContext.USERNAME);
                password = context.get(AuthenticationContext.PASSWORD);
            }
        }
        return Optional.of(new Fetcher.Proxy(proxy.getHost(), proxy.getPort(), username, password));
    }

    /** The password of a settings.xml {@code <server>}, decrypted as Maven does; empty without that server. */
    private Optional<String> serverPassword(String serverId, URI url) {
        if (repositorySession == null || serverId == null || serverId.isBlank()) {
            return Optional.empty();
        }
        RemoteRepository repository = new RemoteRepository.Builder(serverId.trim(), "default", url.toString()).build();
        Authentication authentication = repositorySession.getAuthenticationSelector() == null ? null
                : repositorySession.getAuthenticationSelector().getAuthentication(repository);
        if (authentication == null) {
            return Optional.empty();
        }
        try (AuthenticationContext context = AuthenticationContext.forRepository(repositorySession,
                new RemoteRepository.Builder(repository).setAuthentication(authentication).build())) {
            return Optional.ofNullable(context == null ? null : context.get(AuthenticationContext.PASSWORD))
                    .filter(password -> !password.isBlank());
        }
    }
}
