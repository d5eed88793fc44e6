package io.github.devcontainercache.content;

import io.github.devcontainercache.caches.Owner;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** The owner of a volume's root directory, as the archive API shows and sets it: one tar header. */
public final class RootOwnership {

    private RootOwnership() {}

    /**
     * The owner of the first entry of a tar stream, which for {@code GET /containers/{id}/archive} of a directory
     * is the directory itself. Reads one header and no more; the caller closes the stream.
     */
    public static Optional<Owner> readFirstEntryOwner(InputStream tar) throws IOException {
        TarArchiveInputStream entries = new TarArchiveInputStream(tar);
        TarArchiveEntry first = entries.getNextEntry();
        if (first == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Owner(first.getLongUserId(), first.getLongGroupId()));
        } catch (IllegalArgumentException e) {
            throw new IOException("the archive names an impossible owner " + first.getLongUserId() + ":"
                    + first.getLongGroupId(), e);
        }
    }

    /**
     * A tar of one directory entry, {@code <name>/}, owned by {@code owner}, mode 0755. Extracted where that
     * directory exists (with {@code copyUIDGID} on Docker), it changes its owner and nothing inside.
     */
    public static byte[] directoryOwnedBy(String name, Owner owner) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (TarArchiveOutputStream tar = new TarArchiveOutputStream(bytes)) {
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            TarArchiveEntry entry = new TarArchiveEntry(name + "/");
            entry.setMode(040755);
            entry.setUserId(owner.uid());
            entry.setGroupId(owner.gid());
            tar.putArchiveEntry(entry);
            tar.closeArchiveEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
