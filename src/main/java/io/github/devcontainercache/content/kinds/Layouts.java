package io.github.devcontainercache.content.kinds;

import io.github.devcontainercache.content.ModelCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/** The kinds read by their paths alone, each with what its format lets a file say of itself. */
final class Layouts {

    private static final Pattern VERSIONED_BUCKET = Pattern.compile("([a-z-]+)-v(\\d+)");
    private static final Pattern NAME_VERSION = Pattern.compile("(.+?)-(\\d[^-]*(?:-[a-zA-Z0-9.]+)?)");
    private static final Pattern TORCH_HASH = Pattern.compile("-([a-f0-9]{6,})\\.");
    private static final Map<String, String> PIP_PARTS = Map.of("http-v2", "HTTP cache (http-v2)", "http",
            "legacy HTTP cache (http)", "wheels", "wheels built here (wheels)", "selfcheck", "pip's self-check");
    private static final Map<String, String> UV_BUCKETS = Map.of("archive", "unzipped wheels", "wheels", "wheels",
            "sdists", "source distributions", "simple", "package indexes", "git", "git checkouts", "builds",
            "build environments", "interpreter", "interpreter facts", "environments", "tool environments",
            "flat-index", "flat indexes", "python", "Python installs");

    private Layouts() {}

    /** pip's cache: its HTTP cache and its wheels; wheels are zips. */
    static KindReader pip(boolean verify) {
        return new LayoutReader(verify, "parts of pip's cache",
                path -> PIP_PARTS.getOrDefault(KindReader.topLevel(path), KindReader.topLevel(path)),
                path -> path.endsWith(".whl"), Layouts::zip);
    }

    /** uv's cache: its versioned buckets; in the wheel and source buckets, the package. */
    static KindReader uv(boolean verify) {
        return new LayoutReader(verify, "buckets of uv's cache (and their packages)", path -> {
            String[] segments = KindReader.segments(path);
            Matcher bucket = VERSIONED_BUCKET.matcher(segments[0]);
            if (!bucket.matches()) {
                return segments[0];
            }
            String name = UV_BUCKETS.getOrDefault(bucket.group(1), bucket.group(1)) + " (" + segments[0] + ")";
            boolean perPackage = bucket.group(1).equals("wheels") || bucket.group(1).equals("sdists");
            return perPackage && segments.length > 3 ? segments[2] + " in " + name : name;
        }, path -> path.endsWith(".whl"), Layouts::zip);
    }

    /** Poetry's cache: per-source HTTP caches, artifacts (wheels are zips, sdists gzip), virtualenvs. */
    static KindReader poetry(boolean verify) {
        return new LayoutReader(verify, "parts of Poetry's cache", path -> {
            String[] segments = KindReader.segments(path);
            if (segments.length > 2 && (segments[0].equals("cache") && segments[1].equals("repositories"))) {
                return "HTTP cache of " + segments[2];
            }
            if (segments.length > 2 && segments[0].equals("virtualenvs")) {
                return "virtualenv " + segments[1];
            }
            return segments[0];
        }, path -> path.endsWith(".whl") || path.endsWith(".tar.gz"), Layouts::zipOrGzip);
    }

    /** Cargo's home, registry or git folder: crates by name and version; a .crate is gzip. */
    static KindReader cargo(boolean verify) {
        return new LayoutReader(verify, "crates (name version) and git dependencies", Layouts::crate,
                path -> path.endsWith(".crate"), Layouts::gzip);
    }

    static String crate(String path) {
        String[] segments = KindReader.segments(path);
        for (int i = 0; i + 2 < segments.length; i++) {
            if ((segments[i].equals("cache") || segments[i].equals("src")) && i + 2 < segments.length) {
                String name = segments[i + 2].replaceFirst("\\.crate$", "");
                Matcher crate = NAME_VERSION.matcher(name);
                return crate.matches() ? crate.group(1) + " " + crate.group(2) : name;
            }
            if ((segments[i].equals("db") || segments[i].equals("checkouts")) && i + 1 < segments.length) {
                return "git " + segments[i + 1].replaceFirst("-[0-9a-f]{16}$", "");
            }
        }
        return segments.length > 1 ? segments[0] + "/" : segments[0];
    }

    /** Gradle's user home: modules by group; in files-2.1 a file sits in a folder named by its SHA-1. */
    static KindReader gradle(boolean verify) {
        return new LayoutReader(verify, "module groups, distributions and other caches", path -> {
            String[] segments = KindReader.segments(path);
            if (segments.length > 3 && segments[1].startsWith("modules-") && segments[2].startsWith("files-")) {
                return segments[3];
            }
            if (segments.length > 2 && segments[0].equals("wrapper") && segments[1].equals("dists")) {
                return "distribution " + segments[2];
            }
            return segments.length > 2 ? segments[0] + "/" + segments[1] : segments[0];
        }, path -> {
            String[] segments = KindReader.segments(path);
            return segments.length == 8 && segments[2].startsWith("files-") || MavenReader.ZIPS.contains(MavenReader.extension(path));
        }, Layouts::gradleFile);
    }

    /** The pnpm store: files named by their SHA-512, and the packages' index. */
    static KindReader pnpm(boolean verify) {
        return new LayoutReader(verify, "parts of the pnpm store", path -> {
            String[] segments = KindReader.segments(path);
            String store = segments[0];
            if (segments.length > 1 && segments[1].equals("files")) {
                return "package files (" + store + ")";
            }
            return segments.length > 1 && segments[1].equals("index") ? "package index (" + store + ")" : store;
        }, path -> KindReader.segments(path).length == 4 && KindReader.segments(path)[1].equals("files")
                && !path.endsWith("-index.json"), Layouts::pnpmFile);
    }

    /** Yarn's cache: classic's {@code v6/npm-<name>-<version>-<sha1>-integrity/}, Berry's zips. */
    static KindReader yarn(boolean verify) {
        return new LayoutReader(verify, "packages (name@version)", path -> {
            String[] segments = KindReader.segments(path);
            String folder = segments.length > 1 && segments[0].matches("v\\d+") ? segments[1] : segments[0];
            int npm = folder.indexOf("-npm-");
            if (npm > 0 && folder.endsWith(".zip")) {
                String version = folder.substring(npm + 5).replaceFirst("-[0-9a-f]+-[0-9a-f]+\\.zip$", "").replaceFirst("-[0-9a-f]+\\.zip$", "");
                return folder.substring(0, npm).replaceFirst("^@([^-]+)-", "@$1/") + "@" + version;
            }
            if (folder.startsWith("npm-")) {
                Matcher named = NAME_VERSION.matcher(folder.substring(4).replaceFirst("-integrity$", "").replaceFirst("-[0-9a-f]{40}$", ""));
                if (named.matches()) {
                    return named.group(1).replaceFirst("^@([^-]+)-", "@$1/") + "@" + named.group(2);
                }
            }
            return folder;
        }, path -> path.endsWith(".zip"), Layouts::zip);
    }

    /** conda's package cache: name-version-build, archives and their extracted folders; a .conda is a zip. */
    static KindReader conda(boolean verify) {
        return new LayoutReader(verify, "packages (name-version-build)",
                path -> KindReader.topLevel(path).replaceFirst("\\.(conda|tar\\.bz2)$", ""),
                path -> !path.contains("/") && path.endsWith(".conda"), Layouts::zip);
    }

    /** torch.hub: checkpoints, whose names carry the start of their SHA-256, and hub repositories. */
    static KindReader torch(boolean verify) {
        return new LayoutReader(verify, "checkpoints and hub repositories", path -> {
            String[] segments = KindReader.segments(path);
            if (segments.length == 3 && segments[0].equals("hub") && segments[1].equals("checkpoints")) {
                return "checkpoint " + segments[2];
            }
            return segments.length > 2 && segments[0].equals("hub") ? "hub repository " + segments[1] : segments[0];
        }, path -> path.startsWith("hub/checkpoints/") && TORCH_HASH.matcher(KindReader.fileName(path)).find(),
                Layouts::torchCheckpoint);
    }

    /** ccache: results and manifests in hex folders, its configuration and statistics. */
    static KindReader ccache(boolean verify) {
        return new LayoutReader(verify, "parts of ccache's cache", path -> {
            String top = KindReader.topLevel(path);
            return top.matches("[0-9a-f]") ? "results and manifests" : top.equals("tmp") ? "temporary files" : top;
        }, path -> false, null);
    }

    /** Whisper's models, by the catalogue's names; their SHA-256 is checked by the report. */
    static KindReader whisper(boolean verify) {
        return new LayoutReader(verify, "models", path -> path.contains("/") ? KindReader.topLevel(path) + "/"
                : ModelCatalog.whisper().byFile(path).map(model -> "model " + model.model()).orElse(path),
                path -> false, null);
    }

    /** Any other cache: its top-level folders and files. */
    static KindReader generic(boolean verify) {
        return new LayoutReader(verify, "top-level folders and files",
                path -> path.contains("/") ? KindReader.topLevel(path) + "/" : path, path -> false, null);
    }

    static String zip(String path, long sizeBytes, InputStream in, Scratch scratch) throws IOException {
        return ZipStructure.problem(in, sizeBytes, scratch);
    }

    static String zipOrGzip(String path, long sizeBytes, InputStream in, Scratch scratch) throws IOException {
        return path.endsWith(".tar.gz") ? gzip(path, sizeBytes, in, scratch) : zip(path, sizeBytes, in, scratch);
    }

    /** Inflating a gzip file to its end checks its CRC-32 and length: a gzip has nothing cheaper to check. */
    static String gzip(String path, long sizeBytes, InputStream in, Scratch scratch) {
        try (GZIPInputStream gzip = new GZIPInputStream(new java.io.FilterInputStream(in) {
            @Override
            public void close() {
                // the caller's stream
            }
        }, 1 << 16)) {
            byte[] buffer = scratch.copy();
            while (gzip.read(buffer) >= 0) {
                // checked at the end
            }
            return null;
        } catch (IOException e) {
            return "is not whole gzip: " + e.getMessage();
        }
    }

    static String gradleFile(String path, long sizeBytes, InputStream in, Scratch scratch) throws IOException {
        String[] segments = KindReader.segments(path);
        if (segments.length == 8 && segments[2].startsWith("files-")) {
            String named = segments[6].replaceFirst("^0+", "");
            java.security.MessageDigest sha1 = Digests.of("SHA-1");
            DigestingStream digesting = new DigestingStream(in, java.util.List.of(sha1), scratch);
            String problem = MavenReader.ZIPS.contains(MavenReader.extension(path))
                    ? ZipStructure.problem(digesting, sizeBytes, scratch) : null;
            digesting.drain();
            String actual = Digests.hex(sha1).replaceFirst("^0+", "");
            return problem != null ? problem : actual.equals(named) ? null : "does not hash to its folder's name";
        }
        return zip(path, sizeBytes, in, scratch);
    }

    static String pnpmFile(String path, long sizeBytes, InputStream in, Scratch scratch) throws IOException {
        String[] segments = KindReader.segments(path);
        String expected = (segments[2] + segments[3].replaceFirst("-exec$", "")).toLowerCase(Locale.ROOT);
        return Digests.hex("SHA-512", in, scratch).equals(expected) ? null : "does not hash to its name";
    }

    static String torchCheckpoint(String path, long sizeBytes, InputStream in, Scratch scratch) throws IOException {
        Matcher prefix = TORCH_HASH.matcher(KindReader.fileName(path));
        prefix.find();
        return Digests.hex("SHA-256", in, scratch).startsWith(prefix.group(1)) ? null
                : "does not hash to the SHA-256 its name starts";
    }
}
