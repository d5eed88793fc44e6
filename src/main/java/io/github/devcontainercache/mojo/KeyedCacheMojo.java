package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.archive.keyed.CacheKeys;
import io.github.devcontainercache.archive.keyed.DirectoryStore;
import io.github.devcontainercache.archive.keyed.KeyMessages;
import io.github.devcontainercache.archive.keyed.KeyedStore;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.engine.DockerEngine;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.maven.execution.MavenSession;
import org.apache.maven.model.DeploymentRepository;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.eclipse.aether.RepositorySystem;

/**
 * What {@code save}, {@code restore} and {@code prune} share: where keyed archives live, and each cache's key and
 * restore prefixes, evaluated and encoded.
 */
abstract class KeyedCacheMojo extends AbstractCacheMojo {

    /**
     * Where keyed archives live: a directory, local or shared ({@code /mnt/team/caches}), or {@code repository}, a
     * Maven repository (see {@code repository}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.store")
    private String store;

    /**
     * With {@code store=repository}: the repository, as {@code id::url}, that {@code save} deploys to and
     * {@code restore} resolves from, with the settings.xml {@code <server>} of that id for credentials, and its
     * mirrors and proxies. By default the project's {@code <distributionManagement><repository>}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.repository")
    private String repository;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Parameter(defaultValue = "${session}", readonly = true, required = true)
    private MavenSession session;

    @Component
    private RepositorySystem repositorySystem;

    /** Does the goal's work on the caches, their keys evaluated. */
    abstract void runKeyed(DockerEngine engine, List<Keyed> keyed, BuildLog log)
            throws MojoFailureException, MojoExecutionException;

    @Override
    final void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        List<Keyed> keyed = keyed(caches);
        try {
            runKeyed(engine, keyed, log);
        } finally {
            removeScratch();
        }
    }

    /** A cache with its key and restore prefixes, evaluated and encoded. */
    record Keyed(CacheDeclaration cache, String key, List<String> prefixes) {}

    /** Each cache's key and prefixes; every key that cannot be used is named before anything is done. */
    private List<Keyed> keyed(List<CacheDeclaration> caches) throws MojoFailureException {
        Map<String, CacheConfig> configs = new HashMap<>();
        for (CacheConfig config : configuredCaches()) {
            configs.put(config.volume(), config);
        }
        Map<String, String> properties = new HashMap<>();
        project.getProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
        session.getUserProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
        CacheKeys.Context context = CacheKeys.Context.of(baseDirectory(), properties);
        List<Keyed> keyed = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (CacheDeclaration cache : caches) {
            CacheConfig config = configs.get(cache.volume());
            String template = config != null && config.key() != null && !config.key().isBlank() ? config.key().trim()
                    : CacheKeys.defaultKey(cache.effectiveKind());
            List<String> prefixTemplates = config != null && config.restoreKeys() != null ? config.restoreKeys()
                    : CacheKeys.defaultRestoreKeys(cache.effectiveKind());
            try {
                String key = CacheKeys.checked(
                        CacheKeys.evaluate(template, cache.volume(), cache.effectiveKind(), context),
                        "key of cache '" + cache.volume() + "'");
                List<String> prefixes = new ArrayList<>();
                for (String prefix : prefixTemplates) {
                    if (prefix != null && !prefix.isBlank()) {
                        prefixes.add(CacheKeys.checkedPrefix(
                                CacheKeys.evaluate(prefix.trim(), cache.volume(), cache.effectiveKind(), context),
                                "restore key of cache '" + cache.volume() + "'"));
                    }
                }
                keyed.add(new Keyed(cache, key, prefixes));
            } catch (CacheKeys.BadKey e) {
                problems.add(e.getMessage());
            } catch (IOException e) {
                problems.add(KeyMessages.filesUnreadable(cache.volume(), e));
            }
        }
        if (!problems.isEmpty()) {
            throw new MojoFailureException(KeyMessages.badKeys(problems));
        }
        return keyed;
    }

    /** Whether keyed archives go to a Maven repository rather than a directory. */
    boolean inRepository() {
        return store != null && "repository".equalsIgnoreCase(store.trim());
    }

    /** The store the parameters name. */
    KeyedStore store(Path scratch) throws MojoFailureException {
        if (store == null || store.isBlank()) {
            throw new MojoFailureException(KeyMessages.noStore(goal()));
        }
        if (!inRepository()) {
            Path directory = Path.of(store.trim());
            return new DirectoryStore(directory.isAbsolute() ? directory : baseDirectory().resolve(directory));
        }
        String id;
        String url;
        if (repository != null && !repository.isBlank()) {
            String[] parts = repository.trim().split("::");
            if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
                throw new MojoFailureException(KeyMessages.badRepository(repository));
            }
            id = parts[0].trim();
            url = parts[1].trim();
        } else {
            DeploymentRepository deployment = project.getDistributionManagement() == null ? null
                    : project.getDistributionManagement().getRepository();
            if (deployment == null || deployment.getUrl() == null) {
                throw new MojoFailureException(KeyMessages.noRepository());
            }
            id = deployment.getId();
            url = deployment.getUrl();
        }
        return new RepositoryStore(repositorySystem, session.getRepositorySession(), id, url, project.getGroupId(),
                project.getArtifactId(), scratch);
    }

    /** This execution's own folder, where it keeps archives while it runs: two builds of one project may run at once. */
    private Path scratch;

    /** Where a goal keeps archives for the time it runs. */
    Path scratch() {
        if (scratch == null) {
            scratch = new File(project.getBuild().getDirectory(), "devcontainer-cache/keyed/"
                    + ProcessHandle.current().pid() + "-" + Long.toHexString(System.nanoTime())).toPath();
        }
        return scratch;
    }

    /** Removes what the goal kept while it ran: an archive it saved, one it fetched from a repository. */
    void removeScratch() {
        Path own = scratch();
        if (!java.nio.file.Files.isDirectory(own)) {
            return;
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(own)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                java.nio.file.Files.deleteIfExists(file);
            }
        } catch (IOException leftBehind) {
            // the build's own folder: mvn clean removes what is left
        }
    }
}
