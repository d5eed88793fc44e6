package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FetcherTest {

    /** The token for the test's server: its scheme, host and port. */
    private Fetcher.Token token() {
        return new Fetcher.Token(server.uri("/"), "secret");
    }

    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private LoopbackServer serve(LoopbackServer.Handler handler) throws IOException {
        server = new LoopbackServer(handler);
        return server;
    }

    private static String get(Fetcher fetcher, java.net.URI uri, Fetcher.Token token) throws IOException {
        try (Fetcher.Answer answer = fetcher.send("GET", uri, Map.of(), token, false); InputStream body = answer.body()) {
            return new String(body.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void everyRequestSaysItsUserAgentAndAsksForTheBytesAsTheyAre() throws IOException {
        serve((exchange, index) -> LoopbackServer.send(exchange, 200, "ok"));

        assertThat(get(LoopbackServer.fetcher(0), server.uri("/x"), null)).isEqualTo("ok");

        assertThat(server.requests).singleElement().satisfies(request -> {
            assertThat(request.userAgent()).isEqualTo("test-agent");
            assertThat(request.acceptEncoding()).isEqualTo("identity");
            assertThat(request.authorization()).isNull();
        });
    }

    @Test
    void theTokenGoesToItsHostAlsoAfterARedirectOnThatHost() throws IOException {
        serve((exchange, index) -> {
            if (exchange.getRequestURI().getPath().equals("/start")) {
                LoopbackServer.redirect(exchange, 302, "/next");
            } else {
                LoopbackServer.send(exchange, 200, "there");
            }
        });

        assertThat(get(LoopbackServer.fetcher(0), server.uri("/start"), token())).isEqualTo("there");

        assertThat(server.requests).extracting(LoopbackServer.Request::path).containsExactly("/start", "/next");
        assertThat(server.requests).allSatisfy(r -> assertThat(r.authorization()).isEqualTo("Bearer secret"));
    }

    @Test
    void theTokenIsDroppedAfterARedirectToAnotherHost() throws IOException {
        serve((exchange, index) -> {
            if (exchange.getRequestURI().getPath().equals("/start")) {
                LoopbackServer.redirect(exchange, 307, server.otherHost("/cdn/file"));
            } else {
                LoopbackServer.send(exchange, 200, "from the cdn");
            }
        });

        assertThat(get(LoopbackServer.fetcher(0), server.uri("/start"), token())).isEqualTo("from the cdn");

        assertThat(server.requests).hasSize(2);
        assertThat(server.requests.get(0).host()).startsWith("127.0.0.1:");
        assertThat(server.requests.get(0).authorization()).isEqualTo("Bearer secret");
        assertThat(server.requests.get(1).host()).startsWith("localhost:");
        assertThat(server.requests.get(1).path()).isEqualTo("/cdn/file");
        assertThat(server.requests.get(1).authorization()).isNull();
    }

    @Test
    void theTokenIsNotSentToAnotherHostEvenFirst() throws IOException {
        serve((exchange, index) -> LoopbackServer.send(exchange, 200, "ok"));

        get(LoopbackServer.fetcher(0), server.otherHost("/x"), token());

        assertThat(server.requests).singleElement()
                .satisfies(request -> assertThat(request.authorization()).isNull());
    }

    @Test
    void theTokenGoesNeitherToAnotherPortNorOverAnotherScheme() {
        Fetcher.Token token = new Fetcher.Token(java.net.URI.create("https://hub.example"), "secret");

        assertThat(token.isFor(java.net.URI.create("https://hub.example:443/a"))).isTrue();
        assertThat(token.isFor(java.net.URI.create("https://HUB.example/a"))).isTrue();
        assertThat(token.isFor(java.net.URI.create("http://hub.example/a"))).isFalse();
        assertThat(token.isFor(java.net.URI.create("https://hub.example:8443/a"))).isFalse();
        assertThat(token.isFor(java.net.URI.create("https://cdn.hub.example/a"))).isFalse();
    }

    @Test
    void aRequestForTheSameHostOnlyStopsAtARedirectElsewhereWithItsHeaders() throws IOException {
        serve((exchange, index) -> {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/start")) {
                LoopbackServer.redirect(exchange, 301, "/moved");
            } else if (path.equals("/moved")) {
                exchange.getResponseHeaders().set("X-Linked-Size", "1234");
                LoopbackServer.redirect(exchange, 302, server.otherHost("/cdn/file"));
            } else {
                LoopbackServer.send(exchange, 200, "cdn");
            }
        });

        try (Fetcher.Answer answer = LoopbackServer.fetcher(0).send("HEAD", server.uri("/start"), Map.of(), token(),
                true)) {
            assertThat(answer.status).isEqualTo(302);
            assertThat(answer.uri).isEqualTo(server.uri("/moved"));
            assertThat(answer.headerLong("X-Linked-Size")).isEqualTo(1234);
            assertThat(answer.header("Location")).isEqualTo(server.otherHost("/cdn/file").toString());
            assertThat(answer.headerLong("X-Missing")).isEqualTo(-1);
        }
        assertThat(server.requests).extracting(LoopbackServer.Request::path).containsExactly("/start", "/moved");
    }

    @Test
    void aFailedAnswerIsAnHttpStatusException() throws IOException {
        serve((exchange, index) -> LoopbackServer.send(exchange, 404, "no such file"));

        assertThatThrownBy(() -> get(LoopbackServer.fetcher(0), server.uri("/missing"), null))
                .isInstanceOfSatisfying(Fetcher.HttpStatusException.class, e -> {
                    assertThat(e.status).isEqualTo(404);
                    assertThat(e.uri).isEqualTo(server.uri("/missing"));
                    assertThat(Fetcher.statusOf(e)).contains(404);
                })
                .hasMessage("HTTP 404 from " + server.uri("/missing"));
        assertThat(Fetcher.statusOf(new IOException("broken"))).isEmpty();
    }

    @Test
    void aFailureAfterARedirectNamesTheUrlThatGaveIt() throws IOException {
        serve((exchange, index) -> {
            if (exchange.getRequestURI().getPath().equals("/start")) {
                LoopbackServer.redirect(exchange, 302, "/gone");
            } else {
                LoopbackServer.send(exchange, 503, "later");
            }
        });

        assertThatThrownBy(() -> get(LoopbackServer.fetcher(0), server.uri("/start"), null))
                .hasMessage("HTTP 503 from " + server.uri("/gone"));
    }

    @Test
    void aRedirectCircleEndsAfterTenRedirects() throws IOException {
        serve((exchange, index) -> LoopbackServer.redirect(exchange, 302, "/again" + index));

        assertThatThrownBy(() -> get(LoopbackServer.fetcher(0), server.uri("/start"), null))
                .isInstanceOf(IOException.class)
                .hasMessage(server.uri("/start") + " redirects more than 10 times: a loop of the server's, or of a proxy's");
        assertThat(server.requests).hasSize(11);
    }

    @Test
    void aTextIsReadWholeUpToItsLimit() throws IOException {
        serve((exchange, index) -> LoopbackServer.send(exchange, 200, "{\"a\":1}"));

        assertThat(LoopbackServer.fetcher(0).text(server.uri("/api"), null, 7)).isEqualTo("{\"a\":1}");
        assertThatThrownBy(() -> LoopbackServer.fetcher(0).text(server.uri("/api"), null, 6))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("is larger than");
    }

    @Test
    void neitherATokenNorAProxySaysItsSecret() {
        assertThat(new Fetcher.Token(java.net.URI.create("https://hub.example"), "secret").toString())
                .doesNotContain("secret").isEqualTo("token for https://hub.example");
        assertThat(new Fetcher.Proxy("proxy.example", 3128, "user", "hunter2").toString())
                .isEqualTo("proxy.example:3128");
    }
}
