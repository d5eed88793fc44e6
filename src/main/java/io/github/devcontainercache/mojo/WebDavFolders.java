package io.github.devcontainercache.mojo;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.repository.AuthenticationContext;
import org.eclipse.aether.repository.Proxy;
import org.eclipse.aether.repository.RemoteRepository;

/**
 * The WebDAV folders (collections) a deploy puts its files in, made first with {@code MKCOL}: a WebDAV server such as
 * httpd's mod_dav refuses a {@code PUT} into a folder that does not exist (409), and Maven 3.8's HTTP transport does
 * not make them (Maven 3.9's does with {@code aether.connector.http.supportWebDav}). Best effort: a repository manager
 * that needs no folders answers as it will, and the deploy that follows says what went wrong, if anything did.
 */
final class WebDavFolders {

    private WebDavFolders() {}

    /** Makes each folder of {@code path} below the repository's address, from the top. */
    static void create(RepositorySystemSession session, RemoteRepository repository, String path) {
        String base = repository.getUrl().endsWith("/") ? repository.getUrl() : repository.getUrl() + "/";
        if (!base.startsWith("http://") && !base.startsWith("https://")) {
            return;
        }
        HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20));
        Proxy proxy = repository.getProxy();
        if (proxy != null) {
            builder.proxy(ProxySelector.of(new InetSocketAddress(proxy.getHost(), proxy.getPort())));
        }
        String authorization = authorization(session, repository);
        HttpClient client = builder.build();
        StringBuilder folder = new StringBuilder(base);
        for (String segment : path.split("/")) {
            folder.append(segment).append('/');
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(folder.toString()))
                    .timeout(Duration.ofSeconds(60))
                    .method("MKCOL", HttpRequest.BodyPublishers.noBody());
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            try {
                client.send(request.build(), HttpResponse.BodyHandlers.discarding());
            } catch (IOException | IllegalArgumentException e) {
                return; // the deploy will say why the repository cannot be reached
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** Basic credentials of the repository's settings.xml {@code <server>}, as the deploy itself sends them. */
    private static String authorization(RepositorySystemSession session, RemoteRepository repository) {
        try (AuthenticationContext context = AuthenticationContext.forRepository(session, repository)) {
            if (context == null || context.get(AuthenticationContext.USERNAME) == null) {
                return null;
            }
            String password = context.get(AuthenticationContext.PASSWORD);
            String pair = context.get(AuthenticationContext.USERNAME) + ":" + (password == null ? "" : password);
            return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        }
    }
}
