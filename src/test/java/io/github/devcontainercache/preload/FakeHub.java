package io.github.devcontainercache.preload;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * A Hugging Face hub on the loopback with one repository, {@code org/name}, answering as huggingface.co does: the
 * revision's commit and files at {@code /api/models/org/name/revision/<revision>}; for a small file, a {@code HEAD} of
 * {@code /org/name/resolve/<commit>/<file>} with its git blob id as the ETag; for a large file (LFS) a 302 to a CDN on
 * another host ({@code localhost}) with {@code X-Linked-Etag} (its SHA-256) and {@code X-Linked-Size}.
 */
final class FakeHub implements AutoCloseable {

    static final String REPOSITORY = "org/name";
    static final String COMMIT = "0123456789abcdef0123456789abcdef01234567";

    final Map<String, byte[]> files = new LinkedHashMap<>();
    final Set<String> large = new TreeSet<>();
    /** What the CDN serves instead of a large file, when it does not serve the file the hub describes. */
    final Map<String, byte[]> cdn = new java.util.concurrent.ConcurrentHashMap<>();
    /** What {@code X-Repo-Commit} says; the commit when null. */
    volatile String repoCommit;
    /** What the revision's API answer is, when not the commit and the files. */
    volatile String apiAnswer;
    /** Whether a small file's HEAD carries its ETag. */
    volatile boolean etags = true;
    final LoopbackServer server;

    FakeHub() throws IOException {
        server = new LoopbackServer((exchange, index) -> answer(exchange));
    }

    FakeHub small(String name, byte[] content) {
        files.put(name, content);
        return this;
    }

    FakeHub large(String name, byte[] content) {
        files.put(name, content);
        large.add(name);
        return this;
    }

    URI endpoint() {
        return server.uri("");
    }

    List<LoopbackServer.Request> requests() {
        return server.requests;
    }

    /** The requests to a path that starts so, as {@code METHOD path}. */
    List<String> requestsTo(String prefix) {
        return server.requests.stream().filter(r -> r.path().startsWith(prefix))
                .map(r -> r.method() + " " + r.path()).toList();
    }

    private void answer(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getRawPath();
        String method = exchange.getRequestMethod();
        String api = "/api/models/" + REPOSITORY + "/revision/";
        String resolve = "/" + REPOSITORY + "/resolve/" + COMMIT + "/";
        if (method.equals("GET") && path.startsWith(api)) {
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            LoopbackServer.send(exchange, 200, apiAnswer != null ? apiAnswer : siblings());
        } else if (path.startsWith(resolve) && files.containsKey(path.substring(resolve.length()))) {
            String name = path.substring(resolve.length());
            byte[] content = files.get(name);
            exchange.getResponseHeaders().set("X-Repo-Commit", repoCommit != null ? repoCommit : COMMIT);
            if (large.contains(name)) {
                exchange.getResponseHeaders().set("X-Linked-Etag", "\"" + LoopbackServer.sha256(content) + "\"");
                exchange.getResponseHeaders().set("X-Linked-Size", String.valueOf(content.length));
                exchange.getResponseHeaders().set("ETag", "\"" + LoopbackServer.gitBlob(content) + "\"");
                LoopbackServer.redirect(exchange, 302, server.otherHost("/cdn/" + name));
            } else {
                if (etags) {
                    exchange.getResponseHeaders().set("ETag", "\"" + LoopbackServer.gitBlob(content) + "\"");
                }
                LoopbackServer.send(exchange, 200, content);
            }
        } else if (method.equals("GET") && path.startsWith("/cdn/") && large.contains(path.substring(5))) {
            String name = path.substring(5);
            LoopbackServer.serveWithRanges(exchange, cdn.getOrDefault(name, files.get(name)));
        } else {
            LoopbackServer.send(exchange, 404, "{\"error\":\"Repository Not Found\"}");
        }
    }

    private String siblings() {
        return "{\"id\":\"" + REPOSITORY + "\",\"sha\":\"" + COMMIT + "\",\"siblings\":["
                + files.keySet().stream().map(name -> "{\"rfilename\":\"" + name + "\"}")
                        .collect(Collectors.joining(","))
                + "]}";
    }

    @Override
    public void close() {
        server.close();
    }
}
