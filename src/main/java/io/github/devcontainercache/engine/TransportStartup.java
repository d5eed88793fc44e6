package io.github.devcontainercache.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Start-up work of the HTTP transport that a plain (non-TLS) connection to an engine never uses. Building the
 * transport's HTTP client parses the whole public suffix list (about 300 kB, a tenth of a second on a cold
 * JVM), which only serves cookie domains and wildcard certificate names: an engine sets no cookies, and a unix
 * socket or plain TCP connection checks no certificate. For those connections the list is replaced by an empty
 * one while the client is built, then restored, so that a TLS client built later in the same JVM loads the real
 * list. Best effort: if the shaded class ever changes, nothing is skipped.
 */
final class TransportStartup {

    private static final String SHADED = "com.github.dockerjava.zerodep.shaded.org.apache.hc.client5.http.psl.";

    private TransportStartup() {}

    /** Runs {@code build} without the public suffix list when {@code plain}, else as it is. */
    static synchronized <T> T build(boolean plain, java.util.function.Supplier<T> build) {
        Field instance = plain ? defaultInstance() : null;
        if (instance == null) {
            return build.get();
        }
        try {
            return build.get();
        } finally {
            try {
                instance.set(null, null);
            } catch (ReflectiveOperationException | RuntimeException e) {
                // leave it: the next build of this JVM skips the list too
            }
        }
    }

    /** The transport's cached list, replaced by an empty one; {@code null} when that cannot be done. */
    private static Field defaultInstance() {
        try {
            Class<?> loader = Class.forName(SHADED + "PublicSuffixMatcherLoader");
            Field instance = loader.getDeclaredField("DEFAULT_INSTANCE");
            instance.setAccessible(true);
            if (instance.get(null) != null) {
                return null;
            }
            Class<?> matcher = Class.forName(SHADED + "PublicSuffixMatcher");
            Constructor<?> empty = matcher.getConstructor(java.util.Collection.class, java.util.Collection.class);
            instance.set(null, empty.newInstance(List.of(), List.of()));
            return instance;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
