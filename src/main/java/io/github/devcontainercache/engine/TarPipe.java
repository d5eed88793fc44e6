package io.github.devcontainercache.engine;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * Hands a tar that is being written to a reader, through one ring buffer: the engine reads it as a request body
 * while a second thread writes it, so no archive is held in memory or on disk. Both sides work at once: each wakes
 * the other as soon as there is something to read or room to write. (The JDK's piped streams wake a waiting side
 * only once the buffer is full or empty, or a second has passed, so writer and reader take turns.) A writer that
 * fails breaks the reader's stream, so that the engine never takes a truncated tar for a whole one.
 */
public final class TarPipe {

    /** Writes the tar onto the stream it is given. */
    public interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    static final int RING_BYTES = 1 << 20;
    /** The writer's side hands over this much at once: a tar writer writes in records of 512 bytes. */
    private static final int WRITE_BATCH_BYTES = 1 << 16;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition readable = lock.newCondition();
    private final Condition writable = lock.newCondition();
    private final byte[] ring;
    private int start;
    private int count;
    private boolean writerDone;
    private Throwable writerFailure;
    private boolean readerClosed;

    TarPipe(int ringBytes) {
        this.ring = new byte[ringBytes];
    }

    public static void stream(String what, Producer producer, Consumer<InputStream> reader) throws IOException {
        TarPipe pipe = new TarPipe(RING_BYTES);
        Thread writer = new Thread(() -> {
            try {
                OutputStream out = new BufferedOutputStream(pipe.output(), WRITE_BATCH_BYTES);
                producer.writeTo(out);
                out.flush();
                pipe.finishWriting(); // only now may the reader see the end: a failure must not look like one
            } catch (IOException | RuntimeException | Error e) {
                pipe.fail(e);
            }
        }, "devcontainer-cache-" + what);
        writer.setDaemon(true);
        writer.start();
        try (InputStream in = pipe.input()) {
            reader.accept(in);
        } finally {
            // a reader that failed, or stopped early, releases a writer that waits for room
            pipe.closeReader();
            try {
                writer.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted while streaming " + what);
            }
        }
        Throwable failure = pipe.failure();
        if (failure != null) {
            throw new IOException(what + " failed: " + failure.getMessage(), failure);
        }
    }

    OutputStream output() {
        return new OutputStream() {
            private final byte[] one = new byte[1];

            @Override
            public void write(int b) throws IOException {
                one[0] = (byte) b;
                write(one, 0, 1);
            }

            @Override
            public void write(byte[] bytes, int offset, int length) throws IOException {
                while (length > 0) {
                    int written = put(bytes, offset, length);
                    offset += written;
                    length -= written;
                }
            }
        };
    }

    InputStream input() {
        return new InputStream() {
            private final byte[] one = new byte[1];

            @Override
            public int read() throws IOException {
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] bytes, int offset, int length) throws IOException {
                return length == 0 ? 0 : take(bytes, offset, length);
            }

            @Override
            public int available() {
                lock.lock();
                try {
                    return count;
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }

    /** Copies what fits into the ring, waiting for room; returns how much. */
    private int put(byte[] bytes, int offset, int length) throws IOException {
        lock.lock();
        try {
            while (count == ring.length && !readerClosed) {
                await(writable);
            }
            if (readerClosed) {
                throw new IOException("the engine stopped reading the stream");
            }
            int end = (start + count) % ring.length;
            int n = Math.min(length, Math.min(ring.length - count, ring.length - end));
            System.arraycopy(bytes, offset, ring, end, n);
            count += n;
            readable.signal();
            return n;
        } finally {
            lock.unlock();
        }
    }

    /** Copies what the ring holds, up to {@code length}, waiting for some; -1 once the writer has finished. */
    private int take(byte[] bytes, int offset, int length) throws IOException {
        lock.lock();
        try {
            while (count == 0 && !writerDone && writerFailure == null && !readerClosed) {
                await(readable);
            }
            if (count == 0) {
                if (writerFailure != null) {
                    throw new IOException("the stream broke: " + writerFailure.getMessage(), writerFailure);
                }
                return -1;
            }
            int n = Math.min(length, Math.min(count, ring.length - start));
            System.arraycopy(ring, start, bytes, offset, n);
            start = (start + n) % ring.length;
            count -= n;
            writable.signal();
            return n;
        } finally {
            lock.unlock();
        }
    }

    private void await(Condition condition) throws InterruptedIOException {
        try {
            condition.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while streaming");
        }
    }

    private void finishWriting() {
        lock.lock();
        try {
            writerDone = true;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void fail(Throwable failure) {
        lock.lock();
        try {
            // what the reader still holds is not to be read as a whole tar
            writerFailure = failure;
            count = 0;
            readable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void closeReader() {
        lock.lock();
        try {
            readerClosed = true;
            writable.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Throwable failure() {
        lock.lock();
        try {
            return writerFailure;
        } finally {
            lock.unlock();
        }
    }
}
