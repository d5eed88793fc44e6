package io.github.devcontainercache.preload;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.security.MessageDigest;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * A digest fed on a second thread: a download hands it each buffer it has written and takes a free one, so that
 * hashing a large file overlaps reading it from the network and writing it to disk instead of following them (on a
 * fast link, SHA-256 would otherwise take as long as the transfer).
 */
final class ParallelDigest implements AutoCloseable {

    private static final int BUFFERS = 8;
    static final int BUFFER_BYTES = 1 << 18;
    private static final byte[] END = new byte[0];

    private record Chunk(byte[] bytes, int length) {}

    private final MessageDigest digest;
    private final BlockingQueue<byte[]> free = new ArrayBlockingQueue<>(BUFFERS);
    private final BlockingQueue<Chunk> full = new ArrayBlockingQueue<>(BUFFERS + 1);
    private final Thread hasher;
    private volatile RuntimeException failure;

    /** The hashing thread ended before the download did. */
    private IOException ended() {
        return new IOException("hashing stopped: " + (failure != null ? failure : "the thread ended"), failure);
    }
    private boolean ended;

    ParallelDigest(MessageDigest digest) {
        this.digest = digest;
        for (int i = 0; i < BUFFERS; i++) {
            free.add(new byte[BUFFER_BYTES]);
        }
        hasher = new Thread(this::hashAll, "devcontainer-cache-hash");
        hasher.setDaemon(true);
        hasher.start();
    }

    /** A buffer to fill; waits while every buffer is being hashed. */
    byte[] buffer() throws IOException {
        try {
            for (;;) {
                byte[] buffer = free.poll(1, java.util.concurrent.TimeUnit.SECONDS);
                if (buffer != null) {
                    return buffer;
                }
                if (!hasher.isAlive()) { // it failed: no buffer comes back
                    throw ended();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }

    /** Hands the buffer's first {@code length} bytes to the hasher; the buffer comes back through {@link #buffer}. */
    void hash(byte[] buffer, int length) throws IOException {
        put(new Chunk(buffer, length));
    }

    /** Waits for every byte handed over to be hashed, and returns the digest. */
    MessageDigest finish() throws IOException {
        ended = true;
        put(new Chunk(END, 0));
        try {
            hasher.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
        if (failure != null) {
            throw ended();
        }
        return digest;
    }

    private void put(Chunk chunk) throws IOException {
        try {
            full.put(chunk);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while hashing");
        }
    }

    private void hashAll() {
        try {
            for (Chunk chunk = full.take(); chunk.bytes() != END; chunk = full.take()) {
                digest.update(chunk.bytes(), 0, chunk.length());
                free.add(chunk.bytes());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // abandoned: the download failed
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Stops the hasher when the download ended without {@link #finish}. */
    @Override
    public void close() {
        if (!ended) {
            hasher.interrupt();
        }
    }
}
