package io.github.devcontainercache.caches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class OwnerTest {

    @Test
    void parsesUidColonGid() {
        assertThat(Owner.parse("1000:1000")).contains(new Owner(1000, 1000));
        assertThat(Owner.parse("1000:100")).contains(new Owner(1000, 100));
    }

    @Test
    void trimsSurroundingWhitespace() {
        assertThat(Owner.parse(" 0:0 ")).contains(new Owner(0, 0));
    }

    @Test
    void acceptsTheLargestValidId() {
        assertThat(Owner.parse("4294967294:4294967294")).contains(new Owner(4294967294L, 4294967294L));
    }

    @ParameterizedTest(name = "''{0}'' is not an owner")
    @NullAndEmptySource
    @ValueSource(strings = {
        "vscode", "1000", "-1:0", "0:-1", "1:2:3", "1000:", ":1000", "1000 : 1000", "vscode:vscode", "1000:1000x",
        "4294967295:0", "0:4294967295", "12345678901:0"
    })
    void rejectsWhatIsNotANumericUidGid(String text) {
        assertThat(Owner.parse(text)).isEmpty();
    }

    @Test
    void printsAsUidColonGid() {
        assertThat(new Owner(1000, 1001)).hasToString("1000:1001");
    }

    @Test
    void constructorRejectsOutOfRangeIds() {
        assertThatThrownBy(() -> new Owner(-1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("uid and gid must be between 0 and 4294967294");
        assertThatThrownBy(() -> new Owner(0, 4294967295L)).isInstanceOf(IllegalArgumentException.class);
    }
}
