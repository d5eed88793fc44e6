package io.github.devcontainercache.content;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The model files Whisper writes to {@code ~/.cache/whisper}, with the SHA-256 Whisper itself checks and their
 * sizes: {@code whisper-models.tsv} (model, file, sha256, bytes; an empty size is not known exactly).
 */
public final class ModelCatalog {

    /** One known model file. {@code sizeBytes} is -1 when not known exactly. */
    public record KnownModel(String model, String file, String sha256, long sizeBytes) {}

    private static final ModelCatalog WHISPER = load("whisper-models.tsv");

    private final Map<String, KnownModel> byFile;

    ModelCatalog(Map<String, KnownModel> byFile) {
        this.byFile = Map.copyOf(byFile);
    }

    public static ModelCatalog whisper() {
        return WHISPER;
    }

    /** The file names of every known model, as they sit at the cache's root. */
    public java.util.Set<String> files() {
        return byFile.keySet();
    }

    public Optional<KnownModel> byFile(String file) {
        return Optional.ofNullable(byFile.get(file));
    }

    static ModelCatalog load(String resource) {
        try (InputStream in = ModelCatalog.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the plugin jar lacks " + resource);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ModelCatalog parse(String tsv) {
        Map<String, KnownModel> byFile = new LinkedHashMap<>();
        try (BufferedReader lines = new BufferedReader(new java.io.StringReader(tsv))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank() || line.startsWith("#") || line.startsWith("model\t")) {
                    continue;
                }
                String[] fields = line.split("\t", -1);
                if (fields.length < 4) {
                    continue;
                }
                long size = fields[3].isBlank() ? -1 : Long.parseLong(fields[3].trim());
                // Aliases share a file: the first line for a file names it.
                byFile.putIfAbsent(fields[1], new KnownModel(fields[0], fields[1], fields[2].trim(), size));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new ModelCatalog(byFile);
    }
}
