package io.github.devcontainercache.archive;

import io.github.devcontainercache.engine.TarPipe;
import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.Hashing;
import io.github.devcontainercache.content.ModelCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Copies plain files into a cache: the seed's "pre-load a Whisper model", without Python. A file named like a known
 * Whisper model must have that model's SHA-256, checked before anything is written.
 */
public final class Seeder {

    /** A file that is not the model its name says. */
    public static final class NotTheModel extends Exception {
        private static final long serialVersionUID = 1L;

        NotTheModel(String message) {
            super(message);
        }
    }

    private final BuildLog log;

    public Seeder(BuildLog log) {
        this.log = log;
    }

    /** Checks every file named like a known Whisper model; returns how many were checked. */
    public int verifyModels(Path from) throws IOException, NotTheModel {
        int checked = 0;
        for (Path file : files(from)) {
            Optional<ModelCatalog.KnownModel> model = ModelCatalog.whisper().byFile(file.getFileName().toString());
            if (model.isEmpty()) {
                continue;
            }
            String actual;
            try (InputStream in = Files.newInputStream(file)) {
                actual = new Hashing(log, Files.size(file)).sha256(in);
            }
            if (!actual.equals(model.get().sha256())) {
                throw new NotTheModel(ArchiveMessages.seedModelCorrupt(
                        file, model.get().model(), actual, model.get().sha256()));
            }
            log.info(ArchiveMessages.seedModelVerified(file, model.get().model()));
            checked++;
        }
        return checked;
    }

    /**
     * Streams the file, or the directory's content, as a tar of entries {@code <directory>/...} owned by
     * {@code owner}, into {@code writer}. Returns the bytes written.
     */
    public long write(Path from, String directory, Owner owner, Consumer<InputStream> writer) throws IOException {
        long[] bytes = new long[1];
        Path base = Files.isDirectory(from) ? from : from.toAbsolutePath().getParent();
        TarPipe.stream("seeding from " + from, out -> {
            TarArchiveOutputStream tar = Exporter.tarOut(out);
            for (Path path : Files.isDirectory(from) ? entries(from) : List.of(from.toAbsolutePath())) {
                String relative = base.relativize(path).toString().replace('\\', '/');
                if (relative.isEmpty()) {
                    continue;
                }
                boolean isDirectory = Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS);
                if (!isDirectory && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
                    continue;
                }
                TarArchiveEntry entry = new TarArchiveEntry(directory + "/" + relative + (isDirectory ? "/" : ""));
                entry.setUserId(owner.uid());
                entry.setGroupId(owner.gid());
                entry.setMode(isDirectory ? 040755 : 0100644);
                entry.setModTime(FileTime.from(Files.getLastModifiedTime(path).toInstant()));
                if (!isDirectory) {
                    entry.setSize(Files.size(path));
                }
                tar.putArchiveEntry(entry);
                if (!isDirectory) {
                    try (InputStream in = Files.newInputStream(path)) {
                        bytes[0] += in.transferTo(tar);
                    }
                }
                tar.closeArchiveEntry();
            }
            tar.finish();
        }, writer);
        return bytes[0];
    }

    /** The regular files of a file or directory. */
    public static List<Path> files(Path from) throws IOException {
        if (!Files.isDirectory(from)) {
            return List.of(from);
        }
        try (Stream<Path> walk = Files.walk(from)) {
            return walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)).sorted().toList();
        }
    }

    private static List<Path> entries(Path from) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            return walk.sorted().toList();
        }
    }
}
