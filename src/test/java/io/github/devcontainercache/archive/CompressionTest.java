package io.github.devcontainercache.archive;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class CompressionTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "zstd, ZSTD", "zst, ZSTD", "ZSTD, ZSTD", "' Zstd ', ZSTD",
        "gzip, GZIP", "gz, GZIP", "GZip, GZIP",
        "none, NONE", "tar, NONE", "NONE, NONE"
    })
    void knowsItsNames(String name, Compression expected) {
        assertThat(Compression.fromName(name)).contains(expected);
    }

    @ParameterizedTest(name = "''{0}''")
    @NullAndEmptySource
    @ValueSource(strings = {"xz", "bzip2", "lz4", "zip", "tar.zst", ".zst", "zstd9"})
    void refusesUnknownNames(String name) {
        assertThat(Compression.fromName(name)).isEmpty();
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "radio-whisper-cache.tar.zst, ZSTD", "cache.tzst, ZSTD", "CACHE.TAR.ZST, ZSTD",
        "cache.tar.gz, GZIP", "cache.tgz, GZIP", "Cache.TGZ, GZIP",
        "cache.tar, NONE", "/some/dir/cache.tar, NONE"
    })
    void tellsTheCompressionOfAFile(String file, Compression expected) {
        assertThat(Compression.ofFile(Path.of(file))).contains(expected);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"base.pt", "cache.zst", "cache.gz", "cache.tar.xz", "cache.zip", "tar", "cache.tar.zst.part",
        "archives.tar.d"})
    void aFileOfAnotherNameIsNoArchive(String file) {
        assertThat(Compression.ofFile(Path.of(file))).isEqualTo(Optional.empty());
    }

    @Test
    void suffixesAndArtifactTypes() {
        assertThat(Compression.ZSTD.suffix()).isEqualTo(".tar.zst");
        assertThat(Compression.GZIP.suffix()).isEqualTo(".tar.gz");
        assertThat(Compression.NONE.suffix()).isEqualTo(".tar");
        assertThat(Compression.ZSTD.artifactType()).isEqualTo("tar.zst");
        assertThat(Compression.GZIP.artifactType()).isEqualTo("tar.gz");
        assertThat(Compression.NONE.artifactType()).isEqualTo("tar");
        for (Compression compression : Compression.values()) {
            assertThat(Compression.ofFile(Path.of("x" + compression.suffix()))).contains(compression);
        }
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsRandomBytes(Compression compression) throws IOException {
        byte[] original = CraftedTar.random(compression.ordinal(), 3 * 1024 * 1024 + 17);

        byte[] compressed = compress(compression, original);

        assertThat(decompress(compression, compressed)).isEqualTo(original);
    }

    @ParameterizedTest
    @EnumSource(Compression.class)
    void roundTripsCompressibleBytesAndNothing(Compression compression) throws IOException {
        byte[] text = "the same line, again and again\n".repeat(50_000).getBytes(java.nio.charset.StandardCharsets.UTF_8);

        byte[] compressed = compress(compression, text);

        assertThat(decompress(compression, compressed)).isEqualTo(text);
        assertThat(decompress(compression, compress(compression, new byte[0]))).isEmpty();
        if (compression != Compression.NONE) {
            assertThat(compressed.length).isLessThan(text.length / 20);
        } else {
            assertThat(compressed).isEqualTo(text);
        }
    }

    @Test
    void writesTheFormatsOtherToolsRead() throws IOException {
        byte[] zstd = compress(Compression.ZSTD, new byte[] {1, 2, 3});
        byte[] gzip = compress(Compression.GZIP, new byte[] {1, 2, 3});

        assertThat(zstd).startsWith((byte) 0x28, (byte) 0xb5, (byte) 0x2f, (byte) 0xfd); // zstd frame magic
        assertThat(gzip).startsWith((byte) 0x1f, (byte) 0x8b);
        try (InputStream in = new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gzip))) {
            assertThat(in.readAllBytes()).containsExactly(1, 2, 3);
        }
    }

    static byte[] compress(Compression compression, byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream compressed = compression.compress(out)) {
            // in uneven pieces, as a tar writer would
            for (int offset = 0; offset < bytes.length; offset += 10_007) {
                compressed.write(bytes, offset, Math.min(10_007, bytes.length - offset));
            }
        }
        return out.toByteArray();
    }

    static byte[] decompress(Compression compression, byte[] bytes) throws IOException {
        try (InputStream in = compression.decompress(new ByteArrayInputStream(bytes))) {
            return in.readAllBytes();
        }
    }
}
