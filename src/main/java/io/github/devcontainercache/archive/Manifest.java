package io.github.devcontainercache.archive;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
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

    /** The fields of a manifest other than its labels and files. */
    private static final java.util.Set<String> FIELDS =
            java.util.Set.of("pluginVersion", "volume", "kind", "created", "entries", "totalBytes");

    /** More labels than this in a manifest are refused: a volume has a handful, and each costs heap to read. */
    static final int MAX_LABELS = 1000;

    /**
     * Reads a manifest; a missing or mistyped field is an {@link IOException} naming it. Streams the JSON rather than
     * reading it as a tree: only the fields a manifest has are kept, so that what it costs to read is what it holds
     * (a tree of 64 MiB of empty objects takes gigabytes).
     */
    public static Manifest parse(byte[] json) throws IOException {
        try (JsonParser parser = JSON.createParser(json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IOException("the manifest is not a JSON object");
            }
            Map<String, String> labels = new LinkedHashMap<>();
            Map<String, FileDigest> files = new LinkedHashMap<>();
            Map<String, JsonNode> scalars = new java.util.HashMap<>();
            for (JsonToken token = parser.nextToken(); token == JsonToken.FIELD_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                switch (name) {
                    case "labels" -> labels = labels(parser, value);
                    case "files" -> files = files(parser, value);
                    default -> {
                        JsonNode read = value(parser, value);
                        if (FIELDS.contains(name)) { // any other field is read past, not kept
                            scalars.put(name, read);
                        }
                    }
                }
            }
            String volume = field(scalars, "volume").asText("");
            if (volume.isEmpty()) {
                throw new IOException("the manifest names no volume");
            }
            return new Manifest(
                    field(scalars, "pluginVersion").asText(""),
                    volume,
                    field(scalars, "kind").asText("generic"),
                    labels,
                    field(scalars, "created").asText(""),
                    field(scalars, "entries").asLong(),
                    field(scalars, "totalBytes").asLong(),
                    files);
        }
    }

    private static JsonNode field(Map<String, JsonNode> scalars, String name) {
        return scalars.getOrDefault(name, MissingNode.getInstance());
    }

    /** The value at the current token: a scalar as read, an object or array skipped and standing as an empty one. */
    private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
        if (token == JsonToken.START_OBJECT || token == JsonToken.START_ARRAY) {
            parser.skipChildren();
            return token == JsonToken.START_OBJECT ? JSON.createObjectNode() : JSON.createArrayNode();
        }
        JsonNode scalar = JSON.readTree(parser);
        return scalar == null ? NullNode.getInstance() : scalar;
    }

    /** The labels: the members of an object, each as text; nothing from another value. */
    private static Map<String, String> labels(JsonParser parser, JsonToken token) throws IOException {
        Map<String, String> labels = new LinkedHashMap<>();
        if (token != JsonToken.START_OBJECT) {
            value(parser, token);
            return labels;
        }
        for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
            String key = parser.currentName();
            labels.put(key, value(parser, parser.nextToken()).asText());
            if (labels.size() > MAX_LABELS) {
                throw new IOException(ArchiveMessages.manifestTooManyLabels(MAX_LABELS));
            }
        }
        return labels;
    }

    /** The files: the elements of an array (or the members of an object), each checked. */
    private static Map<String, FileDigest> files(JsonParser parser, JsonToken token) throws IOException {
        Map<String, FileDigest> files = new LinkedHashMap<>();
        if (token == JsonToken.START_ARRAY) {
            for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                file(parser, next, files);
            }
        } else if (token == JsonToken.START_OBJECT) {
            for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                file(parser, parser.nextToken(), files);
            }
        } else {
            value(parser, token);
        }
        return files;
    }

    private static void file(JsonParser parser, JsonToken token, Map<String, FileDigest> files) throws IOException {
        JsonNode file;
        if (token == JsonToken.START_OBJECT) {
            ObjectNode fields = JSON.createObjectNode();
            for (JsonToken next = parser.nextToken(); next == JsonToken.FIELD_NAME; next = parser.nextToken()) {
                String name = parser.currentName();
                JsonNode value = value(parser, parser.nextToken());
                if (name.equals("path") || name.equals("size") || name.equals("sha256")) {
                    fields.set(name, value);
                }
            }
            file = fields;
        } else {
            file = value(parser, token);
        }
        String path = file.path("path").asText(null);
        String sha256 = file.path("sha256").asText("");
        if (path == null || !file.path("size").canConvertToLong() || !sha256.matches("[0-9a-f]{64}")) {
            throw new IOException("the manifest lists a file without path, size or SHA-256: " + file);
        }
        if (files.put(path, new FileDigest(file.path("size").asLong(), sha256)) != null) {
            throw new IOException("the manifest lists " + path + " twice");
        }
    }
}
