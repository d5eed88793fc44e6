package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheMessages;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.VolumeNames;
import io.github.devcontainercache.content.CacheContents;
import io.github.devcontainercache.content.ContentMessages;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.content.VolumeScan;
import io.github.devcontainercache.content.kinds.CachePass;
import io.github.devcontainercache.content.kinds.KindMessages;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.VolumeInfo;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Lists what is inside one cache, largest first, with human-readable sizes and a total: the seed's
 * {@code ls -lh /cache}, without pulling an image.
 *
 * @since 0.1.0
 */
@Mojo(name = "list", threadSafe = true, requiresProject = false)
public class ListMojo extends AbstractCacheMojo {

    /**
     * The volume to list; with a single declared cache it may be left out.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.volume")
    private String volume;

    /**
     * How many files to list.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.limit", defaultValue = "50")
    private int limit;

    /**
     * Skips this goal.
     *
     * @since 0.1.0
     */
    @Parameter(property = "devcontainer-cache.list.skip", defaultValue = "false")
    private boolean listSkip;


    @Override
    String goal() {
        return "list";
    }

    @Override
    boolean goalSkipped() {
        return listSkip;
    }

    @Override
    List<CacheDeclaration> target(List<CacheDeclaration> selected) throws MojoFailureException {
        if (volume == null || volume.isBlank()) {
            if (selected.size() == 1) {
                return selected;
            }
            throw new MojoFailureException(ContentMessages.listNeedsVolume(selected));
        }
        if (!VolumeNames.isValid(volume.trim())) {
            throw new MojoFailureException(CacheMessages.invalidVolumeName(volume, new Origin("-Ddevcontainer-cache.volume")));
        }
        for (CacheDeclaration cache : selected) {
            if (cache.volume().equals(volume.trim())) {
                return List.of(cache);
            }
        }
        return List.of(new CacheDeclaration(
                volume.trim(), null, null, null, null, null, null, null, new Origin("-Ddevcontainer-cache.volume")));
    }

    @Override
    void run(DockerEngine engine, List<CacheDeclaration> caches, BuildLog log)
            throws MojoFailureException, MojoExecutionException {
        String name = caches.get(0).volume();
        Optional<VolumeInfo> info = engine.inspectVolume(name);
        if (info.isEmpty()) {
            throw new MojoFailureException(VolumeMessages.cacheMissing(name));
        }
        Optional<Path> local = mountPoint(engine, info.get());
        CacheDeclaration cache = caches.get(0);
        CachePass.Options options = new CachePass.Options(false, false, null, false, Math.max(1, limit), Math.max(1, limit));
        CachePass.Result pass;
        try {
            if (local.isPresent()) {
                pass = CachePass.run(CacheContents.local(local.get()), cache.effectiveKind(), cache.target(), options);
                log.info(ContentMessages.listing(name, ReadPath.MOUNT_POINT));
            } else {
                try (HelperContainer helper = HelperContainer.create(engine, helperTag(), List.of(name), true, log)) {
                    pass = CachePass.run(CacheContents.archive(helper, name), cache.effectiveKind(), cache.target(), options);
                }
                log.info(ContentMessages.listing(name, ReadPath.ARCHIVE_API));
            }
        } catch (IOException e) {
            throw new MojoExecutionException(ContentMessages.unreadableContent(e), e);
        }
        VolumeScan scan = pass.scan();
        ContentMessages.listLines(scan).forEach(log::info);
        log.info(ContentMessages.listTotal(scan, Math.max(1, limit)));
        KindMessages.itemLines(pass.findings()).forEach(log::info);
    }
}
