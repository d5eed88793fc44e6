package io.github.devcontainercache.archive;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Hands a tar that is being written to a reader, through a pipe: the engine reads it as a request body while a
 * second thread writes it, so no archive is held in memory or on disk.
 */
final class TarPipe {

    /** Writes the tar onto the stream it is given. */
    interface Producer {
        void writeTo(OutputStream out) throws IOException;
    }

    private TarPipe() {}

    static void stream(String what, Producer producer, Consumer<InputStream> reader) throws IOException {
        PipedInputStream pipe = new PipedInputStream(1 << 20);
        PipedOutputStream pipeOut = new PipedOutputStream(pipe);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread writer = new Thread(() -> {
            try (OutputStream out = pipeOut) {
                producer.writeTo(out);
            } catch (IOException | RuntimeException e) {
                failure.set(e);
            }
        }, "devcontainer-cache-" + what);
        writer.setDaemon(true);
        writer.start();
        try (InputStream in = pipe) {
            reader.accept(in);
        }
        try {
            writer.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming " + what, e);
        }
        if (failure.get() != null) {
            throw new IOException(what + " failed: " + failure.get().getMessage(), failure.get());
        }
    }
}
