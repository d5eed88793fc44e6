package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.BuildLog;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownloadTest {

    private static final byte[] CONTENT = LoopbackServer.bytes(300_000, 42);
    private static final Expected RIGHT = Expected.sha256(LoopbackServer.sha256(CONTENT), CONTENT.length);
    private static final Expected SIZE_UNKNOWN = Expected.sha256(LoopbackServer.sha256(CONTENT), -1);

    @TempDir
    Path temp;

    private LoopbackServer server;
    private final CountDownLatch released = new CountDownLatch(1);

    @AfterEach
    void stop() {
        released.countDown();
        if (server != null) {
            server.close();
        }
    }

    private LoopbackServer serve(LoopbackServer.Handler handler) throws IOException {
        server = new LoopbackServer(handler);
        return server;
    }

    private Path partial() {
        return temp.resolve("model.bin.part");
    }

    private long fetch(int retries, Expected expected) throws IOException {
        return LoopbackServer.download(retries).fetch(server.uri("/model.bin"), null, partial(), expected, "model.bin");
    }

    @Test
    void aWholeDownloadIsVerified() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));

        assertThat(fetch(0, RIGHT)).isEqualTo(CONTENT.length);

        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
        assertThat(server.requests).singleElement().satisfies(request -> {
            assertThat(request.method()).isEqualTo("GET");
            assertThat(request.range()).isNull();
        });
    }

    @Test
    void aPartialFileAnotherBuildIsWritingIsLeftToIt() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        Files.write(partial(), new byte[] {1, 2, 3});

        try (java.nio.channels.FileChannel other = java.nio.channels.FileChannel.open(partial(),
                        java.nio.file.StandardOpenOption.WRITE);
                java.nio.channels.FileLock held = other.lock()) {
            assertThatThrownBy(() -> fetch(2, RIGHT))
                    .isInstanceOf(Download.Busy.class)
                    .hasMessageContaining("another build is downloading the same file into " + partial());
        }
        assertThat(Files.readAllBytes(partial())).containsExactly(1, 2, 3);
    }

    @Test
    void aDownloadWhoseSizeIsNotKnownBeforeIsVerifiedToo() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));

        assertThat(fetch(0, SIZE_UNKNOWN)).isEqualTo(CONTENT.length);
        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
    }

    @Test
    void aSmallFileIsVerifiedByItsGitBlobId() throws IOException {
        byte[] config = "{\"a\":1}\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, config));

        assertThat(fetch(0, Expected.gitBlob(LoopbackServer.gitBlob(config), config.length))).isEqualTo(config.length);
        assertThat(Files.readAllBytes(partial())).isEqualTo(config);
    }

    @Test
    void whatAnEarlierRunLeftIsContinuedWithARange() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        Files.write(partial(), Arrays.copyOf(CONTENT, 123_456));

        assertThat(fetch(0, RIGHT)).isEqualTo(CONTENT.length);

        assertThat(server.requests).singleElement()
                .satisfies(request -> assertThat(request.range()).isEqualTo("bytes=123456-"));
        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
    }

    @Test
    void aGitBlobIsContinuedWithARangeToo() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        Files.write(partial(), Arrays.copyOf(CONTENT, 1000));

        fetch(0, Expected.gitBlob(LoopbackServer.gitBlob(CONTENT), CONTENT.length));

        assertThat(server.requests.get(0).range()).isEqualTo("bytes=1000-");
        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
    }

    @Test
    void aServerThatIgnoresTheRangeSendsTheWholeFileAgain() throws IOException {
        serve((exchange, index) -> LoopbackServer.send(exchange, 200, CONTENT));
        Files.write(partial(), Arrays.copyOf(CONTENT, 100_000));

        assertThat(fetch(0, RIGHT)).isEqualTo(CONTENT.length);

        assertThat(server.requests.get(0).range()).isEqualTo("bytes=100000-");
        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
    }

    @Test
    void aPartialFileLongerThanTheFileIsStartedAgain() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        Files.write(partial(), new byte[CONTENT.length + 1]);

        assertThat(fetch(0, RIGHT)).isEqualTo(CONTENT.length);

        assertThat(server.requests).singleElement().satisfies(request -> assertThat(request.range()).isNull());
        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
    }

    @Test
    void aRangeTheServerCannotContinueIsStartedAgain() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        Files.write(partial(), new byte[CONTENT.length]); // as long as the file, size not known: a 416

        assertThat(fetch(0, SIZE_UNKNOWN)).isEqualTo(CONTENT.length);

        assertThat(server.requests).extracting(LoopbackServer.Request::range)
                .containsExactly("bytes=" + CONTENT.length + "-", null);
        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
    }

    @Test
    void aConnectionThatBreaksHalfwayIsResumedWhereItStopped() throws IOException {
        int half = CONTENT.length / 2;
        serve((exchange, index) -> {
            if (index == 0) {
                LoopbackServer.breakOffAfter(exchange, CONTENT, half);
            } else {
                LoopbackServer.serveWithRanges(exchange, CONTENT);
            }
        });

        assertThat(fetch(2, RIGHT)).isEqualTo(CONTENT.length);

        assertThat(server.requests).extracting(LoopbackServer.Request::range)
                .containsExactly(null, "bytes=" + half + "-");
        assertThat(Files.readAllBytes(partial())).isEqualTo(CONTENT);
    }

    @Test
    void aConnectionThatBreaksEveryTimeFailsOnceTheRetriesAreSpent() throws IOException {
        serve((exchange, index) -> LoopbackServer.breakOffAfter(exchange, CONTENT, 1000));

        assertThatThrownBy(() -> fetch(1, RIGHT))
                .isInstanceOf(IOException.class)
                .isNotInstanceOf(Download.NotVerified.class)
                .hasMessageContaining("the connection ended after");
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aServerErrorIsTriedAgain() throws IOException {
        serve((exchange, index) -> {
            if (index == 0) {
                LoopbackServer.send(exchange, 503, "busy");
            } else {
                LoopbackServer.serveWithRanges(exchange, CONTENT);
            }
        });

        assertThat(fetch(1, RIGHT)).isEqualTo(CONTENT.length);
        assertThat(server.requests).hasSize(2);
    }

    @Test
    void aWrongChecksumIsNotVerifiedAndNothingIsKept() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        Expected other = Expected.sha256("0".repeat(64), CONTENT.length);

        assertThatThrownBy(() -> fetch(2, other))
                .isInstanceOf(Download.NotVerified.class)
                .hasMessageContaining("does not have the SHA-256 " + "0".repeat(64))
                .hasMessageContaining("Nothing was kept");

        assertThat(partial()).doesNotExist();
        assertThat(server.requests).as("a wrong file is not asked for again").hasSize(1);
    }

    @Test
    void aWrongChecksumAfterAResumeIsNotVerifiedAndNothingIsKept() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        byte[] damaged = Arrays.copyOf(CONTENT, 1000);
        damaged[10] ^= 1;
        Files.write(partial(), damaged);

        assertThatThrownBy(() -> fetch(0, RIGHT)).isInstanceOf(Download.NotVerified.class);
        assertThat(partial()).doesNotExist();
    }

    @Test
    void aFileOfTheWrongSizeIsNotVerifiedBeforeItIsRead() throws IOException {
        serve((exchange, index) -> LoopbackServer.serveWithRanges(exchange, CONTENT));
        Expected larger = Expected.sha256(LoopbackServer.sha256(CONTENT), CONTENT.length + 1);

        assertThatThrownBy(() -> fetch(0, larger))
                .isInstanceOf(Download.NotVerified.class)
                .hasMessageContaining("is " + CONTENT.length + " bytes, where it must be " + (CONTENT.length + 1));
        assertThat(partial()).doesNotExist();
    }

    @Test
    void aMissingFileIsAnHttp404() throws IOException {
        serve((exchange, index) -> LoopbackServer.send(exchange, 404, "Not Found"));

        assertThatThrownBy(() -> fetch(2, RIGHT))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("HTTP 404");
        assertThat(server.requests).as("a 404 is not tried again").hasSize(1);
        assertThat(partial()).doesNotExist();
    }

    @Test
    void aServerThatNeverAnswersTimesOut() throws IOException {
        serve((exchange, index) -> {
            try {
                released.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Download download = new Download(new Fetcher(LoopbackServer.settings(Duration.ofSeconds(1), 0)), BuildLog.SILENT);

        long started = System.nanoTime();
        assertThatThrownBy(() -> download.fetch(server.uri("/model.bin"), null, partial(), RIGHT, "model.bin"))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
