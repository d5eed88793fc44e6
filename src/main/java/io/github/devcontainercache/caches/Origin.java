package io.github.devcontainercache.caches;

import java.nio.file.Path;

/** Where a cache declaration came from, so every message can point at it. */
public record Origin(String description) {

    private static final Origin POM = new Origin("pom");

    public static Origin pom() {
        return POM;
    }

    /** A place in a file, such as a devcontainer.json mount on a given line. */
    public static Origin file(Path file, int line) {
        return new Origin(file + ":" + line);
    }

    @Override
    public String toString() {
        return description;
    }
}
