package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class ExpectedTest {

    private static final byte[] ABC = "abc".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] HELLO = "hello\n".getBytes(StandardCharsets.US_ASCII);

    private static boolean matches(Expected expected, byte[] content) {
        MessageDigest digest = expected.newDigest(content.length);
        digest.update(content);
        return expected.matches(digest);
    }

    @Test
    void aSha256IsTheSha256OfTheContent() {
        Expected expected = Expected.sha256("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 3);

        assertThat(matches(expected, ABC)).isTrue();
        assertThat(matches(expected, "abd".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(expected.label()).isEqualTo("SHA-256");
        assertThat(expected.size()).isEqualTo(3);
    }

    @Test
    void theSha256OfNothing() {
        assertThat(matches(Expected.sha256("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", 0),
                new byte[0])).isTrue();
    }

    @Test
    void aGitBlobIdIsWhatGitHashObjectSays() {
        Expected expected = Expected.gitBlob("ce013625030ba8dba906f756967f9e9ca394464a", 6);

        assertThat(matches(expected, HELLO)).isTrue();
        assertThat(matches(expected, "hello!".getBytes(StandardCharsets.US_ASCII))).isFalse();
        assertThat(expected.label()).isEqualTo("git blob id");
    }

    @Test
    void aGitBlobIdCountsTheSizeItIsGiven() {
        Expected expected = Expected.gitBlob("ce013625030ba8dba906f756967f9e9ca394464a", 6);
        MessageDigest digest = expected.newDigest(7); // a header for another size: another id
        digest.update(HELLO);

        assertThat(expected.matches(digest)).isFalse();
    }

    @Test
    void theEmptyBlobHasGitsWellKnownId() {
        assertThat(matches(Expected.gitBlob("e69de29bb2d1d6434b8b29ae775ad8c2e48c5391", 0), new byte[0])).isTrue();
    }

    @Test
    void theHexIsComparedAsItIsWrittenInLowerCase() {
        Expected upper = Expected.sha256("BA7816BF8F01CFEA414140DE5DAE2223B00361A396177A9CB410FF61F20015AD", 3);

        assertThat(matches(upper, ABC)).isFalse();
    }

    @Test
    void theTestsOwnDigestsAgree() {
        assertThat(LoopbackServer.gitBlob(HELLO)).isEqualTo("ce013625030ba8dba906f756967f9e9ca394464a");
        assertThat(LoopbackServer.sha256(ABC))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
