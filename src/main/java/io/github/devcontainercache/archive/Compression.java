package io.github.devcontainercache.archive;

import com.github.luben.zstd.ZstdInputStream;
import com.github.luben.zstd.ZstdOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/** How an archive is compressed: zstd (the default), gzip or none; told apart by the file name's extension. */
public enum Compression {
    ZSTD(".tar.zst", "tar.zst"),
    GZIP(".tar.gz", "tar.gz"),
    NONE(".tar", "tar");

    private final String suffix;
    private final String type;

    Compression(String suffix, String type) {
        this.suffix = suffix;
        this.type = type;
    }

    /** The file name ending: {@code .tar.zst}, {@code .tar.gz}, {@code .tar}. */
    public String suffix() {
        return suffix;
    }

    /** The Maven artifact type (and extension) an attached archive gets. */
    public String artifactType() {
        return type;
    }

    public static Optional<Compression> fromName(String name) {
        String id = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        return switch (id) {
            case "zstd", "zst" -> Optional.of(ZSTD);
            case "gzip", "gz" -> Optional.of(GZIP);
            case "none", "tar" -> Optional.of(NONE);
            default -> Optional.empty();
        };
    }

    /** The compression of an archive file, from its name; empty when it is no archive. */
    public static Optional<Compression> ofFile(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".tar.zst") || name.endsWith(".tzst")) {
            return Optional.of(ZSTD);
        }
        if (name.endsWith(".tar.gz") || name.endsWith(".tgz")) {
            return Optional.of(GZIP);
        }
        if (name.endsWith(".tar")) {
            return Optional.of(NONE);
        }
        return Optional.empty();
    }

    /** Whether a frame of it can be padded with a frame every decompressor skips: zstd's skippable frames. */
    boolean paddable() {
        return this == ZSTD;
    }

    OutputStream compress(OutputStream out) throws IOException {
        return switch (this) {
            case ZSTD -> {
                ZstdOutputStream zstd = new ZstdOutputStream(out, 3);
                zstd.setChecksum(true); // a damaged frame is then caught by the decompressor
                zstd.setWorkers(Math.max(1, Runtime.getRuntime().availableProcessors()));
                yield zstd;
            }
            case GZIP -> new GZIPOutputStream(out, 1 << 16);
            case NONE -> out;
        };
    }

    InputStream decompress(InputStream in) throws IOException {
        return switch (this) {
            case ZSTD -> new ZstdInputStream(in);
            case GZIP -> new GZIPInputStream(in, 1 << 16);
            case NONE -> in;
        };
    }
}
