package io.github.devcontainercache.content;

import io.github.devcontainercache.BuildLog;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of streams, with progress for long work: bytes done, total, rate, at most every few seconds. */
public final class Hashing {

    private final Progress progress;

    /** @param totalBytes the bytes all the streams to hash hold together, for progress */
    public Hashing(BuildLog log, long totalBytes) {
        this.progress = new Progress(log, "Hashing", totalBytes);
    }

    /** The lower-case hex SHA-256 of what the stream holds; reads it to the end, does not close it. */
    public String sha256(InputStream in) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
        byte[] buffer = new byte[1 << 16];
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            digest.update(buffer, 0, read);
            progress.add(read);
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
