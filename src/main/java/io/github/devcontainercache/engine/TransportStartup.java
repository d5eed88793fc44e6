package io.github.devcontainercache.engine;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.util.List;

/**
 * Start-up work of the HTTP transport that a plain (non-TLS) connection to an engine never uses. Building the
 * transport's HTTP client parses the whole public suffix list (about 300 kB, a tenth of a second on a cold
 * JVM), which only serves cookie domains and wildcard certificate names: an engine sets no cookies, and a unix
 * socket or plain TCP connection checks no certificate. For those connections the list is replaced by an empty
 * one before the client is built. Best effort: if the shaded class ever changes, nothing is skipped.
 */
final class TransportStartup {

    private static final String SHADED = "com.github.dockerjava.zerodep.shaded.org.apache.hc.client5.http.psl.";

    private TransportStartup() {}

    static void skipPublicSuffixList() {
        try {
            Class<?> loader = Class.forName(SHADED + "PublicSuffixMatcherLoader");
            Field instance = loader.getDeclaredField("DEFAULT_INSTANCE");
            instance.setAccessible(true);
            if (instance.get(null) != null) {
                return;
            }
            Class<?> matcher = Class.forName(SHADED + "PublicSuffixMatcher");
            Constructor<?> empty = matcher.getConstructor(java.util.Collection.class, java.util.Collection.class);
            instance.set(null, empty.newInstance(List.of(), List.of()));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // the transport will load the list itself
        }
    }
}
