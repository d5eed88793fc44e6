package io.github.devcontainercache.caches.discovery;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
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

    /**
     * The most values a document may hold, YAML aliases expanded: far more than any configuration has, few enough
     * that walking them all is instant.
     */
    static final long MAX_VALUES = 100_000;

    /**
     * The longest line a YAML document may have: SnakeYAML's reading of a line costs the square of its length (a
     * line of 3 MiB takes seconds and allocates 18 GB), and no compose file has a line of 64 KiB.
     */
    static final int MAX_YAML_LINE = 64 * 1024;

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
                throw new DiscoveryException(DiscoveryMessages.configTooLarge(shown, MAX_BYTES));
            }
            text = Files.readString(file);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1); // a byte-order mark, as Windows editors write it
            }
        } catch (IOException e) {
            throw new DiscoveryException(DiscoveryMessages.configUnreadable(shown, e), e);
        }
        return parse(shown, text, factory, format);
    }

    private static Node parse(Path file, String text, JsonFactory factory, String format)
            throws DiscoveryException {
        if (factory == YAML) {
            int longLine = firstLineLongerThan(text, MAX_YAML_LINE);
            if (longLine > 0) {
                throw new DiscoveryException(DiscoveryMessages.configLineTooLong(file, longLine, MAX_YAML_LINE));
            }
        }
        try (JsonParser parser = factory.createParser(text)) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                return new Node.ObjectNode(Map.of(), Map.of(), 1);
            }
            Node root = node(parser, first, 0, new Anchors());
            return root;
        } catch (JsonProcessingException e) {
            JsonLocation at = e.getLocation();
            throw new DiscoveryException(
                    DiscoveryMessages.configMalformed(file, format, at == null ? -1 : at.getLineNr(),
                            at == null ? -1 : at.getColumnNr(), e.getOriginalMessage()),
                    e);
        } catch (IOException | RuntimeException e) {
            // SnakeYAML reports some malformed input (bad escapes, anchors) as runtime exceptions
            throw new DiscoveryException(DiscoveryMessages.configMalformed(file, format, -1, -1, String.valueOf(e.getMessage())), e);
        } catch (StackOverflowError e) {
            throw new DiscoveryException(DiscoveryMessages.configMalformed(file, format, -1, -1, "nested too deeply"));
        }
    }

    /** The number of the first line longer than {@code max} characters, or 0. */
    private static int firstLineLongerThan(String text, int max) {
        int line = 1;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || c == '\r') {
                if (i - start > max) {
                    return line;
                }
                if (c == '\n' || i + 1 >= text.length() || text.charAt(i + 1) != '\n') {
                    line++;
                }
                start = i + 1;
            }
        }
        return text.length() - start > max ? line : 0;
    }

    /**
     * The anchored nodes of a document by name, and how many values each stands for once its aliases are expanded;
     * and how many values the document holds so far, aliases expanded: an alias is one node shared, not a copy, but
     * whoever walks the tree (discovery, merge keys) walks it once per alias, and a few lines of aliases of aliases
     * stand for billions of values.
     */
    private static final class Anchors {
        final Map<String, Node> byName = new java.util.HashMap<>();
        final Map<Node, Long> values = new java.util.IdentityHashMap<>();
        long total;

        void count(long values, JsonParser parser) throws JsonProcessingException {
            total += values;
            if (total > MAX_VALUES) {
                throw new JsonProcessingException(
                        DiscoveryMessages.configTooManyValues(MAX_VALUES), parser.currentTokenLocation()) {
                    private static final long serialVersionUID = 1L;
                };
            }
        }
    }

    /**
     * The node at the current token. YAML anchors are remembered and aliases ({@code *name}) resolved to the
     * anchored node; merge keys ({@code <<: *common}) add the members the object does not set itself.
     */
    private static Node node(JsonParser parser, JsonToken token, int depth, Anchors anchors)
            throws IOException {
        if (parser instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser yaml && yaml.isCurrentAlias()) {
            Node anchored = anchors.byName.get(parser.getText());
            if (anchored == null) {
                throw new JsonProcessingException("alias *" + parser.getText() + " names no anchor",
                        parser.currentTokenLocation()) {
                    private static final long serialVersionUID = 1L;
                };
            }
            anchors.count(anchors.values.get(anchored), parser);
            return anchored;
        }
        Object anchor = parser.getObjectId();
        long before = anchors.total;
        Node built = build(parser, token, depth, anchors);
        if (anchor != null) {
            anchors.byName.put(anchor.toString(), built);
            anchors.values.put(built, anchors.total - before);
        }
        return built;
    }

    private static Node build(JsonParser parser, JsonToken token, int depth, Anchors anchors)
            throws IOException {
        anchors.count(1, parser);
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
