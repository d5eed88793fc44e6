package io.github.devcontainercache.caches;

import static io.github.devcontainercache.Wording.NL;
import static io.github.devcontainercache.Wording.bullets;
import static io.github.devcontainercache.Wording.count;

import java.util.List;
import java.util.stream.Collectors;

/**
 * What a user reads about the caches declared: a declaration that cannot be used, a selector that matches nothing,
 * the caches a goal works on. Unit tests assert these texts exactly.
 */
public final class CacheMessages {

    private CacheMessages() {}

    /** How messages name a cache that has no volume name. */
    public static final String UNNAMED_CACHE = "(no volume)";

    public static String volumeMissing(Origin origin) {
        return "A cache declared in the " + origin + " has no volume name. Add <volume>NAME</volume> to it.";
    }

    public static String invalidVolumeName(String volume, Origin origin) {
        return "Cache volume name '" + volume + "' (" + origin + ") is not a valid Docker volume name: it must match "
                + VolumeNames.RULE + " (letters, digits, '_', '.', '-'; at least two characters, starting with a"
                + " letter or digit). Rename it in <volume>.";
    }

    public static String unknownKind(String kind, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has an unknown <kind>" + kind + "</kind>. Use one of "
                + CacheKind.allIds() + ", or leave <kind> out to infer it from <target>.";
    }

    public static String targetNotAbsolute(String target, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has <target>" + target + "</target>, which is not an"
                + " absolute path in the container. Write it as the dev container mounts it, such as"
                + " /home/vscode/.cache/pip.";
    }

    public static String invalidBudget(String budget, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has <budget>" + budget + "</budget>, which is not a size."
                + " Write a number and a unit, such as 500MB, 2GB or 1.5GiB.";
    }

    public static String invalidOwner(String owner, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has <owner>" + owner + "</owner>, which is not a numeric"
                + " uid:gid. Write it as the container user's ids, such as 1000:1000 (see 'id' in the dev container).";
    }

    public static String declaredTwice(String volume, Origin first, Origin second) {
        return "Cache volume '" + volume + "' is declared twice (" + first + " and " + second + "). Keep one"
                + " <cache> per volume.";
    }

    public static String selectorMatchesNothing(String selector, List<CacheDeclaration> declared) {
        String available = declared.isEmpty()
                ? "no caches are declared"
                : "the declared caches are " + declared.stream()
                        .map(c -> c.volume() + " (" + c.effectiveKind().id() + ")")
                        .collect(Collectors.joining(", "));
        return "devcontainer-cache.only names '" + selector + "', which is neither a declared cache volume nor the"
                + " kind of one; " + available + ". Fix -Ddevcontainer-cache.only=... or <only>.";
    }

    public static String noCachesDeclared() {
        return "No caches are declared, so there is nothing to do. Mount named volumes in"
                + " .devcontainer/devcontainer.json, or declare them in the plugin's configuration:"
                + " <caches><cache><volume>my-pip-cache</volume></cache></caches>.";
    }

    public static String invalidDeclarations(List<String> problems) {
        return "The cache declarations cannot be used (" + count(problems.size(), "problem") + "):" + NL
                + bullets(problems);
    }

    public static String cachesInScope(String goal, List<CacheDeclaration> caches) {
        StringBuilder text = new StringBuilder(goal + " works on " + count(caches.size(), "cache") + ":");
        for (CacheDeclaration cache : caches) {
            text.append(NL).append("  ").append(cache.volume()).append(" (").append(cache.effectiveKind().id());
            if (cache.target() != null) {
                text.append(", ").append(cache.target());
            }
            if (cache.budgetBytes() != null) {
                text.append(", budget ").append(ByteSize.format(cache.budgetBytes()));
            }
            if (cache.owner() != null) {
                text.append(", owner ").append(cache.owner());
            }
            text.append(") from ").append(cache.origin());
        }
        return text.toString();
    }
}
