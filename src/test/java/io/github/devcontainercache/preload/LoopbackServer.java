package io.github.devcontainercache.preload;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.devcontainercache.BuildLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An HTTP server on the loopback (127.0.0.1, a free port) for the preload's tests: each request is recorded with the
 * headers that matter, and answered by the test's handler, which is told how many requests came before it. The same
 * server is also reachable as {@code localhost}: another host name for the client, so a redirect there leaves the host.
 */
final class LoopbackServer implements AutoCloseable {

    /** One request as the server saw it. */
    record Request(String method, String path, String host, String range, String authorization, String userAgent,
            String acceptEncoding) {}

    /** Answers one request; {@code index} counts the requests before it, from 0. */
    interface Handler {
        void handle(HttpExchange exchange, int index) throws IOException;
    }

    private static final Pattern RANGE = Pattern.compile("bytes=(\\d+)-");

    final List<Request> requests = new CopyOnWriteArrayList<>();
    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final HttpServer server;

    LoopbackServer(Handler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", exchange -> {
            int index = count.getAndIncrement();
            var headers = exchange.getRequestHeaders();
            requests.add(new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    headers.getFirst("Host"), headers.getFirst("Range"), headers.getFirst("Authorization"),
                    headers.getFirst("User-Agent"), headers.getFirst("Accept-Encoding")));
            try (InputStream body = exchange.getRequestBody()) {
                body.readAllBytes();
            }
            try {
                handler.handle(exchange, index);
            } finally {
                exchange.close();
            }
        });
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    /** A URL of this server, as 127.0.0.1. */
    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** A URL of this server under another host name, {@code localhost}. */
    URI otherHost(String path) {
        return URI.create("http://localhost:" + port() + path);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- answers ----------------------------------------------------------------------------------------

    static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        if (exchange.getRequestMethod().equals("HEAD")) {
            exchange.getResponseHeaders().set("Content-Length", String.valueOf(body.length));
            exchange.sendResponseHeaders(status, -1);
            return;
        }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    static void send(HttpExchange exchange, int status, String body) throws IOException {
        send(exchange, status, body.getBytes(StandardCharsets.UTF_8));
    }

    static void redirect(HttpExchange exchange, int status, URI location) throws IOException {
        redirect(exchange, status, location.toString());
    }

    static void redirect(HttpExchange exchange, int status, String location) throws IOException {
        exchange.getResponseHeaders().set("Location", location);
        exchange.sendResponseHeaders(status, -1);
    }

    /** Serves {@code content} whole, or from the byte a {@code Range: bytes=N-} asks for, as a 206. */
    static void serveWithRanges(HttpExchange exchange, byte[] content) throws IOException {
        String range = exchange.getRequestHeaders().getFirst("Range");
        Matcher from = range == null ? null : RANGE.matcher(range);
        if (from == null || !from.matches()) {
            send(exchange, 200, content);
            return;
        }
        int start = Integer.parseInt(from.group(1));
        if (start >= content.length) {
            exchange.getResponseHeaders().set("Content-Range", "bytes */" + content.length);
            exchange.sendResponseHeaders(416, -1);
            return;
        }
        exchange.getResponseHeaders().set("Content-Range",
                "bytes " + start + "-" + (content.length - 1) + "/" + content.length);
        exchange.sendResponseHeaders(206, content.length - start);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(content, start, content.length - start);
        }
    }

    /**
     * Says the whole length of {@code content}, sends its first {@code sent} bytes, and closes the exchange: the
     * connection ends there, as a network that breaks does.
     */
    static void breakOffAfter(HttpExchange exchange, byte[] content, int sent) throws IOException {
        exchange.sendResponseHeaders(200, content.length);
        OutputStream out = exchange.getResponseBody();
        out.write(content, 0, sent);
        out.flush();
        exchange.close(); // fewer bytes than said: the server closes the connection
    }

    // ---- what the tests need around it --------------------------------------------------------------

    static Fetcher.Settings settings(Duration read, int retries) {
        return new Fetcher.Settings(Duration.ofSeconds(5), read, retries, uri -> Optional.empty(), "test-agent");
    }

    static Fetcher fetcher(int retries) {
        return new Fetcher(settings(Duration.ofSeconds(10), retries));
    }

    static Download download(int retries) {
        return new Download(fetcher(retries), BuildLog.SILENT);
    }

    /** Bytes that look like nothing in particular, the same for the same seed. */
    static byte[] bytes(int length, long seed) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static String sha256(byte[] content) {
        return hex("SHA-256", new byte[0], content);
    }

    /** The id git gives the content as a blob, as {@code git hash-object} prints it. */
    static String gitBlob(byte[] content) {
        return hex("SHA-1", ("blob " + content.length + "\0").getBytes(StandardCharsets.US_ASCII), content);
    }

    private static String hex(String algorithm, byte[] prefix, byte[] content) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            digest.update(prefix);
            return HexFormat.of().formatHex(digest.digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
