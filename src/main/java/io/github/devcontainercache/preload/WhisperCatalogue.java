package io.github.devcontainercache.preload;

import io.github.devcontainercache.content.ModelCatalog;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The models {@code whisper.load_model} knows (openai-whisper's {@code _MODELS}), each with the file it saves under
 * {@code ~/.cache/whisper} and the SHA-256 its download URL carries: {@code <base>/<sha256>/<file>}.
 */
final class WhisperCatalogue {

    /** Each name of {@code _MODELS} and the file it downloads; the aliases share their model's file. */
    private static final Map<String, String> FILES = new LinkedHashMap<>();

    static {
        for (String model : new String[] {"tiny.en", "tiny", "base.en", "base", "small.en", "small", "medium.en",
                "medium", "large-v1", "large-v2", "large-v3", "large-v3-turbo"}) {
            FILES.put(model, model + ".pt");
        }
        FILES.put("large", "large-v3.pt");
        FILES.put("turbo", "large-v3-turbo.pt");
    }

    private WhisperCatalogue() {}

    static Set<String> names() {
        return FILES.keySet();
    }

    static Optional<ModelCatalog.KnownModel> find(String name) {
        String file = FILES.get(name);
        return file == null ? Optional.empty() : ModelCatalog.whisper().byFile(file);
    }

    /** The model's download URL under {@code baseUrl}, as whisper builds it. */
    static URI url(String baseUrl, ModelCatalog.KnownModel model) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        return URI.create(base + "/" + model.sha256() + "/" + model.file());
    }
}
