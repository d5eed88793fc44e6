package io.github.devcontainercache.mojo;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.report.CacheHit;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code restore.json}: what {@code restore} found for each cache, written beside the reports, so that
 * {@code report} says each cache's {@code cacheHit} and {@code matchedKey} in {@code report.json} too.
 */
final class RestoreRecords {

    static final String FILE = "restore.json";

    /** One cache's restore. */
    record Outcome(String volume, String key, String cacheHit, String matchedKey, boolean restored, String store) {}

    private RestoreRecords() {}

    static void write(Path file, List<Outcome> outcomes, BuildLog log) {
        try {
            Files.createDirectories(file.getParent());
            try (Writer out = Files.newBufferedWriter(file);
                    JsonGenerator json = new JsonFactory().createGenerator(out)) {
                json.useDefaultPrettyPrinter();
                json.writeStartObject();
                json.writeArrayFieldStart("caches");
                for (Outcome outcome : outcomes) {
                    json.writeStartObject();
                    json.writeStringField("volume", outcome.volume());
                    json.writeStringField("key", outcome.key());
                    json.writeStringField("cacheHit", outcome.cacheHit());
                    json.writeStringField("matchedKey", outcome.matchedKey());
                    json.writeBooleanField("restored", outcome.restored());
                    json.writeStringField("store", outcome.store());
                    json.writeEndObject();
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        } catch (IOException e) {
            log.warn(GoalMessages.restoreRecordNotWritten(file, e));
        }
    }

    /** The hits a restore of this build wrote, by volume; none when it did not run. */
    static Map<String, CacheHit> read(Path file) {
        Map<String, CacheHit> hits = new LinkedHashMap<>();
        if (!Files.isRegularFile(file)) {
            return hits;
        }
        try {
            JsonNode root = new ObjectMapper().readTree(file.toFile());
            for (JsonNode cache : root.path("caches")) {
                hits.put(cache.path("volume").asText(), new CacheHit(cache.path("key").asText(null),
                        cache.path("cacheHit").asText(null), cache.path("matchedKey").asText(null),
                        cache.path("restored").asBoolean()));
            }
        } catch (IOException | RuntimeException unreadable) {
            // a report without the hits rather than none at all
        }
        return hits;
    }
}
