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
    UV,
    POETRY,
    CONDA,
    TORCH,
    PNPM,
    YARN,
    CARGO,
    GO,
    CCACHE,
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
     * The kind a mount target suggests, where the target is the tool's own default folder: {@code .cache/pip} is
     * pip, {@code .m2} maven, {@code /go/pkg/mod} go, and so on (the README's table of kinds lists them all); anything
     * else generic.
     */
    public static CacheKind fromTarget(String target) {
        if (target == null) {
            return GENERIC;
        }
        String path = target.replace('\\', '/').replaceAll("/+$", "");
        for (Object[] rule : TARGETS) {
            for (int i = 1; i < rule.length; i++) {
                if (endsWithSegments(path, (String) rule[i])) {
                    return (CacheKind) rule[0];
                }
            }
        }
        return GENERIC;
    }

    /** Each kind and the folders its tool uses by default (or that dev containers mount for it). */
    private static final Object[][] TARGETS = {
        {PIP, ".cache/pip"},
        {WHISPER, ".cache/whisper"},
        {HUGGINGFACE, ".cache/huggingface", ".cache/huggingface/hub"},
        {MAVEN, ".m2", ".m2/repository"},
        {NPM, ".npm", ".npm/_cacache"},
        {GRADLE, ".gradle", ".gradle/caches"},
        {UV, ".cache/uv"},
        {POETRY, ".cache/pypoetry", ".cache/poetry"},
        {CONDA, ".conda/pkgs", "conda/pkgs", ".cache/conda"},
        {TORCH, ".cache/torch", ".cache/torch/hub"},
        {PNPM, ".pnpm-store", "pnpm-store", "pnpm/store", ".cache/pnpm"},
        {YARN, ".cache/yarn", ".yarn/berry/cache"},
        {CARGO, ".cargo", ".cargo/registry", ".cargo/git", "cargo", "cargo/registry", "cargo/git"},
        {GO, "go/pkg/mod", "pkg/mod"},
        {CCACHE, ".ccache", ".cache/ccache", "ccache"},
    };

    private static boolean endsWithSegments(String path, String segments) {
        return path.equals(segments) || path.endsWith("/" + segments);
    }

    /** Every id, for messages: {@code pip | whisper | ...}. */
    public static String allIds() {
        return Arrays.stream(values()).map(CacheKind::id).collect(Collectors.joining(" | "));
    }
}
