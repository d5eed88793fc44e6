package io.github.devcontainercache.archive.keyed;

import io.github.devcontainercache.caches.CacheKind;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys of saved caches, as {@code actions/cache} has them: a template with expressions, evaluated for one cache, then
 * checked and encoded so that the key is a valid file name and a valid Maven version wherever it is stored.
 *
 * <p>Expressions: {@code ${hashFiles:GLOB[,GLOB...]}} (see {@link HashFiles}), {@code ${os}}, {@code ${arch}},
 * {@code ${kind}}, {@code ${volume}}, and any Maven property by its name.
 */
public final class CacheKeys {

    /** A key longer than this, once encoded, would make file names too long for some file systems. */
    public static final int MAX_LENGTH = 200;

    private static final Pattern EXPRESSION = Pattern.compile("\\$\\{([^}]*)}");

    /** What a template is evaluated with: the project's folder, its Maven properties, the machine. */
    public record Context(Path baseDirectory, Map<String, String> properties, String os, String arch) {

        /** This machine's {@code os} and {@code arch}, named as GitHub's runners name them. */
        public static Context of(Path baseDirectory, Map<String, String> properties) {
            return new Context(baseDirectory, properties, CacheKeys.os(System.getProperty("os.name", "")),
                    CacheKeys.arch(System.getProperty("os.arch", "")));
        }
    }

    /** A key, or a restore prefix, that cannot be used: the message says which, why and how to fix it. */
    public static final class BadKey extends Exception {
        private static final long serialVersionUID = 1L;

        BadKey(String message) {
            super(message);
        }
    }

    private CacheKeys() {}

    /** The key of a kind's cache when none is declared: its tool's lock or requirement files decide its content. */
    public static String defaultKey(CacheKind kind) {
        return defaultPrefix(kind) + "${hashFiles:" + String.join(",", decidingFiles(kind)) + "}";
    }

    /** The restore key of a kind's cache when none is declared: any earlier key of the same kind on the same machine. */
    public static List<String> defaultRestoreKeys(CacheKind kind) {
        return List.of(defaultPrefix(kind));
    }

    private static String defaultPrefix(CacheKind kind) {
        return kind.id() + "-${os}-${arch}-";
    }

    /** The files whose content decides what a kind's cache holds, as globs below the project. */
    static List<String> decidingFiles(CacheKind kind) {
        return switch (kind) {
            case PIP -> List.of("**/requirements*.txt", "**/pyproject.toml", "**/setup.cfg", "**/setup.py");
            case UV -> List.of("**/uv.lock", "**/pyproject.toml");
            case POETRY -> List.of("**/poetry.lock", "**/pyproject.toml");
            case CONDA -> List.of("**/environment*.yml", "**/conda-lock.yml");
            case NPM -> List.of("**/package-lock.json", "**/npm-shrinkwrap.json");
            case PNPM -> List.of("**/pnpm-lock.yaml");
            case YARN -> List.of("**/yarn.lock");
            case MAVEN -> List.of("**/pom.xml");
            case GRADLE -> List.of("**/*.gradle", "**/*.gradle.kts", "**/gradle-wrapper.properties",
                    "**/libs.versions.toml");
            case CARGO -> List.of("**/Cargo.lock");
            case GO -> List.of("**/go.sum");
            // models come from what the build preloads, which its pom and dev container configuration say; the
            // others have no file of their own that decides them
            case WHISPER, HUGGINGFACE, TORCH, CCACHE, GENERIC -> List.of("pom.xml", ".devcontainer/**");
        };
    }

    /** The template with every expression replaced; every expression that cannot be is named in one error. */
    public static String evaluate(String template, String volume, CacheKind kind, Context context)
            throws BadKey, IOException {
        Matcher matcher = EXPRESSION.matcher(template);
        StringBuilder key = new StringBuilder();
        List<String> unknown = new ArrayList<>();
        while (matcher.find()) {
            String expression = matcher.group(1).trim();
            String value;
            if (expression.startsWith("hashFiles:")) {
                List<String> globs = Arrays.stream(expression.substring("hashFiles:".length()).split(","))
                        .map(String::trim).filter(glob -> !glob.isEmpty()).toList();
                if (globs.isEmpty()) {
                    throw new BadKey(KeyMessages.hashFilesWithoutGlob(template));
                }
                value = HashFiles.hash(context.baseDirectory(), globs);
            } else {
                value = switch (expression) {
                    case "os" -> context.os();
                    case "arch" -> context.arch();
                    case "kind" -> kind.id();
                    case "volume" -> volume;
                    default -> context.properties().get(expression);
                };
            }
            if (value == null) {
                unknown.add(expression);
                value = "";
            }
            matcher.appendReplacement(key, Matcher.quoteReplacement(value));
        }
        matcher.appendTail(key);
        if (!unknown.isEmpty()) {
            throw new BadKey(KeyMessages.unknownExpressions(template, unknown));
        }
        return key.toString();
    }

    /**
     * The key as it is stored: letters, digits, '.', '_' and '-' as they are, every other byte of its UTF-8 as
     * {@code +XX}. The encoding keeps prefixes: a restore prefix encoded is a prefix of every key it matches encoded.
     */
    public static String encode(String key) {
        StringBuilder encoded = new StringBuilder(key.length());
        for (byte b : key.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_'
                    || c == '-') {
                encoded.append(c);
            } else {
                encoded.append('+').append(String.format(Locale.ROOT, "%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }

    /** A key, checked and encoded: not empty, not a Maven snapshot, not too long, not starting with a dot. */
    public static String checked(String key, String what) throws BadKey {
        if (key.isBlank()) {
            throw new BadKey(KeyMessages.emptyKey(what));
        }
        String encoded = checkedPrefix(key, what);
        if (encoded.startsWith(".")) {
            throw new BadKey(KeyMessages.keyStartsWithDot(what, key));
        }
        if (encoded.toUpperCase(Locale.ROOT).endsWith("SNAPSHOT")) {
            throw new BadKey(KeyMessages.snapshotKey(what, key));
        }
        return encoded;
    }

    /** A restore prefix, checked and encoded: it may end where a key goes on, but not be empty. */
    public static String checkedPrefix(String prefix, String what) throws BadKey {
        if (prefix.isEmpty()) {
            throw new BadKey(KeyMessages.emptyKey(what));
        }
        String encoded = encode(prefix);
        if (encoded.length() > MAX_LENGTH) {
            throw new BadKey(KeyMessages.keyTooLong(what, prefix, encoded.length()));
        }
        return encoded;
    }

    static String os(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("windows") ? "Windows" : lower.startsWith("mac") ? "macOS" : "Linux";
    }

    static String arch(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "amd64", "x86_64" -> "X64";
            case "aarch64", "arm64" -> "ARM64";
            case "arm" -> "ARM";
            case "x86", "i386", "i686" -> "X86";
            default -> name;
        };
    }
}
