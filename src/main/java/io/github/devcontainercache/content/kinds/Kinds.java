package io.github.devcontainercache.content.kinds;

import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.content.ModelCatalog;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The reader of each kind, and the kind a cache's own layout shows. */
final class Kinds {

    private static final Pattern UV_BUCKET = Pattern.compile("(archive|sdists|simple|builds|interpreter)-v\\d+");
    private static final Pattern HEX_DIGIT = Pattern.compile("[0-9a-f]");

    private Kinds() {}

    static KindReader reader(CacheKind kind, boolean verify) {
        return switch (kind) {
            case MAVEN -> new MavenReader(verify);
            case NPM -> new NpmReader(verify);
            case HUGGINGFACE -> new HuggingFaceReader(verify);
            case GO -> new GoReader(verify);
            case PIP -> Layouts.pip(verify);
            case UV -> Layouts.uv(verify);
            case POETRY -> Layouts.poetry(verify);
            case CARGO -> Layouts.cargo(verify);
            case GRADLE -> Layouts.gradle(verify);
            case PNPM -> Layouts.pnpm(verify);
            case YARN -> Layouts.yarn(verify);
            case CONDA -> Layouts.conda(verify);
            case TORCH -> Layouts.torch(verify);
            case CCACHE -> Layouts.ccache(verify);
            case WHISPER -> Layouts.whisper(verify);
            case GENERIC -> Layouts.generic(verify);
        };
    }

    /**
     * The kind whose tool wrote the layout these names show, if one's marks are plain: the names of the cache's
     * top-level entries, and of the entries one level below ({@code top/second}).
     */
    static Optional<CacheKind> layoutOf(Set<String> topLevel, Set<String> secondLevel) {
        if (topLevel.contains("_cacache")) {
            return Optional.of(CacheKind.NPM);
        }
        if (topLevel.stream().anyMatch(HuggingFaceReader::isRepository)
                || secondLevel.stream().anyMatch(n -> n.startsWith("hub/") && HuggingFaceReader.isRepository(n.substring(4)))) {
            return Optional.of(CacheKind.HUGGINGFACE);
        }
        if (topLevel.contains("http-v2") || topLevel.contains("selfcheck")
                || topLevel.contains("http") && topLevel.contains("wheels")) {
            return Optional.of(CacheKind.PIP);
        }
        if (topLevel.stream().anyMatch(n -> UV_BUCKET.matcher(n).matches())) {
            return Optional.of(CacheKind.UV);
        }
        // the Maven Wrapper keeps its distributions in ~/.m2/wrapper/dists, beside the repository
        if (secondLevel.contains("caches/modules-2")
                || secondLevel.contains("wrapper/dists") && !topLevel.contains("repository")) {
            return Optional.of(CacheKind.GRADLE);
        }
        if (secondLevel.contains("cache/download")) {
            return Optional.of(CacheKind.GO);
        }
        if (secondLevel.contains("registry/index") || secondLevel.contains("registry/cache")
                || topLevel.containsAll(Set.of("index", "cache", "src"))) {
            return Optional.of(CacheKind.CARGO);
        }
        if (secondLevel.stream().anyMatch(n -> n.matches("v\\d+/files"))) {
            return Optional.of(CacheKind.PNPM);
        }
        if (secondLevel.stream().anyMatch(n -> n.matches("v\\d+/npm-.+"))) {
            return Optional.of(CacheKind.YARN);
        }
        if (secondLevel.contains("hub/checkpoints")) {
            return Optional.of(CacheKind.TORCH);
        }
        if (topLevel.contains("ccache.conf") || topLevel.stream().filter(n -> HEX_DIGIT.matcher(n).matches()).count() >= 8) {
            return Optional.of(CacheKind.CCACHE);
        }
        if (topLevel.stream().anyMatch(n -> ModelCatalog.whisper().byFile(n).isPresent())) {
            return Optional.of(CacheKind.WHISPER);
        }
        if (secondLevel.stream().anyMatch(n -> n.matches("repository/(org|com|io|net)"))) {
            return Optional.of(CacheKind.MAVEN);
        }
        return Optional.empty();
    }
}
