package io.github.devcontainercache.content.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Digests of streams, in the spellings the caches' formats use. */
final class Digests {

    static final Pattern SHA1_HEX = Pattern.compile("[0-9a-f]{40}");
    static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");
    private static final int BUFFER_BYTES = 1 << 16;

    private Digests() {}

    static MessageDigest of(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }

    /** Reads the stream to its end through every digest given, and returns them. */
    static MessageDigest[] digest(InputStream in, MessageDigest... digests) throws IOException {
        return digest(in, new byte[BUFFER_BYTES], digests);
    }

    /** The same, through the pass's buffer. */
    static MessageDigest[] digest(InputStream in, byte[] buffer, MessageDigest... digests) throws IOException {
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            for (MessageDigest digest : digests) {
                digest.update(buffer, 0, read);
            }
        }
        return digests;
    }

    /** The lower-case hex digest of what the stream holds. */
    static String hex(String algorithm, InputStream in) throws IOException {
        return hex(digest(in, of(algorithm))[0]);
    }

    static String hex(String algorithm, InputStream in, Scratch scratch) throws IOException {
        return hex(digest(in, scratch.copy(), of(algorithm))[0]);
    }

    static String hex(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest());
    }

    /** The id git gives a file's content: SHA-1 of {@code blob <size>\0} and the content. */
    static String gitBlob(long sizeBytes, InputStream in) throws IOException {
        MessageDigest sha1 = of("SHA-1");
        sha1.update(("blob " + sizeBytes + "\0").getBytes(StandardCharsets.US_ASCII));
        return hex(digest(in, sha1)[0]);
    }

    /** The first word of a checksum sidecar ({@code <hex>} or {@code <hex>  <file>}), lower-cased; empty if none. */
    static String sidecarValue(InputStream in) throws IOException {
        byte[] head = in.readNBytes(4096);
        String text = new String(head, StandardCharsets.US_ASCII).strip();
        int space = text.indexOf(' ');
        return (space < 0 ? text : text.substring(0, space)).toLowerCase(java.util.Locale.ROOT);
    }
}
