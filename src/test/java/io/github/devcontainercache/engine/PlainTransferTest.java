package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.devcontainercache.BuildLog;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the real HTTP transport sends for each kind of request the plugin makes, recorded by an HTTP server on the
 * loopback: never a request for a compressed answer (the engine would gzip a volume's whole tar stream on the fly,
 * several times slower than sending it), and the stat of a path read from the header of a {@code HEAD}.
 */
class PlainTransferTest {

    private static final String STAT_JSON =
            "{\"name\":\"tiny.pt\",\"size\":75572083,\"mode\":420,\"mtime\":\"2026-01-01T00:00:00Z\",\"linkTarget\":\"\"}";
    private static final String DIRECTORY_STAT_JSON =
            "{\"name\":\"models\",\"size\":4096,\"mode\":2147484141,\"mtime\":\"2026-01-01T00:00:00Z\",\"linkTarget\":\"\"}";

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private DockerEngine engine;

    @BeforeEach
    void start() throws Exception {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::answer);
        server.start();
        URI host = URI.create("tcp://127.0.0.1:" + server.getAddress().getPort());
        EngineEndpoint endpoint = new EngineEndpoint(host, "test", null);
        engine = new EngineConnector(Duration.ofSeconds(5), Duration.ofSeconds(30), new SilentLog())
                .connect(new EndpointDiscovery.Result(List.of(endpoint), List.of()));
    }

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        server.stop(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String method = exchange.getRequestMethod();
        requests.add(method + " " + path + " Accept-Encoding=" + exchange.getRequestHeaders().get("Accept-Encoding"));
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        byte[] answer = "{}".getBytes(StandardCharsets.UTF_8);
        int status = 200;
        if (path.endsWith("/version")) {
            answer = "{\"Version\":\"28.5.2\",\"ApiVersion\":\"1.51\"}".getBytes(StandardCharsets.UTF_8);
        } else if (path.endsWith("/system/df") || path.endsWith("/volumes")) {
            answer = ("{\"Volumes\":[{\"Name\":\"pip\",\"Driver\":\"local\",\"UsageData\":{\"Size\":1234,"
                    + "\"RefCount\":0}}]}").getBytes(StandardCharsets.UTF_8);
        } else if (path.endsWith("/containers/json")) {
            answer = "[]".getBytes(StandardCharsets.UTF_8);
        } else if (path.endsWith("/archive")) {
            String query = exchange.getRequestURI().getQuery();
            if (query.endsWith("/missing")) {
                status = 404;
                answer = "{\"message\":\"Could not find the file\"}".getBytes(StandardCharsets.UTF_8);
            } else if (method.equals("HEAD") || method.equals("GET")) {
                String stat = query.endsWith("/models") ? DIRECTORY_STAT_JSON : STAT_JSON;
                exchange.getResponseHeaders().add("X-Docker-Container-Path-Stat",
                        Base64.getEncoder().encodeToString(stat.getBytes(StandardCharsets.UTF_8)));
                answer = method.equals("HEAD") ? new byte[0] : new byte[4096];
            }
        }
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        if (method.equals("HEAD")) {
            exchange.sendResponseHeaders(status, -1);
        } else {
            exchange.sendResponseHeaders(status, answer.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(answer);
            }
        }
        exchange.close();
    }

    @Test
    void noRequestAsksForACompressedAnswer() throws Exception {
        engine.volumesByName();
        engine.volumeSizes();
        engine.listContainers(Map.of("label", List.of("x=true")));
        engine.createVolume("pip", "local", Map.of(), Map.of());
        try (InputStream tar = engine.getArchive("helper", "/volumes/pip")) {
            tar.readAllBytes();
        }
        engine.putArchive("helper", "/volumes/", new ByteArrayInputStream(new byte[1024]));
        engine.importImage(new ByteArrayInputStream(new byte[1024]), "devcontainer-cache-helper", "1");
        engine.stat("helper", "/volumes/pip/tiny.pt");

        assertThat(requests).hasSizeGreaterThanOrEqualTo(9);
        assertThat(requests).allSatisfy(request -> assertThat(request).endsWith("Accept-Encoding=[identity]"));
    }

    @Test
    void aStatComesFromTheHeadersOfAHead() {
        assertThat(engine.stat("helper", "/volumes/whisper/tiny.pt"))
                .contains(new PathStat("tiny.pt", 75572083L, 420L));
        assertThat(engine.stat("helper", "/volumes/whisper/tiny.pt").orElseThrow().isRegularFile()).isTrue();
        assertThat(requests).last().asString().startsWith("HEAD /containers/helper/archive");
    }

    @Test
    void aDirectoryIsNoRegularFile() {
        assertThat(engine.stat("helper", "/volumes/whisper/models").orElseThrow().isRegularFile()).isFalse();
    }

    @Test
    void nothingAtThePathIsEmpty() {
        assertThat(engine.stat("helper", "/volumes/whisper/missing")).isEmpty();
    }

    private static final class SilentLog implements BuildLog {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    }
}
