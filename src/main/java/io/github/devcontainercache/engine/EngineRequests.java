package io.github.devcontainercache.engine;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a request to the engine goes and comes back: one HTTP client for the goal, the count of what was sent, and
 * a failure of the transport or a refusal of the engine turned into an {@link EngineException} that says which
 * request it was. {@link DockerEngine} says what is asked.
 */
final class EngineRequests implements AutoCloseable {

    /** The read buffer of an archive stream. */
    static final int STREAM_BUFFER_BYTES = 1 << 20;

    private final DockerHttpClient http;
    private final EngineEndpoint endpoint;
    private final AtomicInteger sent = new AtomicInteger();

    EngineRequests(DockerHttpClient http, EngineEndpoint endpoint) {
        this.http = http;
        this.endpoint = endpoint;
    }

    /** The requests sent so far: what shows that a goal over many caches batches its questions. */
    int sent() {
        return sent.get();
    }

    Object getJson(String path, String what) {
        try (Response response = send(Request.Method.GET, path, null)) {
            return expectJson(response, what);
        }
    }

    Response send(Request.Method method, String path, Map<String, Object> body) {
        Request.Builder request = plain(Request.builder().method(method).path(path));
        if (body != null) {
            request.putHeader("Content-Type", "application/json")
                    .bodyBytes(Json.write(body).getBytes(StandardCharsets.UTF_8));
        }
        return execute(request.build(), method + " " + path);
    }

    Response sendStream(Request.Method method, String path, InputStream body, String contentType) {
        Request request = plain(Request.builder())
                .method(method)
                .path(path)
                .putHeader("Content-Type", contentType)
                .body(body)
                .build();
        return execute(request, method + " " + path);
    }

    /**
     * Asks for the answer as it is. The transport otherwise sends {@code Accept-Encoding: gzip}, and the engine
     * then gzips every answer on the fly, a volume's whole tar stream included: on one core, several times slower
     * than reading it plain from a local socket, and the plugin inflates it again. The transport adds its own header
     * only where a request has none.
     */
    static Request.Builder plain(Request.Builder request) {
        return request.putHeader("Accept-Encoding", "identity");
    }

    Response execute(Request request, String what) {
        sent.incrementAndGet();
        try {
            return http.execute(request);
        } catch (RuntimeException e) {
            throw new EngineException(EngineMessages.engineConnectionLost(what, endpoint, e), e);
        }
    }

    static Object expectJson(Response response, String what) {
        expectSuccess(response, what);
        try {
            return Json.read(response.getBody());
        } catch (IOException e) {
            throw new EngineException(EngineMessages.engineAnswerUnreadable(what, e), e);
        }
    }

    static void expectSuccess(Response response, String what) {
        int status = response.getStatusCode();
        if (status >= 200 && status < 300) {
            return;
        }
        String body = readAll(response.getBody());
        String message = body;
        try {
            message = Json.text(Json.read(body), "message", body);
        } catch (IOException notJson) {
            // keep the raw body as the engine's message
        }
        throw new EngineException(EngineMessages.engineRefused(what, "HTTP " + status + ": " + message.trim()), status);
    }

    static String readAll(InputStream body) {
        if (body == null) {
            return "";
        }
        try (InputStream in = body) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The body of a streamed answer, buffered, that names the request when the connection breaks under it. */
    InputStream stream(Response response, String what) {
        // A read that fails is the engine gone or the connection cut: say so, not the transport's own words.
        // Large reads: the tar readers skip and read in 8 KiB steps, each a system call and a wake-up of the engine
        // without a buffer; with it, each takes what the engine has sent, up to a whole chunk of its answer.
        return new FilterInputStream(new BufferedInputStream(response.getBody(), STREAM_BUFFER_BYTES)) {
            @Override
            public int read() throws IOException {
                try {
                    return super.read();
                } catch (IOException e) {
                    throw new IOException(EngineMessages.engineStreamBroken(what, endpoint, e), e);
                }
            }

            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                try {
                    return super.read(buffer, offset, length);
                } catch (IOException e) {
                    throw new IOException(EngineMessages.engineStreamBroken(what, endpoint, e), e);
                }
            }

            @Override
            public void close() throws IOException {
                response.close();
            }
        };
    }

    @Override
    public void close() {
        try {
            http.close();
        } catch (IOException e) {
            // nothing left to do with a connection that will not close
        }
    }
}
