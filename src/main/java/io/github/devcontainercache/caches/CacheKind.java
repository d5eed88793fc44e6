package io.github.devcontainercache.caches;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a cache holds; decides which content insight applies to it. */
public enum CacheKind {
    PIP,
    WHISPER,
    HUGGINGFACE,
    MAVEN,
    NPM,
    GRADLE,
    GENERIC;

    /** The lower-case name used in the pom, in {@code only} and in reports. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<CacheKind> fromId(String id) {
        if (id == null) {
            return Optional.empty();
        }
        String wanted = id.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(kind -> kind.id().equals(wanted)).findFirst();
    }

    /**
     * The kind a mount target suggests: {@code .cache/pip} is pip, {@code .cache/whisper} whisper,
     * {@code .cache/huggingface} (or its {@code hub}) huggingface, {@code .m2} maven, {@code .npm} npm, {@code .gradle} gradle,
     * anything else generic.
     */
    public static CacheKind fromTarget(String target) {
        if (target == null) {
            return GENERIC;
        }
        String path = target.replace('\\', '/').replaceAll("/+$", "");
        if (endsWithSegments(path, ".cache/pip")) {
            return PIP;
        }
        if (endsWithSegments(path, ".cache/whisper")) {
            return WHISPER;
        }
        if (endsWithSegments(path, ".cache/huggingface") || endsWithSegments(path, ".cache/huggingface/hub")) {
            return HUGGINGFACE;
        }
        if (endsWithSegments(path, ".m2") || endsWithSegments(path, ".m2/repository")) {
            return MAVEN;
        }
        if (endsWithSegments(path, ".npm")) {
            return NPM;
        }
        if (endsWithSegments(path, ".gradle") || endsWithSegments(path, ".gradle/caches")) {
            return GRADLE;
        }
        return GENERIC;
    }

    private static boolean endsWithSegments(String path, String segments) {
        return path.equals(segments) || path.endsWith("/" + segments);
    }

    /** Every id, for messages: {@code pip | whisper | ...}. */
    public static String allIds() {
        return Arrays.stream(values()).map(CacheKind::id).collect(Collectors.joining(" | "));
    }
}
