package io.github.devcontainercache.content;

/** A file of a cache: its path relative to the cache's root and its size in bytes. */
public record FileEntry(String path, long sizeBytes) {}
