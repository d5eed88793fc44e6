package io.github.devcontainercache.caches.discovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.github.devcontainercache.Messages;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads devcontainer.json (JSON with comments and trailing commas, as the Dev Container spec allows) and compose
 * files (YAML) into {@link Node} trees that remember lines. Uses Jackson's own parsers and read features: no
 * hand-made parser. Bounded: deep nesting and huge documents are refused with a clean error.
 */
final class Documents {

    /** Deeper than any real configuration, shallow enough that no input can exhaust the stack. */
    static final int MAX_DEPTH = 200;

    static final long MAX_BYTES = 4L * 1024 * 1024;

    private static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH)
            .maxStringLength(1024 * 1024)
            .maxNumberLength(100)
            .build();

    private static final JsonFactory JSONC = JsonFactory.builder()
            .enable(JsonReadFeature.ALLOW_JAVA_COMMENTS)
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA)
            .streamReadConstraints(LIMITS)
            .build();

    private static final YAMLFactory YAML =
            YAMLFactory.builder().streamReadConstraints(LIMITS).build();

    private Documents() {}

    static Node readJsonc(Path file) throws DiscoveryException {
        return read(file, file, JSONC, "JSON");
    }

    /** Reads {@code file}, naming it {@code shown} (relative to the workspace) in messages. */
    static Node readJsonc(Path file, Path shown) throws DiscoveryException {
        return read(file, shown, JSONC, "JSON");
    }

    static Node readJsonc(Path file, String text) throws DiscoveryException {
        return parse(file, text, JSONC, "JSON");
    }

    static Node readYaml(Path file) throws DiscoveryException {
        return read(file, file, YAML, "YAML");
    }

    static Node readYaml(Path file, Path shown) throws DiscoveryException {
        return read(file, shown, YAML, "YAML");
    }

    static Node readYaml(Path file, String text) throws DiscoveryException {
        return parse(file, text, YAML, "YAML");
    }

    private static Node read(Path file, Path shown, JsonFactory factory, String format) throws DiscoveryException {
        String text;
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw new DiscoveryException(Messages.configTooLarge(shown, MAX_BYTES));
            }
            text = Files.readString(file);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark, as Windows editors write it
            }
        } catch (IOException e) {
            throw new DiscoveryException(Messages.configUnreadable(shown, e), e);
        }
        return parse(shown, text, factory, format);
    }

    private static Node parse(Path file, String text, JsonFactory factory, String format)
            throws DiscoveryException {
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.ObjectNode(Map.of(), Map.of(), 1);
            }
            Node root = node(parser, first, 0, new java.util.HashMap<>());
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DiscoveryException(
                    Messages.configMalformed(file, format, at == null ? -1 : at.getLineNr(),
                            at == null ? -1 : at.getColumnNr(), e.getOriginalMessage()),
                    e);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, anchors) as runtime exceptions
            throw new DiscoveryException(Messages.configMalformed(file, format, -1, -1, String.valueOf(e.getMessage())), e);
        } catch (StackOverflowError e) {
            throw new DiscoveryException(Messages.configMalformed(file, format, -1, -1, "nested too deeply"));
        }
    }

    /**
     * The node at the current token. YAML anchors are remembered and aliases ({@code *name}) resolved to the
     * anchored node; merge keys ({@code <<: *common}) add the members the object does not set itself.
     */
    private static Node node(JsonParser parser, JsonToken token, int depth, Map<String, Node> anchors)
            throws IOException {
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
            Node anchored = anchors.get(parser.getText());
            if (anchored == null) {
                throw new JsonProcessingException("alias *" + parser.getText() + " names no anchor",
                        parser.currentTokenLocation()) {
                    private static final long serialVersionUID = 1L;
                };
            }
            return anchored;
        }
        Object anchor = parser.getObjectId();
        Node built = build(parser, token, depth, anchors);
        if (anchor != null) {
            anchors.put(anchor.toString(), built);
        }
        return built;
    }

    private static Node build(JsonParser parser, JsonToken token, int depth, Map<String, Node> anchors)
            throws IOException {
        int line = parser.currentTokenLocation().getLineNr();
        if (depth > MAX_DEPTH) {
            throw new JsonProcessingException("nested more than " + MAX_DEPTH + " levels deep", parser.currentTokenLocation()) {
                private static final long serialVersionUID = 1L;
            };
        }
        switch (token) {
            case START_OBJECT: {
                Map<String, Node> members = new LinkedHashMap<>();
                Map<String, Integer> lines = new LinkedHashMap<>();
                List<Node> merges = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    int nameLine = parser.currentTokenLocation().getLineNr();
                    Node value = node(parser, parser.nextToken(), depth + 1, anchors);
                    if ("<<".equals(name) && parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser) {
                        merges.add(value);
                        continue;
                    }
                    members.put(name, value);
                    lines.put(name, nameLine);
                }
                for (Node merge : merges) {
                    for (Node source : merge instanceof Node.ArrayNode list ? list.items() : List.of(merge)) {
                        if (source instanceof Node.ObjectNode object) {
                            object.members().forEach(members::putIfAbsent);
                            object.memberLines().forEach(lines::putIfAbsent);
                        }
                    }
                }
                return new Node.ObjectNode(members, lines, line);
            }
            case START_ARRAY: {
                List<Node> items = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    items.add(node(parser, next, depth + 1, anchors));
                }
                return new Node.ArrayNode(items, line);
            }
            case VALUE_STRING:
                return new Node.ValueNode(parser.getText(), line);
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return new Node.ValueNode(parser.getText(), line);
            case VALUE_TRUE:
                return new Node.ValueNode(Boolean.TRUE, line);
            case VALUE_FALSE:
                return new Node.ValueNode(Boolean.FALSE, line);
            case VALUE_NULL:
                return new Node.ValueNode(null, line);
            default:
                throw new JsonProcessingException("unexpected " + token, parser.currentTokenLocation()) {
                    private static final long serialVersionUID = 1L;
                };
        }
    }
}
