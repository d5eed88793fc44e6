package io.github.devcontainercache.content.kinds;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.List;

/** Passes every byte read through it to some digests, so one read of a file checks its format and its sums. */
final class DigestingStream extends FilterInputStream {

    private final List<MessageDigest> digests;
    private final Scratch scratch;

    DigestingStream(InputStream in, List<MessageDigest> digests, Scratch scratch) {
        super(in);
        this.digests = digests;
        this.scratch = scratch;
    }

    @Override
    public int read() throws IOException {
        int b = in.read();
        if (b >= 0) {
            for (MessageDigest digest : digests) {
                digest.update((byte) b);
            }
        }
        return b;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int read = in.read(b, off, len);
        if (read > 0) {
            for (MessageDigest digest : digests) {
                digest.update(b, off, read);
            }
        }
        return read;
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buffer = scratch.copy();
        long skipped = 0;
        while (skipped < n) {
            int read = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
            if (read < 0) {
                break;
            }
            skipped += read;
        }
        return skipped;
    }

    /** Reads what is left, so the digests cover the whole file. */
    void drain() throws IOException {
        byte[] buffer = scratch.copy();
        while (read(buffer, 0, buffer.length) >= 0) {
            // digested as read
        }
    }

    @Override
    public void close() {
        // the caller's stream is the caller's to close
    }
}
