package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.BuildLog;
import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashingTest {

    /** A log that keeps every message with its level. */
    static final class RecordingLog implements BuildLog {
        final List<String> messages = new ArrayList<>();

        @Override
        public void info(String message) {
            messages.add("info: " + message);
        }

        @Override
        public void warn(String message) {
            messages.add("warn: " + message);
        }

        @Override
        public void debug(String message) {
            messages.add("debug: " + message);
        }
    }

    private static InputStream text(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void hashesKnownInputs() throws IOException {
        Hashing hashing = new Hashing(BuildLog.SILENT, 3);
        assertThat(hashing.sha256(text(""))).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(hashing.sha256(text("abc"))).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void hashesAMebibyteStream() throws IOException {
        byte[] pattern = new byte[1 << 20];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i % 251);
        }
        Hashing hashing = new Hashing(BuildLog.SILENT, 2L << 20);
        assertThat(hashing.sha256(new ByteArrayInputStream(new byte[1 << 20])))
                .isEqualTo("30e14955ebf1352266dc2ff8067e68104607e750abb9d3b36582b8af909fcb58");
        assertThat(hashing.sha256(new ByteArrayInputStream(pattern)))
                .isEqualTo("631b84027d6b9e52b539c4e8373622d23032dfadc64d60af87339c9037e4f769");
    }

    @Test
    void aStreamThatGivesFewBytesAtATimeHashesTheSame() throws IOException {
        byte[] pattern = new byte[1 << 20];
        for (int i = 0; i < pattern.length; i++) {
            pattern[i] = (byte) (i % 251);
        }
        InputStream trickle = new FilterInputStream(new ByteArrayInputStream(pattern)) {
            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return super.read(b, off, Math.min(len, 1000));
            }
        };
        assertThat(new Hashing(BuildLog.SILENT, pattern.length).sha256(trickle))
                .isEqualTo("631b84027d6b9e52b539c4e8373622d23032dfadc64d60af87339c9037e4f769");
    }

    @Test
    void readsTheStreamToItsEndWithoutClosingIt() throws IOException {
        boolean[] closed = {false};
        ByteArrayInputStream bytes = new ByteArrayInputStream(new byte[100_000]);
        InputStream in = new FilterInputStream(bytes) {
            @Override
            public void close() throws IOException {
                closed[0] = true;
                super.close();
            }
        };
        new Hashing(BuildLog.SILENT, 100_000).sha256(in);
        assertThat(bytes.available()).isZero();
        assertThat(closed[0]).isFalse();
    }

    @Test
    void shortWorkLogsNoProgress() throws IOException {
        RecordingLog log = new RecordingLog();
        Hashing hashing = new Hashing(log, 3L << 20);
        hashing.sha256(new ByteArrayInputStream(new byte[1 << 20]));
        hashing.sha256(new ByteArrayInputStream(new byte[2 << 20]));
        hashing.sha256(text(""));
        assertThat(log.messages).isEmpty();
    }
}
