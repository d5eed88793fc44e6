package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheDeclarations;
import io.github.devcontainercache.caches.CacheMessages;
import io.github.devcontainercache.caches.CacheSelection;
import io.github.devcontainercache.caches.CacheSpec;
import io.github.devcontainercache.caches.InvalidCachesException;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.caches.SkippedMount;
import io.github.devcontainercache.caches.discovery.DevcontainerDiscovery;
import io.github.devcontainercache.caches.discovery.DiscoveryMessages;
import io.github.devcontainercache.content.RootOwnership;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.EndpointDiscovery;
import io.github.devcontainercache.engine.EngineConnector;
import io.github.devcontainercache.engine.EngineException;
import io.github.devcontainercache.engine.EngineUnreachableException;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.MountPoints;
import io.github.devcontainercache.engine.VolumeInfo;
import io.github.devcontainercache.volumes.CacheCreator;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * What every goal shares: the skip flags, the cache declarations and selection, and the engine connection.
 * A goal reads its own parameters and hands plain objects to the code under {@code caches/} and
 * {@code engine/}; this class maps what that code throws to Maven's two exceptions, in one place.
 */
abstract class AbstractCacheMojo extends AbstractMojo {

    /**
     * The caches this project uses, each a Docker named volume:
     *
     * <pre>{@code
     * <caches>
     *   <cache>
     *     <volume>radio-pip-cache</volume>
     *     <kind>pip</kind>
     *     <target>/home/vscode/.cache/pip</target>
     *     <budget>2GB</budget>
     *     <owner>1000:1000</owner>
     *   </cache>
     * </caches>
     * }</pre>
     *
     * @since 0.1.0
     */
    @Parameter
    private List<CacheConfig> caches;

    /**
     * Whether to read the caches from the project's dev container configurations:
     * {@code .devcontainer/devcontainer.json}, {@code .devcontainer.json} and
     * {@code .devcontainer/<folder>/devcontainer.json} (with their compose files), found in the project's directory
     * or the nearest parent up to the git repository's root. The pom's {@code <caches>} win field by field.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.discover", defaultValue = "true")
    private boolean discover;

    /**
     * One dev container configuration to read instead of looking for them.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.devcontainer")
    private File devcontainer;

    /** The project's directory; the working directory for goals run outside a project. */
    @Parameter(defaultValue = "${project.basedir}", readonly = true)
    private File basedir;

    /**
     * Narrows the goal to some caches: a comma-separated list of volume names and kinds, such as
     * {@code radio-pip-cache,whisper}. Every cache when empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.only")
    private String only;

    /**
     * Skips every goal of this plugin.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.skip", defaultValue = "false")
    private boolean skip;

    /**
     * The engine to use, such as {@code unix:///run/user/1000/docker.sock} or {@code tcp://build-host:2376}.
     * When absent: {@code DOCKER_HOST}, then the current Docker context, then the well-known sockets of Docker,
     * rootless Docker, Docker Desktop and Podman.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.dockerHost")
    private String dockerHost;

    /**
     * Whether a build without a reachable engine fails. With {@code false}, the goal logs a warning and skips.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.failIfNoEngine", defaultValue = "true")
    private boolean failIfNoEngine;

    /**
     * Seconds to wait for the engine to accept the connection and answer its first request.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.connectTimeout", defaultValue = "5")
    private int connectTimeout;

    /**
     * Seconds a request may wait for the engine's next bytes before the goal gives up.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.responseTimeout", defaultValue = "120")
    private int responseTimeout;

    /**
     * Whether a volume whose directory is on this host (the engine runs here) may be read, or written, straight on
     * its mount point, which is much faster. With {@code false}, every volume goes through a helper container and
     * the engine's archive API.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.readMountPoints", defaultValue = "true")
    private boolean readMountPoints;

    /** The helper image is tagged with the plugin's version, so each version imports its own once. */
    @Parameter(defaultValue = "${plugin.version}", readonly = true, required = true)
    private String pluginVersion;

    @Parameter(defaultValue = "${project.groupId}:${project.artifactId}", readonly = true, required = true)
    private String projectId;

    /** The mounts of the dev container configurations that are not caches, found with the caches. */
    private List<SkippedMount> skippedMounts = List.of();

    /** The goal's name, as in {@code devcontainer-cache:check}. */
    abstract String goal();

    /** The goal's own skip flag. */
    abstract boolean goalSkipped();

    /** Whether the goal has nothing to do without declared caches. */
    boolean needsCaches() {
        return true;
    }

    /** Why the goal does nothing in this build, before it asks the engine anything; empty when it acts. */
    Optional<String> inactive() {
        return Optional.empty();
    }

    /** The caches the goal works on, from the declared and selected ones; a goal may name its own. */
    List<CacheDeclaration> target(List<CacheDeclaration> selected) throws MojoFailureException {
        return selected;
    }

    boolean readMountPoints() {
        return readMountPoints;
    }

    /** The volume's directory on this host, where it may be read straight (see {@link MountPoints}). */
    Optional<Path> mountPoint(DockerEngine engine, VolumeInfo volume) {
        return readMountPoints ? MountPoints.localDirectory(engine.endpoint(), volume) : Optional.empty();
    }

    /**
     * The owner of the volume's root, which the files a goal writes into it get unless the cache declares one:
     * read on its mount point, through a rootless Podman's id mappings, or from the helper's archive of it. Podman's
     * archive API cannot tell it; {@code unknownOnPodman} then says so, and root it is.
     */
    Owner rootOwner(DockerEngine engine, VolumeInfo info, HelperContainer helper, Runnable unknownOnPodman)
            throws IOException {
        Optional<Path> local = mountPoint(engine, info);
        if (local.isPresent()) {
            long[] ids = MountPoints.owner(local.get());
            return new Owner(ids[0], ids[1]);
        }
        if (engine.isPodman()) {
            Optional<long[]> mapped = readMountPoints ? MountPoints.rootlessPodmanRootOwner(engine, info) : Optional.empty();
            if (mapped.isEmpty()) {
                unknownOnPodman.run();
            }
            return mapped.map(ids -> new Owner(ids[0], ids[1])).orElse(new Owner(0, 0));
        }
        try (InputStream root = helper.read(info.name())) {
            return RootOwnership.readFirstEntryOwner(root).orElse(new Owner(0, 0));
        }
    }

    String pluginVersion() {
        return pluginVersion;
    }

    /** The pom's {@code <caches>}, as Maven filled them in. */
    List<CacheConfig> configuredCaches() {
        return caches == null ? List.of() : caches;
    }

    /** Does the goal's work on the selected caches, through the connected engine. */
    abstract void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        perform();
    }

    /** The goal's whole work: skip flags, declarations, the engine, then {@link #run}; a site report's too. */
    final void perform() throws MojoExecutionException, MojoFailureException {
        BuildLog log = new MavenBuildLog(getLog());
        if (skip) {
            log.info(GoalMessages.skipping(goal(), "devcontainer-cache.skip"));
            return;
        }
        if (goalSkipped()) {
            log.info(GoalMessages.skipping(goal(), "devcontainer-cache." + goal() + ".skip"));
            return;
        }
        Optional<String> inactive = inactive();
        if (inactive.isPresent()) {
            log.info(inactive.get());
            return;
        }
        // Connecting loads the HTTP transport, most of a goal's start-up: let it run while the caches are read.
        EngineConnector.Connection connection = new EngineConnector(
                        Duration.ofSeconds(Math.max(1, connectTimeout)),
                        Duration.ofSeconds(Math.max(1, responseTimeout)),
                        log)
                .start(EndpointDiscovery.discover(EndpointDiscovery.Environment.current(dockerHost)));
        // What discovery says is logged after the engine line, so that a goal's first line names the engine.
        BuildLog.Deferred discoveryLog = new BuildLog.Deferred();
        List<CacheDeclaration> selected;
        try {
            selected = target(declaredCaches(discoveryLog));
        } catch (MojoFailureException | RuntimeException e) {
            connection.cancel();
            discoveryLog.replayTo(log);
            throw e;
        }
        if (selected.isEmpty() && needsCaches()) {
            connection.cancel();
            discoveryLog.replayTo(log);
            log.warn(CacheMessages.noCachesDeclared());
            return;
        }
        DockerEngine engine = await(connection, log);
        if (engine == null) {
            return;
        }
        try (engine) {
            log.info(engine.describe());
            discoveryLog.replayTo(log);
            if (!selected.isEmpty()) {
                log.info(CacheMessages.cachesInScope(goal(), selected));
            }
            // what a killed build left: its helpers (which keep volumes "in use"), a volume it half imported
            HelperContainer.removeLeftovers(engine, log);
            run(engine, selected, log);
            log.debug(GoalMessages.engineRequests(goal(), engine.requestCount()));
        } catch (CacheCreator.InvalidCacheException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (EngineException e) {
            // not as the cause: Maven would append the transport's own words to a message that already says it all
            MojoExecutionException failure = new MojoExecutionException(e.getMessage());
            failure.addSuppressed(e);
            throw failure;
        } catch (RuntimeException e) {
            throw new MojoExecutionException(GoalMessages.unexpected(goal(), e), e);
        }
    }

    private List<CacheDeclaration> declaredCaches(BuildLog log) throws MojoFailureException {
        List<CacheSpec> fromPom = new ArrayList<>();
        if (caches != null) {
            caches.forEach(cache -> fromPom.add(cache.toSpec()));
        }
        try {
            DevcontainerDiscovery.Result discovered = discovered();
            if (!discovered.configurations().isEmpty()) {
                log.info(DiscoveryMessages.discovered(
                        discovered.workspaceFolder(), discovered.configurations(), discovered.caches().size()));
            }
            discovered.notes().forEach(log::warn);
            skippedMounts = discovered.skipped();
            return CacheDeclarations.resolve(List.of(fromPom, discovered.caches()), CacheSelection.parse(only));
        } catch (InvalidCachesException e) {
            throw new MojoFailureException(CacheMessages.invalidDeclarations(e.problems()), e);
        }
    }

    private DevcontainerDiscovery.Result discovered() throws InvalidCachesException, MojoFailureException {
        if (devcontainer != null) {
            if (!devcontainer.isFile()) {
                throw new MojoFailureException(DiscoveryMessages.devcontainerParameterMissing(devcontainer.toPath()));
            }
            Path file = devcontainer.toPath().toAbsolutePath().normalize();
            return DevcontainerDiscovery.discover(DevcontainerDiscovery.workspaceOf(file), List.of(file), System.getenv());
        }
        if (!discover) {
            return DevcontainerDiscovery.Result.none();
        }
        Optional<Path> workspace = DevcontainerDiscovery.findWorkspace(baseDirectory());
        if (workspace.isEmpty()) {
            return DevcontainerDiscovery.Result.none();
        }
        return DevcontainerDiscovery.discover(
                workspace.get(), DevcontainerDiscovery.configurationsIn(workspace.get()), System.getenv());
    }

    /** The connected engine, or {@code null} when none answers and that is only a warning. */
    private DockerEngine await(EngineConnector.Connection connection, BuildLog log) throws MojoExecutionException {
        try {
            return connection.await();
        } catch (EngineUnreachableException e) {
            if (failIfNoEngine) {
                throw new MojoExecutionException(e.getMessage(), e);
            }
            log.warn(GoalMessages.noEngineSkipping(goal(), e.getMessage()));
            return null;
        }
    }

    /** The mounts of the dev container configurations that are not caches, and why, once the caches are read. */
    List<SkippedMount> skippedMounts() {
        return skippedMounts;
    }

    String helperTag() {
        return pluginVersion;
    }

    String projectId() {
        return projectId;
    }

    Path baseDirectory() {
        return basedir != null ? basedir.toPath() : Path.of("").toAbsolutePath();
    }
}
