package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

// A pipe that loses a wake-up hangs: each test gives up rather than wait for ever.
@Timeout(60)
class TarPipeTest {

    @Test
    void passesEveryByteInOrderWhateverTheSizesOfWritesAndReads() throws IOException {
        byte[] data = new byte[5 * TarPipe.RING_BYTES + 12345];
        new Random(7).nextBytes(data);
        Random sizes = new Random(11);
        ByteArrayOutputStream received = new ByteArrayOutputStream();

        TarPipe.stream("test", out -> {
            int at = 0;
            while (at < data.length) {
                int n = Math.min(data.length - at, sizes.nextInt(3) == 0 ? 1 : sizes.nextInt(3 * TarPipe.RING_BYTES));
                if (n == 1) {
                    out.write(data[at]);
                } else {
                    out.write(data, at, n);
                }
                at += n;
            }
        }, in -> {
            Random reads = new Random(13);
            byte[] buffer = new byte[2 * TarPipe.RING_BYTES];
            try {
                while (true) {
                    if (reads.nextInt(5) == 0) {
                        int b = in.read();
                        if (b < 0) {
                            break;
                        }
                        received.write(b);
                    } else {
                        int read = in.read(buffer, 0, 1 + reads.nextInt(buffer.length - 1));
                        if (read < 0) {
                            break;
                        }
                        received.write(buffer, 0, read);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });

        assertThat(Arrays.equals(received.toByteArray(), data)).as("the bytes read are the bytes written").isTrue();
    }

    @Test
    void aWriterThatFailsBreaksTheReadersStreamInsteadOfEndingIt() {
        AtomicReference<IOException> readerSaw = new AtomicReference<>();

        IOException thrown = catchThrowableOfType(IOException.class, () -> TarPipe.stream("import of x.tar", out -> {
            out.write(new byte[100_000]);
            throw new IOException("disk gone");
        }, in -> {
            try {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            } catch (IOException e) {
                readerSaw.set(e);
            }
        }));

        assertThat(readerSaw.get()).as("the reader is told the stream broke, not that it ended").isNotNull();
        assertThat(readerSaw.get().getMessage()).contains("disk gone");
        assertThat(thrown).hasMessage("import of x.tar failed: disk gone");
    }

    @Test
    void aReaderThatStopsEarlyReleasesTheWriter() {
        IOException thrown = catchThrowableOfType(IOException.class, () -> TarPipe.stream("export", out -> {
            byte[] chunk = new byte[1 << 16];
            for (int i = 0; i < 1000; i++) { // far more than the ring holds
                out.write(chunk);
            }
        }, in -> {
            try {
                in.readNBytes(10);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }));

        assertThat(thrown).hasMessage("export failed: the engine stopped reading the stream");
    }

    @Test
    void aReaderThatFailsReleasesTheWriterAndItsFailureIsTheOneThrown() {
        RuntimeException thrown = catchThrowableOfType(RuntimeException.class, () -> TarPipe.stream("seeding", out -> {
            while (true) {
                out.write(new byte[4096]);
            }
        }, in -> {
            throw new IllegalStateException("the engine said 500");
        }));

        assertThat(thrown).hasMessage("the engine said 500");
    }

    @Test
    void anEmptyTarIsAnEmptyStream() throws IOException {
        int[] first = new int[1];
        TarPipe.stream("nothing", out -> { }, in -> {
            try {
                first[0] = in.read();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        assertThat(first[0]).isEqualTo(-1);
    }
}
