package io.github.devcontainercache.archive.keyed;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where keyed archives live, each under its cache's volume and its key, immutable once stored: a directory, or a
 * Maven repository. Keys given and returned are encoded ({@link CacheKeys#encode}).
 */
public interface KeyedStore {

    /** A stored key and when it was stored, where the store tells it. */
    record Stored(String key, Instant saved) {}

    /** What the store is, for messages: its folder or its repository's id and address. */
    String describe();

    /** Whether an archive is stored under this key: one request. */
    boolean has(String volume, String key) throws IOException;

    /** Every key stored for the volume, the newest first. */
    List<Stored> keys(String volume) throws IOException;

    /**
     * Stores the archive under the key, whole or not at all: a reader never sees part of it.
     *
     * @return whether this call stored it; {@code false} when another save of the same key was first
     */
    boolean put(String volume, String key, Path archive) throws IOException;

    /** The stored archive as a local file to import, or empty when there is none under that key. */
    Optional<Path> fetch(String volume, String key) throws IOException;
}
