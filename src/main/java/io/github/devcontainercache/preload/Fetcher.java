package io.github.devcontainercache.preload;

import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.HttpURLConnection;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * HTTP requests as the preload makes them, with the JDK's own client: through the build's proxy (Maven's
 * settings.xml), with connect and read timeouts, following redirects itself so that a token goes only to the host
 * it is meant for, and asking for the bytes as they are ({@code Accept-Encoding: identity}), so that sizes and
 * ranges are the file's.
 */
public final class Fetcher {

    /** A proxy to reach one URL through, with its credentials when it needs them. */
    public record Proxy(String host, int port, String username, String password) {
        @Override
        public String toString() {
            return host + ":" + port; // never the password
        }
    }

    /** The proxy for a URL, as settings.xml's {@code <proxies>} say (protocol and {@code nonProxyHosts}). */
    public interface Proxies {
        Optional<Proxy> forUri(URI uri);
    }

    /** What the preload's requests are allowed. */
    public record Settings(Duration connectTimeout, Duration readTimeout, int retries, Proxies proxies, String userAgent) {}

    /**
     * A token, sent as {@code Authorization: Bearer} to one origin only: the scheme, host and port it was given for
     * (a redirect to plain HTTP, or to another port, would hand it to someone else).
     */
    public record Token(URI origin, String value) {
        boolean isFor(URI uri) {
            return origin.getScheme().equalsIgnoreCase(uri.getScheme()) && origin.getHost() != null
                    && origin.getHost().equalsIgnoreCase(uri.getHost()) && port(origin) == port(uri);
        }

        private static int port(URI uri) {
            return uri.getPort() >= 0 ? uri.getPort() : "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }

        @Override
        public String toString() {
            return "token for " + origin; // never the value
        }
    }

    /** An answer that was not a success: its status, and the URL that gave it. */
    static final class HttpStatusException extends IOException {
        private static final long serialVersionUID = 1L;
        final int status;
        final URI uri;

        HttpStatusException(int status, URI uri) {
            super(PreloadMessages.httpStatus(status, uri));
            this.status = status;
            this.uri = uri;
        }
    }

    /** An answer's status, headers and (when asked) body, which the caller closes. */
    static final class Answer implements AutoCloseable {
        final int status;
        final URI uri;
        private final HttpURLConnection connection;

        Answer(int status, URI uri, HttpURLConnection connection) {
            this.status = status;
            this.uri = uri;
            this.connection = connection;
        }

        String header(String name) {
            return connection.getHeaderField(name);
        }

        long headerLong(String name) {
            String value = header(name);
            try {
                return value == null ? -1 : Long.parseLong(value.trim());
            } catch (NumberFormatException e) {
                return -1;
            }
        }

        InputStream body() throws IOException {
            return connection.getInputStream();
        }

        @Override
        public void close() {
            try {
                connection.getInputStream().close();
            } catch (IOException e) {
                // nothing to read, or the connection already broke: either way it is done
            }
            if (status < 200 || status >= 300) {
                connection.disconnect();
            }
        }
    }

    private static final int MAX_REDIRECTS = 10;

    private final Settings settings;

    public Fetcher(Settings settings) {
        this.settings = settings;
    }

    Settings settings() {
        return settings;
    }

    /**
     * Sends the request and follows its redirects (every one, or with {@code relativeOnly} only those to the same
     * host, as the hub's client does for its metadata), and returns the last answer. A status of 400 or more fails.
     */
    Answer send(String method, URI uri, Map<String, String> headers, Token token, boolean relativeOnly)
            throws IOException {
        URI current = uri;
        for (int redirects = 0; ; redirects++) {
            HttpURLConnection connection = open(current, method, headers, token);
            int status;
            try {
                status = connection.getResponseCode();
            } catch (IOException e) {
                connection.disconnect();
                throw e;
            }
            String location = connection.getHeaderField("Location");
            if (status >= 300 && status < 400 && status != 304 && location != null) {
                URI next;
                try {
                    next = current.resolve(location.trim());
                } catch (IllegalArgumentException e) {
                    connection.disconnect();
                    throw new IOException(PreloadMessages.badRedirect(current, location), e);
                }
                boolean sameHost = sameHost(current, next);
                if (!(relativeOnly && !sameHost)) {
                    new Answer(status, current, connection).close();
                    if (redirects >= MAX_REDIRECTS) {
                        throw new IOException(PreloadMessages.tooManyRedirects(uri));
                    }
                    current = next;
                    continue;
                }
            }
            Answer answer = new Answer(status, current, connection);
            if (status >= 400) {
                answer.close();
                throw new HttpStatusException(status, current);
            }
            return answer;
        }
    }

    /** A small text answer, such as the hub's JSON, read whole (at most {@code limit} bytes). */
    String text(URI uri, Token token, int limit) throws IOException {
        try (Answer answer = send("GET", uri, Map.of("Accept", "application/json"), token, false);
                InputStream body = answer.body()) {
            byte[] bytes = body.readNBytes(limit + 1);
            if (bytes.length > limit) {
                throw new IOException(PreloadMessages.answerTooLarge(uri, limit));
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private HttpURLConnection open(URI uri, String method, Map<String, String> headers, Token token) throws IOException {
        Optional<Proxy> proxy = settings.proxies().forUri(uri);
        HttpURLConnection connection = (HttpURLConnection) (proxy.isPresent()
                ? uri.toURL().openConnection(new java.net.Proxy(java.net.Proxy.Type.HTTP,
                        InetSocketAddress.createUnresolved(proxy.get().host(), proxy.get().port())))
                : uri.toURL().openConnection());
        connection.setRequestMethod(method);
        connection.setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.connectTimeout().toMillis()));
        connection.setReadTimeout((int) Math.min(Integer.MAX_VALUE, settings.readTimeout().toMillis()));
        connection.setInstanceFollowRedirects(false);
        connection.setUseCaches(false);
        Map<String, String> all = new LinkedHashMap<>();
        all.put("User-Agent", settings.userAgent());
        all.put("Accept-Encoding", "identity");
        all.putAll(headers);
        if (token != null && token.isFor(uri)) {
            all.put("Authorization", "Bearer " + token.value());
        }
        if (proxy.isPresent() && proxy.get().username() != null) {
            Proxy route = proxy.get();
            // the JDK answers a proxy's challenge through this connection's own authenticator (no JVM-wide one);
            // over plain HTTP the credentials also go with the first request, as Maven's transport sends them
            connection.setAuthenticator(new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return getRequestorType() == RequestorType.PROXY
                            ? new PasswordAuthentication(route.username(),
                                    route.password() == null ? new char[0] : route.password().toCharArray())
                            : null;
                }
            });
            if ("http".equalsIgnoreCase(uri.getScheme())) {
                all.put("Proxy-Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (route.username() + ":" + (route.password() == null ? "" : route.password()))
                                .getBytes(StandardCharsets.UTF_8)));
            }
        }
        all.forEach(connection::setRequestProperty);
        return connection;
    }

    private static boolean sameHost(URI from, URI to) {
        return from.getHost() != null && from.getHost().equalsIgnoreCase(to.getHost())
                && from.getPort() == to.getPort() && from.getScheme().equalsIgnoreCase(to.getScheme());
    }

    /** The status of a failed request, when an answer said it. */
    static Optional<Integer> statusOf(IOException e) {
        return e instanceof HttpStatusException status ? Optional.of(status.status) : Optional.empty();
    }
}
