package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.archive.ArchiveMessages;
import io.github.devcontainercache.archive.ArchiveRefusedException;
import io.github.devcontainercache.archive.Compression;
import io.github.devcontainercache.archive.Seeder;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheMessages;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.caches.VolumeNames;
import io.github.devcontainercache.content.ContentMessages;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.VolumeInfo;
import io.github.devcontainercache.volumes.CacheCreator;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Component;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;

/**
 * Restores caches from archives made by {@code export}: a file, a directory of them, or Maven coordinates
 * {@code groupId:artifactId:version[:classifier]} resolved through the project's repositories. Verifies the whole
 * archive before writing anything; the target must be absent or empty unless {@code overwrite}. Also seeds a cache
 * from plain files ({@code -Ddevcontainer-cache.from=base.pt -Ddevcontainer-cache.volume=radio-whisper-cache}),
 * checking a known Whisper model's SHA-256 first.
 *
 * @since 0.1.0
 */
@Mojo(name = "import", threadSafe = true, requiresProject = false)
public class ImportMojo extends AbstractCacheMojo {

    /**
     * An archive, a directory of archives, Maven coordinates, or a file or directory to seed a cache with.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.from")
    private String from;

    /**
     * The volume to write into; by default the one the archive's manifest names.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.volume")
    private String volume;

    /**
     * Writes into a volume that is not empty.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.overwrite", defaultValue = "false")
    private boolean overwrite;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.import.skip", defaultValue = "false")
    private boolean importSkip;


    @Parameter(defaultValue = "${repositorySystemSession}", readonly = true)
    private RepositorySystemSession repositorySession;

    @Parameter(defaultValue = "${project.remoteProjectRepositories}", readonly = true)
    private List<RemoteRepository> repositories;

    @Component
    private RepositorySystem repositorySystem;

    @Override
    String goal() {
        return "import";
    }

    @Override
    boolean goalSkipped() {
        return importSkip;
    }

    @Override
    boolean needsCaches() {
        return false;
    }

    @Override
    List<CacheDeclaration> target(List<CacheDeclaration> selected) throws MojoFailureException {
        if (from == null || from.isBlank()) {
            throw new MojoFailureException(ArchiveMessages.importNeedsFrom());
        }
        if (volume != null && !volume.isBlank() && !VolumeNames.isValid(volume.trim())) {
            throw new MojoFailureException(CacheMessages.invalidVolumeName(volume, new Origin("-Ddevcontainer-cache.volume")));
        }
        return List.of();
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        Path path = Path.of(from.trim());
        try {
            if (Files.exists(path)) {
                List<Path> archives = archives(path);
                if (archives.isEmpty()) {
                    seed(engine, path, log);
                } else {
                    if (archives.size() > 1 && volume != null && !volume.isBlank()) {
                        throw new MojoFailureException(ArchiveMessages.severalArchivesOneVolume());
                    }
                    for (Path archive : archives) {
                        CacheArchives.importArchive(this, engine, archive, volume, overwrite, log);
                    }
                }
            } else if (from.trim().matches("[^:/\\\\\\s]+:[^:/\\\\\\s]+:[^:/\\\\\\s]+(:[^:/\\\\\\s]+)?")) {
                CacheArchives.importArchive(this, engine, resolve(from.trim()), volume, overwrite, log);
            } else {
                throw new MojoFailureException(ArchiveMessages.importFromMissing(from));
            }
        } catch (ArchiveRefusedException e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (Seeder.NotTheModel e) {
            throw new MojoFailureException(e.getMessage(), e);
        } catch (IOException e) {
            throw new MojoExecutionException(ContentMessages.unreadableContent(e), e);
        }
    }

    private void seed(DockerEngine engine, Path path, BuildLog log)
            throws IOException, Seeder.NotTheModel, MojoFailureException {
        if (volume == null || volume.isBlank()) {
            throw new MojoFailureException(ArchiveMessages.seedNeedsVolume(path));
        }
        String target = volume.trim();
        Seeder seeder = new Seeder(log);
        seeder.verifyModels(path);
        if (engine.inspectVolume(target).isEmpty()) {
            engine.createVolume(target, "local", Map.of(), Map.of(CacheCreator.LABEL_MANAGED, "true"));
        }
        if (Seeder.files(path).isEmpty()) {
            throw new MojoFailureException(ArchiveMessages.nothingToSeed(path));
        }
        VolumeInfo info = engine.inspectVolume(target)
                .orElseThrow(() -> new MojoFailureException(VolumeMessages.cacheMissing(target)));
        try (HelperContainer helper = HelperContainer.create(engine, helperTag(), List.of(target), false, log)) {
            // the files get the owner of the volume's root, so that the dev container's user can use them
            Owner owner = rootOwner(engine, info, helper, () -> log.warn(ArchiveMessages.podmanSeedOwnerUnknown(target)));
            long bytes = seeder.write(path, helper.entryRoot(target), owner, tar -> helper.writeInto(target, tar));
            log.info(ArchiveMessages.seeded(path, target, Seeder.files(path).size(), bytes));
        }
    }

    private static List<Path> archives(Path path) throws IOException {
        if (Files.isRegularFile(path)) {
            return Compression.ofFile(path).isPresent() ? List.of(path) : List.of();
        }
        List<Path> archives = new ArrayList<>();
        try (Stream<Path> list = Files.list(path)) {
            list.filter(Files::isRegularFile).filter(p -> Compression.ofFile(p).isPresent()).sorted().forEach(archives::add);
        }
        return archives;
    }

    /** Resolves the archive, whatever compression it was exported with: tar.zst, then tar.gz, then tar. */
    private Path resolve(String coordinates) throws MojoFailureException {
        String[] parts = coordinates.split(":");
        String classifier = parts.length > 3 ? parts[3] : "";
        ArtifactResolutionException last = null;
        for (Compression compression : Compression.values()) {
            ArtifactRequest request = new ArtifactRequest(
                    new DefaultArtifact(parts[0], parts[1], classifier, compression.artifactType(), parts[2]),
                    repositories,
                    null);
            try {
                return repositorySystem.resolveArtifact(repositorySession, request).getArtifact().getFile().toPath();
            } catch (ArtifactResolutionException e) {
                last = e;
            }
        }
        throw new MojoFailureException(ArchiveMessages.unresolvedCoordinates(coordinates, last.getMessage()), last);
    }
}
