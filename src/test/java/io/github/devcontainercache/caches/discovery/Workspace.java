package io.github.devcontainercache.caches.discovery;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.devcontainercache.caches.CacheSpec;
import io.github.devcontainercache.caches.ComposeRef;
import io.github.devcontainercache.caches.InvalidCachesException;
import io.github.devcontainercache.caches.Origin;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** A workspace folder written from text blocks, and discovery run over the configurations it holds. */
final class Workspace {

    final Path root;

    Workspace(Path root) {
        this.root = root.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A workspace in a folder of the given name, so that its basename is known. */
    static Workspace in(Path parent, String name) {
        return new Workspace(parent.resolve(name));
    }

    Workspace file(String relative, String text) {
        try {
            Path file = root.resolve(relative);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return this;
    }

    /** Writes {@code .devcontainer/devcontainer.json}. */
    Workspace devcontainer(String text) {
        return file(".devcontainer/devcontainer.json", text);
    }

    Path path(String relative) {
        return root.resolve(relative);
    }

    DevcontainerDiscovery.Result discover() throws InvalidCachesException {
        return discover(Map.of());
    }

    DevcontainerDiscovery.Result discover(Map<String, String> environment) throws InvalidCachesException {
        return DevcontainerDiscovery.discover(root, DevcontainerDiscovery.configurationsIn(root), environment);
    }

    InvalidCachesException failure() {
        return failure(Map.of());
    }

    InvalidCachesException failure(Map<String, String> environment) {
        InvalidCachesException failure = catchThrowableOfType(InvalidCachesException.class, () -> discover(environment));
        if (failure == null) {
            throw new AssertionError("expected discovery in " + root + " to fail");
        }
        return failure;
    }

    /** A cache found in a devcontainer.json: no kind, budget, owner or driver, only volume, target and origin. */
    static CacheSpec cache(String volume, String target, String origin) {
        return new CacheSpec(volume, null, target, null, null, null, null, null, new Origin(origin));
    }

    /** A cache found in a compose file, with the compose project and volume key its labels carry. */
    static CacheSpec composeCache(String volume, String target, String origin, String project, String key) {
        return new CacheSpec(volume, null, target, null, null, null, null, null, new Origin(origin),
                new ComposeRef(project, key));
    }

    /** A cache found in a compose file whose volume is external: compose made no labels for it. */
    static CacheSpec externalCache(String volume, String target, String origin) {
        return new CacheSpec(volume, null, target, null, null, null, null, null, new Origin(origin), null);
    }
}
