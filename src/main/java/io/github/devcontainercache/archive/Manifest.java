package io.github.devcontainercache.archive;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The first entry of every cache archive, {@code devcontainer-cache.json}: what the archive holds, so that an import
 * can verify all of it before writing anything.
 *
 * @param files every regular file: its path and its size and SHA-256
 */
public record Manifest(
        String pluginVersion,
        String volume,
        String kind,
        Map<String, String> labels,
        String created,
        long entries,
        long totalBytes,
        Map<String, FileDigest> files) {

    /** The name of the manifest entry. */
    public static final String ENTRY = "devcontainer-cache.json";

    /** Files larger than this in a manifest are refused: no cache needs a manifest of 64 MiB. */
    static final int MAX_BYTES = 64 * 1024 * 1024;

    /** A file's size and SHA-256. */
    public record FileDigest(long size, String sha256) {}

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        labels = Map.copyOf(labels);
        files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
    }

    public byte[] toJson() {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", 1);
        root.put("pluginVersion", pluginVersion);
        root.put("volume", volume);
        root.put("kind", kind);
        ObjectNode labelNode = root.putObject("labels");
        new java.util.TreeMap<>(labels).forEach(labelNode::put);
        root.put("created", created);
        root.put("entries", entries);
        root.put("totalBytes", totalBytes);
        ArrayNode fileNodes = root.putArray("files");
        files.forEach((path, digest) -> fileNodes.addObject()
                .put("path", path)
                .put("size", digest.size())
                .put("sha256", digest.sha256()));
        try {
            return JSON.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Reads a manifest; a missing or mistyped field is an {@link IOException} naming it. */
    public static Manifest parse(byte[] json) throws IOException {
        JsonNode root = JSON.readTree(json);
        if (root == null || !root.isObject()) {
            throw new IOException("the manifest is not a JSON object");
        }
        Map<String, String> labels = new LinkedHashMap<>();
        root.path("labels").fields().forEachRemaining(e -> labels.put(e.getKey(), e.getValue().asText()));
        Map<String, FileDigest> files = new LinkedHashMap<>();
        for (JsonNode file : root.path("files")) {
            String path = file.path("path").asText(null);
            String sha256 = file.path("sha256").asText("");
            if (path == null || !file.path("size").canConvertToLong() || !sha256.matches("[0-9a-f]{64}")) {
                throw new IOException("the manifest lists a file without path, size or SHA-256: " + file);
            }
            if (files.put(path, new FileDigest(file.path("size").asLong(), sha256)) != null) {
                throw new IOException("the manifest lists " + path + " twice");
            }
        }
        String volume = root.path("volume").asText("");
        if (volume.isEmpty()) {
            throw new IOException("the manifest names no volume");
        }
        return new Manifest(
                root.path("pluginVersion").asText(""),
                volume,
                root.path("kind").asText("generic"),
                labels,
                root.path("created").asText(""),
                root.path("entries").asLong(),
                root.path("totalBytes").asLong(),
                files);
    }
}
