package io.github.devcontainercache.preload;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.Progress;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.engine.HelperContainer;
import io.github.devcontainercache.engine.PathStat;
import io.github.devcontainercache.engine.TarPipe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A cache written through the engine's archive API, for everyone who is not root on the engine's host. The archive
 * API can write a file but neither rename nor delete one, so a download goes to a staging folder of the build, where
 * it is resumed and verified; only a verified file is sent into the volume, with its folders, links and owner.
 */
final class ArchiveFiles extends CacheFiles {

    private final HelperContainer helper;
    private final String volume;
    private final Path staging;
    private final Owner owner;
    private final BuildLog log;

    ArchiveFiles(HelperContainer helper, String volume, Path staging, Owner owner, BuildLog log) {
        this.helper = helper;
        this.log = log;
        this.volume = volume;
        this.staging = staging.resolve(volume);
        this.owner = owner;
    }

    @Override
    ReadPath via() {
        return ReadPath.ARCHIVE_API;
    }

    @Override
    boolean holds(String path, Expected expected, BuildLog log) throws IOException {
        Optional<PathStat> stat = helper.stat(volume, path);
        if (stat.isEmpty() || !stat.get().isRegularFile()
                || expected.size() >= 0 && stat.get().sizeBytes() != expected.size()) {
            return false;
        }
        try (InputStream tar = helper.read(volume, path); TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry = entries.getNextEntry();
            return entry != null && entry.isFile() && verify(entries, entry.getSize(), expected, path, log);
        }
    }

    @Override
    boolean exists(String path) {
        return helper.stat(volume, path).isPresent();
    }

    @Override
    Optional<String> text(String path) throws IOException {
        Optional<PathStat> stat = helper.stat(volume, path);
        if (stat.isEmpty() || !stat.get().isRegularFile() || stat.get().sizeBytes() > 4096) {
            return Optional.empty();
        }
        try (InputStream tar = helper.read(volume, path); TarArchiveInputStream entries = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry = entries.getNextEntry();
            return entry == null || !entry.isFile()
                    ? Optional.empty()
                    : Optional.of(new String(entries.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Override
    Path partial(String partialPath) throws IOException {
        Path partial = staging.resolve(partialPath);
        Files.createDirectories(partial.getParent());
        return partial;
    }

    @Override
    void place(List<Placement> placements) throws IOException {
        String rootName = helper.entryRoot(volume);
        TreeSet<String> folders = new TreeSet<>();
        for (Placement placement : placements) {
            for (String folder = CachePaths.parent(placement.path()); !folder.isEmpty(); folder = CachePaths.parent(folder)) {
                folders.add(folder);
            }
        }
        // only the folders that are not there: an entry for one that is would give it this owner and mode again
        folders.removeIf(folder -> helper.stat(volume, folder).isPresent());
        TarPipe.stream("preload into " + volume, out -> {
            TarArchiveOutputStream tar = new TarArchiveOutputStream(out);
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (String folder : folders) {
                tar.putArchiveEntry(entry(rootName + "/" + folder + "/", TarArchiveEntry.DEFAULT_DIR_MODE, 0755));
                tar.closeArchiveEntry();
            }
            for (Placement placement : placements) {
                String name = rootName + "/" + placement.path();
                if (placement.linkTarget() != null) {
                    TarArchiveEntry link = new TarArchiveEntry(name, TarArchiveEntry.LF_SYMLINK);
                    link.setLinkName(placement.linkTarget());
                    link.setUserId(owner.uid());
                    link.setGroupId(owner.gid());
                    tar.putArchiveEntry(link);
                } else if (placement.text() != null) {
                    byte[] text = placement.text().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry file = entry(name, TarArchiveEntry.DEFAULT_FILE_MODE, 0644);
                    file.setSize(text.length);
                    tar.putArchiveEntry(file);
                    tar.write(text);
                } else {
                    TarArchiveEntry file = entry(name, TarArchiveEntry.DEFAULT_FILE_MODE, 0644);
                    file.setSize(Files.size(placement.verified()));
                    tar.putArchiveEntry(file);
                    Progress progress = new Progress(log, "Writing " + placement.path() + " into " + volume, file.getSize());
                    try (InputStream in = Files.newInputStream(placement.verified(), LinkOption.NOFOLLOW_LINKS)) {
                        byte[] buffer = new byte[1 << 16];
                        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                            tar.write(buffer, 0, read);
                            progress.add(read);
                        }
                    }
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }, tar -> helper.writeInto(volume, tar));
        for (Placement placement : placements) {
            if (placement.verified() != null) {
                Files.deleteIfExists(placement.verified());
            }
        }
    }

    @Override
    long abandon(Path partial) throws IOException {
        return abandon(partial, staging.getParent(), folder -> true); // the staging folders are the build's own
    }

    private TarArchiveEntry entry(String name, int typeMode, int permissions) {
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setMode((typeMode & ~07777) | permissions);
        entry.setUserId(owner.uid());
        entry.setGroupId(owner.gid());
        entry.setModTime(System.currentTimeMillis());
        return entry;
    }
}
