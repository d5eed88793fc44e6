package io.github.devcontainercache.engine;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Engine API's JSON (and the Hugging Face hub's) as plain maps, lists, strings, numbers and booleans, read and
 * written with Jackson's streaming layer. The engine's answers are small and only a few fields are read: jackson-core does that in a
 * tenth of the start-up time that jackson-databind's tree model costs a goal.
 */
public final class Json {

    private static final JsonFactory FACTORY = new JsonFactory();

    private Json() {}

    /** The value of a JSON document: a map, a list, a string, a number, a boolean or {@code null}. */
    static Object read(InputStream in) throws IOException {
        return read(FACTORY.createParser(in));
    }

    public static Object read(String text) throws IOException {
        return read(FACTORY.createParser(text));
    }

    private static Object read(JsonParser document) throws IOException {
        try (JsonParser parser = document) {
            JsonToken first = parser.nextToken();
            if (first == null) {
                throw new IOException("empty answer");
            }
            return value(parser, first);
        }
    }

    private static Object value(JsonParser parser, JsonToken token) throws IOException {
        switch (token) {
            case START_OBJECT: {
                Map<String, Object> object = new LinkedHashMap<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_OBJECT; next = parser.nextToken()) {
                    String name = parser.currentName();
                    object.put(name, value(parser, parser.nextToken()));
                }
                return object;
            }
            case START_ARRAY: {
                List<Object> array = new ArrayList<>();
                for (JsonToken next = parser.nextToken(); next != JsonToken.END_ARRAY; next = parser.nextToken()) {
                    array.add(value(parser, next));
                }
                return array;
            }
            case VALUE_STRING:
                return parser.getText();
            case VALUE_NUMBER_INT:
            case VALUE_NUMBER_FLOAT:
                return parser.getNumberValue();
            case VALUE_TRUE:
                return Boolean.TRUE;
            case VALUE_FALSE:
                return Boolean.FALSE;
            case VALUE_NULL:
                return null;
            default:
                throw new IOException("unexpected " + token + " at " + parser.currentLocation());
        }
    }

    static String write(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator generator = FACTORY.createGenerator(text)) {
            write(generator, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static void write(JsonGenerator generator, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                generator.writeFieldName(String.valueOf(entry.getKey()));
                write(generator, entry.getValue());
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item);
            }
            generator.writeEndArray();
        } else if (value instanceof String text) {
            generator.writeString(text);
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Long || value instanceof Integer) {
            generator.writeNumber(((Number) value).longValue());
        } else if (value == null) {
            generator.writeNull();
        } else {
            throw new IllegalArgumentException("no JSON form for " + value.getClass().getName());
        }
    }

    /** The object member {@code name} of {@code value}, or an empty map when absent or not an object. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> object(Object value, String name) {
        Object member = value instanceof Map<?, ?> map ? map.get(name) : null;
        return member instanceof Map<?, ?> ? (Map<String, Object>) member : Map.of();
    }

    /** The array member {@code name} of {@code value}, or an empty list. */
    @SuppressWarnings("unchecked")
    public static List<Object> array(Object value, String name) {
        Object member = value instanceof Map<?, ?> map ? map.get(name) : null;
        return member instanceof List<?> ? (List<Object>) member : List.of();
    }

    /** The member {@code name} of {@code value} as text, or {@code fallback} when absent or null. */
    public static String text(Object value, String name, String fallback) {
        Object member = value instanceof Map<?, ?> map ? map.get(name) : null;
        return member == null || member instanceof Map || member instanceof List ? fallback : member.toString();
    }

    /** A string-to-string object member such as {@code Labels}, or an empty map. */
    static Map<String, String> stringMap(Object value, String name) {
        Map<String, String> strings = new LinkedHashMap<>();
        object(value, name).forEach((key, member) -> {
            if (member != null && !(member instanceof Map) && !(member instanceof List)) {
                strings.put(key, member.toString());
            }
        });
        return strings;
    }
}
