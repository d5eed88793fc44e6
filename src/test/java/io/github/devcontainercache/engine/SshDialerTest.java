package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SshDialerTest {

    private static InputStream bytes(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void commandIsTheDockerClisWithTheHostAfterTheOptions() {
        assertThat(SshDialer.command(URI.create("ssh://dev@build-box:2222"), Duration.ofSeconds(5)))
                .containsExactly("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=5", "-T", "-l", "dev", "-p",
                        "2222", "--", "build-box", "docker", "system", "dial-stdio");
    }

    @Test
    void commandWithoutUserOrPortLeavesThemToSshConfig() {
        assertThat(SshDialer.command(URI.create("ssh://build-box"), Duration.ofMillis(1500)))
                .containsExactly("ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=1", "-T", "--", "build-box",
                        "docker", "system", "dial-stdio");
    }

    @Test
    void aPathNamesTheRemoteEnginesSocket() {
        assertThat(SshDialer.command(URI.create("ssh://me@box/run/user/1000/docker.sock"), Duration.ofSeconds(5)))
                .endsWith("--", "box", "docker", "--host", "unix:///run/user/1000/docker.sock", "system", "dial-stdio");
    }

    @Test
    void aHostThatLooksLikeAnOptionStaysAHost() {
        // never an option of ssh's: such an address is refused, and every host goes after --
        assertThat(SshDialer.isUsable(URI.create("ssh://-oProxyCommand=x"))).isFalse();
        assertThat(EndpointDiscovery.parseHost("ssh://-oProxyCommand=x")).isNull();
    }

    @Test
    void aSocketPathTheRemoteShellWouldReadAsCommandsIsRefused() {
        assertThat(SshDialer.isUsable(URI.create("ssh://box/run/user/1000/docker.sock"))).isTrue();
        assertThat(SshDialer.isUsable(URI.create("ssh://box/x;rm%20-rf%20~"))).isFalse();
        assertThat(SshDialer.isUsable(URI.create("ssh://box/x$(id)"))).isFalse();
    }

    @Test
    void passwordsAreNeverShown() {
        assertThat(SshDialer.withoutPassword("ssh://dev:hunter2@box:22")).isEqualTo("ssh://dev:***@box:22");
        assertThat(SshDialer.withoutPassword("ssh://dev@box")).isEqualTo("ssh://dev@box");
        assertThat(SshDialer.withoutPassword("tcp://box:2375")).isEqualTo("tcp://box:2375");
    }

    @Test
    void pingAnswerIsReadWholeByLength() throws IOException {
        InputStream in = bytes("HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nContent-Length: 2\r\n\r\nOKHTTP/1.1 next");

        assertThat(PingAnswer.read(in)).isEqualTo("HTTP/1.1 200 OK");
        // the next answer on the same connection is left for the transport
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 next");
    }

    @Test
    void pingAnswerIsReadWholeWhenChunked() throws IOException {
        InputStream in = bytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nOK\r\n0\r\n\r\nrest");

        assertThat(PingAnswer.read(in)).isEqualTo("HTTP/1.1 200 OK");
        assertThat(new String(in.readAllBytes(), StandardCharsets.US_ASCII)).isEqualTo("rest");
    }

    @Test
    void aStreamThatEndsBeforeTheAnswerFails() {
        assertThatThrownBy(() -> PingAnswer.read(bytes("")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("ended");
        assertThatThrownBy(() -> PingAnswer.read(bytes("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nOK")))
                .isInstanceOf(IOException.class);
    }
}
