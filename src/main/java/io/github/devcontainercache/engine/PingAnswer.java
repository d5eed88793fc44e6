package io.github.devcontainercache.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads one HTTP answer to the ping: its status line, headers and body (by length, or chunked). */
final class PingAnswer {
    private static final int MAX_HEAD = 64 * 1024;

    private PingAnswer() {}

    /** The status line, once the whole answer is read; an exception when the stream ends before. */
    static String read(InputStream in) throws IOException {
        List<String> head = new ArrayList<>();
        String line;
        int size = 0;
        while (!(line = line(in)).isEmpty()) {
            size += line.length();
            if (size > MAX_HEAD) {
                throw new IOException("the answer to /_ping has no end of headers");
            }
            head.add(line);
        }
        if (head.isEmpty()) {
            throw new IOException("empty answer to /_ping");
        }
        long length = -1;
        boolean chunked = false;
        for (String header : head.subList(1, head.size())) {
            String lower = header.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Long.parseLong(lower.substring("content-length:".length()).trim());
            } else if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                chunked = true;
            }
        }
        if (chunked) {
            long chunk;
            while ((chunk = Long.parseLong(line(in).split(";", 2)[0].trim(), 16)) > 0) {
                skip(in, chunk);
                line(in);
            }
            while (!line(in).isEmpty()) {
                // trailers
            }
        } else if (length > 0) {
            skip(in, length);
        }
        return head.get(0);
    }

    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("the stream ended in the answer to /_ping");
            }
            if (c != '\r') {
                line.append((char) c);
            }
            if (line.length() > MAX_HEAD) {
                throw new IOException("a line of the answer to /_ping has no end");
            }
        }
        return line.toString();
    }

    private static void skip(InputStream in, long bytes) throws IOException {
        long left = bytes;
        while (left > 0) {
            if (in.read() < 0) {
                throw new IOException("the stream ended in the answer to /_ping");
            }
            left--;
        }
    }
}
