package io.github.devcontainercache.preload;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One thing to put into a cache: a model of Whisper's catalogue ({@code whisper:base}), a Hugging Face repository
 * ({@code hf:Systran/faster-whisper-base@main:model.bin;config.json}), or any file with its SHA-256.
 */
public sealed interface PreloadItem {

    /** How the item is named in the pom, on the command line and in messages. */
    String describe();

    /** A model of openai-whisper's catalogue, by the name {@code whisper.load_model} takes. */
    record WhisperModel(String name) implements PreloadItem {
        @Override
        public String describe() {
            return "whisper:" + name;
        }
    }

    /**
     * A Hugging Face model repository at a revision (a branch, a tag or a commit), narrowed to the files that match
     * one of the patterns ({@code *} and {@code ?} globs, as {@code allow_patterns}); every file when there is none.
     */
    record HubRepository(String repository, String revision, List<String> patterns) implements PreloadItem {
        public HubRepository {
            patterns = List.copyOf(patterns);
        }

        @Override
        public String describe() {
            return "hf:" + repository + "@" + revision + (patterns.isEmpty() ? "" : ":" + String.join(";", patterns));
        }

        /** The repository's folder in the hub's cache layout: {@code models--<org>--<name>}. */
        public String folder() {
            return "models--" + repository.replace("/", "--");
        }

        /** Whether a file of the repository is wanted. */
        public boolean wants(String file) {
            return patterns.isEmpty() || patterns.stream().anyMatch(pattern -> glob(pattern).matcher(file).matches());
        }

        private static Pattern glob(String pattern) {
            StringBuilder regex = new StringBuilder();
            for (char c : pattern.toCharArray()) {
                regex.append(c == '*' ? ".*" : c == '?' ? "." : Pattern.quote(String.valueOf(c)));
            }
            return Pattern.compile(regex.toString());
        }
    }

    /** Any file: fetched from {@code url}, checked against {@code sha256}, saved at {@code path} in the cache. */
    record PlainFile(URI url, String sha256, String path) implements PreloadItem {
        @Override
        public String describe() {
            return path + " (" + PreloadMessages.shown(url) + ")";
        }
    }

    /** A refused item: what it was, and why. */
    final class InvalidItem extends Exception {
        private static final long serialVersionUID = 1L;

        InvalidItem(String message) {
            super(message);
        }
    }

    Pattern REPOSITORY = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*/[A-Za-z0-9][A-Za-z0-9._-]*");
    Pattern REVISION = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._/-]*");
    Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

    /** Parses {@code whisper:NAME} or {@code hf:ORG/NAME[@REVISION][:PATTERN;PATTERN...]}. */
    static PreloadItem parse(String text) throws InvalidItem {
        String item = text == null ? "" : text.trim();
        if (item.startsWith("whisper:")) {
            String name = item.substring("whisper:".length()).trim().toLowerCase(Locale.ROOT);
            if (WhisperCatalogue.find(name).isEmpty()) {
                throw new InvalidItem(PreloadMessages.unknownWhisperModel(item, WhisperCatalogue.names()));
            }
            return new WhisperModel(name);
        }
        if (item.startsWith("hf:")) {
            String rest = item.substring("hf:".length()).trim();
            List<String> patterns = List.of();
            int colon = rest.indexOf(':');
            if (colon >= 0) {
                patterns = Arrays.stream(rest.substring(colon + 1).split(";"))
                        .map(String::trim).filter(p -> !p.isEmpty()).toList();
                rest = rest.substring(0, colon);
            }
            String revision = "main";
            int at = rest.indexOf('@');
            if (at >= 0) {
                revision = rest.substring(at + 1).trim();
                rest = rest.substring(0, at).trim();
            }
            if (!REPOSITORY.matcher(rest).matches() || rest.contains("..") || rest.contains("--")) {
                throw new InvalidItem(PreloadMessages.badRepository(item));
            }
            if (!REVISION.matcher(revision).matches() || revision.contains("..")) {
                throw new InvalidItem(PreloadMessages.badRevision(item, revision));
            }
            return new HubRepository(rest, revision, patterns);
        }
        throw new InvalidItem(PreloadMessages.unknownItem(item));
    }

    /** Checks a {@code <file>}: an http(s) URL, a SHA-256, a relative path that stays inside the cache. */
    static PlainFile file(String url, String sha256, String path) throws InvalidItem {
        URI uri;
        try {
            uri = url == null ? null : new URI(url.trim());
        } catch (URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null
                || !("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()))) {
            throw new InvalidItem(PreloadMessages.badFileUrl(url));
        }
        if (uri.getRawUserInfo() != null) {
            throw new InvalidItem(PreloadMessages.fileUrlWithCredentials(PreloadMessages.shown(uri)));
        }
        String hash = sha256 == null ? "" : sha256.trim().toLowerCase(Locale.ROOT);
        if (!SHA256.matcher(hash).matches()) {
            throw new InvalidItem(PreloadMessages.badFileSha256(url, sha256));
        }
        String relative = path == null || path.isBlank() ? lastSegment(uri) : path.trim();
        if (!CachePaths.isSafe(relative)) {
            throw new InvalidItem(PreloadMessages.badFilePath(url, relative));
        }
        return new PlainFile(uri, hash, relative);
    }

    private static String lastSegment(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        return path.substring(path.lastIndexOf('/') + 1);
    }
}
