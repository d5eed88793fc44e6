package io.github.devcontainercache.content.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The listing of what takes the room in a cache, exactly. */
class KindMessagesTest {

    @Test
    void aHeadingThenOneAlignedLinePerItemWithFileOrFiles() {
        Findings findings = new Findings("artifacts (groupId:artifactId:version)", List.of(
                new Findings.Item("org.example:lib:1.0", 3L << 20, 12),
                new Findings.Item("org.example:tiny:2.0", 5, 1)), 2, 0, List.of());
        assertThat(KindMessages.itemLines(findings)).containsExactly(
                "What takes the room, by artifacts (groupId:artifactId:version), largest first:",
                "   3.0 MiB       12 files  org.example:lib:1.0",
                "       5 B        1 file   org.example:tiny:2.0");
    }

    @Test
    void saysHowManyItemsAreNotShownAndHowToShowThem() {
        Findings findings = new Findings("packages", List.of(new Findings.Item("left-pad@1.3.0", 2048, 3)), 7, 0,
                List.of());
        assertThat(KindMessages.itemLines(findings)).containsExactly(
                "What takes the room, by packages, largest first:",
                "   2.0 KiB        3 files  left-pad@1.3.0",
                "            (1 of 7 shown; -Ddevcontainer-cache.limit shows more)");
    }

    @Test
    void noItemsGiveTheHeadingOnly() {
        assertThat(KindMessages.itemLines(new Findings("models", List.of(), 0, 0, List.of())))
                .containsExactly("What takes the room, by models, largest first:");
    }
}
