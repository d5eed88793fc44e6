package io.github.devcontainercache.preload;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * What a file must be to be kept: its SHA-256 (Whisper's catalogue, a {@code <file>}, a Hugging Face LFS file, whose
 * ETag is its SHA-256), or the git blob id that the hub gives as the ETag of a small file: the SHA-1 of
 * {@code "blob <size>\0"} and the content. The size is -1 when not known before the download.
 */
record Expected(Algorithm algorithm, String hex, long size) {

    enum Algorithm {
        SHA256,
        GIT_BLOB_SHA1
    }

    static Expected sha256(String hex, long size) {
        return new Expected(Algorithm.SHA256, hex, size);
    }

    static Expected gitBlob(String hex, long size) {
        return new Expected(Algorithm.GIT_BLOB_SHA1, hex, size);
    }

    /** A digest of this kind, ready for the content; a git blob id needs the size first. */
    MessageDigest newDigest(long contentSize) {
        try {
            if (algorithm == Algorithm.SHA256) {
                return MessageDigest.getInstance("SHA-256");
            }
            MessageDigest digest = MessageDigest.getInstance("SHA-1");
            digest.update(("blob " + contentSize + "\0").getBytes(StandardCharsets.US_ASCII));
            return digest;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 and SHA-1 are part of every Java runtime", e);
        }
    }

    boolean matches(MessageDigest digest) {
        return HexFormat.of().formatHex(digest.digest()).equals(hex);
    }

    /** How the check is named in messages. */
    String label() {
        return algorithm == Algorithm.SHA256 ? "SHA-256" : "git blob id";
    }
}
