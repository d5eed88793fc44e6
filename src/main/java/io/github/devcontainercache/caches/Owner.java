package io.github.devcontainercache.caches;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A numeric {@code uid:gid} pair, as a container user needs its cache's root directory owned. */
public record Owner(long uid, long gid) {

    private static final Pattern UID_GID = Pattern.compile("(\\d{1,10}):(\\d{1,10})");
    private static final long MAX_ID = 4_294_967_294L;

    public Owner {
        if (uid < 0 || gid < 0 || uid > MAX_ID || gid > MAX_ID) {
            throw new IllegalArgumentException("uid and gid must be between 0 and " + MAX_ID);
        }
    }

    /** Parses {@code 1000:1000}; empty when the text is not of that shape or out of range. */
    public static Optional<Owner> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Matcher matcher = UID_GID.matcher(text.trim());
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long uid = Long.parseLong(matcher.group(1));
        long gid = Long.parseLong(matcher.group(2));
        if (uid > MAX_ID || gid > MAX_ID) {
            return Optional.empty();
        }
        return Optional.of(new Owner(uid, gid));
    }

    @Override
    public String toString() {
        return uid + ":" + gid;
    }
}
