package io.github.devcontainercache.caches;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** {@code devcontainer-cache.only}: a comma-separated list of volume names and kinds; empty selects all. */
public final class CacheSelection {

    private final Set<String> selectors;

    private CacheSelection(Set<String> selectors) {
        this.selectors = selectors;
    }

    public static CacheSelection all() {
        return new CacheSelection(Set.of());
    }

    public static CacheSelection parse(String only) {
        if (only == null || only.isBlank()) {
            return all();
        }
        Set<String> selectors = new LinkedHashSet<>();
        Arrays.stream(only.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .forEach(selectors::add);
        return new CacheSelection(selectors);
    }

    public boolean selectsAll() {
        return selectors.isEmpty();
    }

    /**
     * The declarations this selection names, in their order. A selector that names no declared cache is an
     * error: a typo must not silently turn a goal into a no-op.
     */
    public List<CacheDeclaration> apply(List<CacheDeclaration> declared) throws InvalidCachesException {
        if (selectsAll()) {
            return declared;
        }
        List<String> problems = new ArrayList<>();
        for (String selector : selectors) {
            if (declared.stream().noneMatch(cache -> matches(selector, cache))) {
                problems.add(CacheMessages.selectorMatchesNothing(selector, declared));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCachesException(problems);
        }
        return declared.stream()
                .filter(cache -> selectors.stream().anyMatch(selector -> matches(selector, cache)))
                .toList();
    }

    private static boolean matches(String selector, CacheDeclaration cache) {
        return selector.equals(cache.volume())
                || CacheKind.fromId(selector).map(kind -> kind == cache.effectiveKind()).orElse(false);
    }

    @Override
    public String toString() {
        return selectsAll() ? "all" : String.join(",", selectors);
    }
}
