package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.archive.ArchiveMessages;
import io.github.devcontainercache.archive.Compression;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.engine.DockerEngine;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;
import org.apache.maven.project.MavenProjectHelper;

/**
 * Writes each selected cache to {@code <volume>.tar.zst}: a manifest (plugin version, volume, kind, labels, every
 * file's SHA-256), then the files with owners, modes and times. With {@code attach}, the archives are attached to the
 * project, so {@code mvn deploy} publishes them like any artifact.
 *
 * @since 0.1.0
 */
@Mojo(name = "export", threadSafe = true)
public class ExportMojo extends AbstractCacheMojo {

    /**
     * Where the archives are written.
     *
     * @since 0.1.0
     */
    @Parameter(
            property = "devcontainer-cache.directory",
            defaultValue = "${project.build.directory}/devcontainer-cache/export")
    private File directory;

    /**
     * {@code zstd} (the default), {@code gzip} or {@code none}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.compression", defaultValue = "zstd")
    private String compression;

    /**
     * Attaches each archive to the project (type {@code tar.zst}, classifier {@code cache-<volume>}).
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.attach", defaultValue = "false")
    private boolean attach;


    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.export.skip", defaultValue = "false")
    private boolean exportSkip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    private MavenProject project;

    @Component
    private MavenProjectHelper projectHelper;

    @Override
    String goal() {
        return "export";
    }

    @Override
    boolean goalSkipped() {
        return exportSkip;
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        Compression chosen = Compression.fromName(compression)
                .orElseThrow(() -> new MojoFailureException(ArchiveMessages.unknownCompression(compression)));
        for (CacheDeclaration cache : caches) {
            Path archive = CacheArchives.export(this, engine, cache, directory.toPath(), chosen, log);
            if (attach) {
                projectHelper.attachArtifact(project, chosen.artifactType(), "cache-" + cache.volume(), archive.toFile());
            }
        }
    }
}
