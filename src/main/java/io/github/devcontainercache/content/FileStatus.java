package io.github.devcontainercache.content;

import java.util.Locale;

/** What is known of a file whose content should match a checksum. */
public enum FileStatus {
    /** Its SHA-256 matches. */
    OK,
    /** Its SHA-256, or a size larger than expected, does not match: the seed's "cache corrompu". */
    CORRUPT,
    /** Smaller than expected: a download that stopped. */
    PARTIAL,
    /** Its size is right but it was not hashed (run with verifyIntegrity). */
    UNVERIFIED,
    /** Listed in a checksums file but not in the cache. */
    MISSING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
