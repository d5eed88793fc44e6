package io.github.devcontainercache.content;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.Messages;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of streams, with progress for long work: bytes done, total, rate, at most every few seconds. */
public final class Hashing {

    private static final long PROGRESS_EVERY_NANOS = 5_000_000_000L;

    private final BuildLog log;
    private final long totalBytes;
    private final long started = System.nanoTime();
    private long doneBytes;
    private long lastReport = started;

    /** @param totalBytes the bytes all the streams to hash hold together, for progress */
    public Hashing(BuildLog log, long totalBytes) {
        this.log = log;
        this.totalBytes = totalBytes;
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
            doneBytes += read;
            long now = System.nanoTime();
            if (now - lastReport >= PROGRESS_EVERY_NANOS) {
                lastReport = now;
                log.info(Messages.progress("Hashing", doneBytes, totalBytes, now - started));
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
