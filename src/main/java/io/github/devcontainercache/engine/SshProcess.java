package io.github.devcontainercache.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One {@code ssh … docker system dial-stdio} process of {@link SshDialer}, and the bytes it carries both ways
 * between one connection of the HTTP transport and the remote engine.
 */
final class SshProcess {
    private final URI address;
    private final Process process;
    private final Tail stderr;

    private SshProcess(URI address, Process process) {
        this.address = address;
        this.process = process;
        this.stderr = new Tail(process.getErrorStream());
    }

    Process process() {
        return process;
    }

    static SshProcess start(URI address, Duration connectTimeout) throws IOException {
        Process process;
        try {
            process = new ProcessBuilder(SshDialer.command(address, connectTimeout)).start();
        } catch (IOException e) {
            throw new IOException(EngineMessages.sshMissing(e), e);
        }
        return new SshProcess(address, process);
    }

    /** Asks the engine for {@code /_ping} and reads the whole answer, so that the connection can go on. */
    void ping(Duration deadline) throws IOException {
        CountDownLatch answered = new CountDownLatch(1);
        AtomicBoolean late = new AtomicBoolean();
        Thread watchdog = new Thread(() -> {
            try {
                if (!answered.await(deadline.toMillis(), TimeUnit.MILLISECONDS)) {
                    late.set(true);
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "devcontainer-cache-ssh-deadline");
        watchdog.setDaemon(true);
        watchdog.start();
        String status;
        try {
            OutputStream out = process.getOutputStream();
            out.write("GET /_ping HTTP/1.1\r\nHost: docker\r\nUser-Agent: devcontainer-cache\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            status = PingAnswer.read(process.getInputStream());
        } catch (IOException e) {
            throw new IOException(late.get() ? EngineMessages.sshNoAnswer(address, deadline) : failure(), e);
        } finally {
            answered.countDown();
        }
        if (!status.startsWith("HTTP/1.1 200") && !status.startsWith("HTTP/1.0 200")) {
            throw new IOException(EngineMessages.sshEngineRefusedPing(address, status));
        }
    }

    /** Why the process did not answer: its exit status and what it said on its error output. */
    private String failure() {
        try {
            if (process.waitFor(10, TimeUnit.SECONDS)) {
                stderr.drained.await(1, TimeUnit.SECONDS);
                return EngineMessages.sshFailed(address, process.exitValue(), stderr.text());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return EngineMessages.sshFailed(address, -1, stderr.text());
    }

    /** Pumps bytes both ways between the transport's connection and the process, each on a thread. */
    void carry(SocketChannel connection) {
        Thread up = new Thread(() -> {
            try (OutputStream to = process.getOutputStream()) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                while (connection.read(buffer) >= 0) {
                    // the process's input is buffered: each request goes out whole, at once
                    to.write(buffer.array(), 0, buffer.position());
                    to.flush();
                    buffer.clear();
                }
            } catch (IOException e) {
                // the connection or the process ended: the other direction ends with it
            } finally {
                // the remote engine closes its side once its input ends; ssh then exits
                SshDialer.closeQuietly(process.getOutputStream());
            }
        }, "devcontainer-cache-ssh-up");
        Thread down = new Thread(() -> {
            try (InputStream from = process.getInputStream()) {
                byte[] buffer = new byte[64 * 1024];
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    ByteBuffer chunk = ByteBuffer.wrap(buffer, 0, n);
                    while (chunk.hasRemaining()) {
                        connection.write(chunk);
                    }
                }
            } catch (IOException e) {
                // as above
            } finally {
                SshDialer.closeQuietly(connection);
                process.destroy();
            }
        }, "devcontainer-cache-ssh-down");
        up.setDaemon(true);
        down.setDaemon(true);
        up.start();
        down.start();
    }

    void destroy() {
        process.destroyForcibly();
    }

    /** The last few kilobytes a process writes on its error output, read on a thread so that it never blocks. */
    private static final class Tail {
        private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
        private final CountDownLatch drained = new CountDownLatch(1);

        Tail(InputStream stderr) {
            Thread reader = new Thread(() -> {
                byte[] buffer = new byte[4096];
                try (stderr) {
                    int n;
                    while ((n = stderr.read(buffer)) >= 0) {
                        synchronized (kept) {
                            kept.write(buffer, 0, n);
                            if (kept.size() > STDERR_BYTES) {
                                byte[] all = kept.toByteArray();
                                kept.reset();
                                kept.write(all, all.length - STDERR_BYTES / 2, STDERR_BYTES / 2);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process is gone
                } finally {
                    drained.countDown();
                }
            }, "devcontainer-cache-ssh-stderr");
            reader.setDaemon(true);
            reader.start();
        }

        String text() {
            synchronized (kept) {
                return kept.toString(StandardCharsets.UTF_8);
            }
        }
    }

    /** What ssh says on its error output, kept per process for the message of a failure. */
    private static final int STDERR_BYTES = 8 * 1024;
}
