package io.github.devcontainercache.preload;

import io.github.devcontainercache.engine.Json;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The few requests of the Hugging Face hub that {@code huggingface_hub}'s {@code snapshot_download} makes: the
 * revision's commit and files ({@code GET /api/models/<repo>/revision/<revision>}), then each file's metadata
 * ({@code HEAD /<repo>/resolve/<commit>/<file>}: {@code X-Repo-Commit}, the {@code ETag}, and
 * {@code X-Linked-Etag} and {@code X-Linked-Size} for a large file stored with LFS, whose ETag is its SHA-256).
 */
final class HubClient {

    /** One file of a revision, as the hub describes it. */
    record HubFile(String name, String etag, long size, boolean large, URI url) {}

    /** A revision: its commit and the wanted files. */
    record Snapshot(String commit, List<HubFile> files) {}

    private static final Pattern COMMIT = Pattern.compile("[0-9a-f]{40}");
    private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final int MAX_API_BYTES = 16 * 1024 * 1024;

    private final Fetcher fetcher;
    private final URI endpoint;
    private final Fetcher.Token token;

    HubClient(Fetcher fetcher, URI endpoint, String token) {
        this.fetcher = fetcher;
        this.endpoint = endpoint;
        this.token = token == null || token.isBlank() ? null : new Fetcher.Token(endpoint, token.trim());
    }

    Fetcher.Token token() {
        return token;
    }

    /** The revision's commit and its wanted files, with what each must be. */
    Snapshot snapshot(PreloadItem.HubRepository repository) throws IOException {
        URI info = at("api/models/" + repository.repository() + "/revision/" + encode(repository.revision()));
        String text = fetcher.text(info, token, MAX_API_BYTES);
        Object answer;
        try {
            answer = Json.read(text);
        } catch (IOException e) {
            throw new IOException(PreloadMessages.hubAnswerUnreadable(info, e.getMessage()), e);
        }
        String commit = Json.text(answer, "sha", "");
        if (!COMMIT.matcher(commit).matches()) {
            throw new IOException(PreloadMessages.hubAnswerUnreadable(info, "no commit in its \"sha\""));
        }
        List<HubFile> files = new ArrayList<>();
        for (Object sibling : Json.array(answer, "siblings")) {
            String name = Json.text(sibling, "rfilename", "");
            if (!name.isEmpty() && repository.wants(name)) {
                if (!CachePaths.isSafe(name)) {
                    throw new IOException(PreloadMessages.hubFileNameUnsafe(repository.describe(), name));
                }
                files.add(file(repository, commit, name));
            }
        }
        if (files.isEmpty()) {
            throw new IOException(PreloadMessages.hubNoFiles(repository.describe()));
        }
        return new Snapshot(commit, files);
    }

    private HubFile file(PreloadItem.HubRepository repository, String commit, String name) throws IOException {
        URI url = at(repository.repository() + "/resolve/" + commit + "/" + encodePath(name));
        try (Fetcher.Answer answer = fetcher.send("HEAD", url, Map.of(), token, true)) {
            String repoCommit = answer.header("X-Repo-Commit");
            if (repoCommit != null && !repoCommit.trim().equals(commit)) {
                throw new IOException(PreloadMessages.hubCommitMoved(repository.describe(), name, commit, repoCommit));
            }
            String linked = etag(answer.header("X-Linked-Etag"));
            String etag = linked != null ? linked : etag(answer.header("ETag"));
            long size = answer.headerLong("X-Linked-Size");
            if (size < 0) {
                size = answer.headerLong("Content-Length");
            }
            if (etag == null || size < 0) {
                throw new IOException(PreloadMessages.hubFileMetadataMissing(repository.describe(), name, url));
            }
            boolean large = SHA256.matcher(etag).matches();
            return new HubFile(name, etag, size, large, url);
        }
    }

    /** An ETag as the hub's client normalizes it: without {@code W/} and quotes. */
    static String etag(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String etag = header.trim();
        if (etag.startsWith("W/")) {
            etag = etag.substring(2);
        }
        etag = etag.replace("\"", "").trim();
        return etag.matches("[0-9a-f]{40}|[0-9a-f]{64}") ? etag : null;
    }

    private URI at(String path) {
        String base = endpoint.toString();
        return URI.create((base.endsWith("/") ? base : base + "/") + path);
    }

    private static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String path) {
        StringBuilder encoded = new StringBuilder();
        for (String segment : path.split("/")) {
            encoded.append(encoded.length() == 0 ? "" : "/").append(encode(segment));
        }
        return encoded.toString();
    }
}
