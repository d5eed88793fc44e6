package io.github.devcontainercache.report;

import static io.github.devcontainercache.report.Entries.GIB;
import static io.github.devcontainercache.report.Entries.MIB;
import static io.github.devcontainercache.report.Entries.container;
import static io.github.devcontainercache.report.Entries.existing;
import static io.github.devcontainercache.report.Entries.file;
import static io.github.devcontainercache.report.Entries.missing;
import static io.github.devcontainercache.report.Entries.withContentSource;
import static io.github.devcontainercache.report.Entries.withDisk;
import static io.github.devcontainercache.report.Entries.insight;
import static io.github.devcontainercache.report.Entries.withFiles;
import static io.github.devcontainercache.report.Entries.withInsight;
import static io.github.devcontainercache.report.Entries.withSizeSource;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.SkippedMount;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.kinds.Findings;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ReportWriterTest {

    static CacheReport report(ReportEntry... entries) {
        return new CacheReport("unix:///var/run/docker.sock", "27.3.1", "1.47", "2025-01-02T03:04:05Z",
                List.of(entries));
    }

    /** Three caches: one fine and used by two containers, one with a partial model and no budget, one missing. */
    static CacheReport threeCaches() {
        return report(
                existing("pip-cache", "pip", 3 * GIB / 2, 2 * GIB,
                        List.of(container("dev", "running"), container("old", "exited"))),
                withFiles(existing("whisper-models", "whisper", 150 * MIB, null, List.of()),
                        List.of(file("tiny.pt", 10, FileStatus.PARTIAL)), List.of()),
                missing("gone", "npm", 500 * MIB));
    }

    @Nested
    class Table {

        @Test
        void alignsColumnsRightAlignsSizesAndShowsDashesForUnknowns() {
            assertThat(ReportWriter.table(threeCaches())).containsExactly(
                    "volume          kind       content    on disk     budget  in use by                    state",
                    "pip-cache       pip        1.5 GiB    1.5 GiB    2.0 GiB  dev (running), old (exited)  ok",
                    "whisper-models  whisper  150.0 MiB  150.0 MiB          -  -                            partial file",
                    "gone            npm              -          -  500.0 MiB  -                            missing");
        }

        @Test
        void theHeaderSetsTheWidthsWhenTheValuesAreShorter() {
            assertThat(ReportWriter.table(report(existing("ab", "pip", 5L, null, List.of())))).containsExactly(
                    "volume  kind  content  on disk  budget  in use by  state",
                    "ab      pip       5 B      5 B       -  -          ok");
        }

        @Test
        void anOverBudgetCacheSaysSo() {
            assertThat(ReportWriter.table(report(existing("pip-cache", "pip", 3 * GIB, 2 * GIB,
                    List.of(container("dev", "running")))))).containsExactly(
                    "volume     kind  content  on disk   budget  in use by      state",
                    "pip-cache  pip   3.0 GiB  3.0 GiB  2.0 GiB  dev (running)  over budget");
        }

        @Test
        void noCachesGiveTheHeaderOnly() {
            assertThat(ReportWriter.table(report()))
                    .containsExactly("volume  kind  content  on disk  budget  in use by  state");
        }

        @Test
        void anEstimatedDiskSizeIsMarkedAndAnUnknownOneIsADash() {
            assertThat(ReportWriter.table(report(
                    withDisk(existing("a", "pip", 5000L, null, List.of()), 8192L, DiskSize.ESTIMATED_STREAM),
                    withDisk(existing("b", "pip", 5000L, null, List.of()), null, null)))).containsExactly(
                    "volume  kind  content   on disk  budget  in use by  state",
                    "a       pip   4.9 KiB  ~8.0 KiB       -  -          ok",
                    "b       pip   4.9 KiB         -       -  -          ok");
        }

        @Test
        void noLineEndsWithSpaces() {
            assertThat(ReportWriter.table(threeCaches())).allSatisfy(line -> assertThat(line).doesNotEndWith(" "));
        }
    }

    @Nested
    class Markdown {

        @Test
        void givesTheEngineTheHeaderTheAlignmentRowAndOneRowPerCache() {
            assertThat(ReportWriter.markdown(threeCaches())).isEqualTo("""
                    # Dev container caches

                    Engine: unix:///var/run/docker.sock (27.3.1, API 1.47), 2025-01-02T03:04:05Z

                    | volume | kind | content | on disk | budget | in use by | state |
                    | --- | --- | ---: | ---: | ---: | --- | --- |
                    | pip-cache | pip | 1.5 GiB | 1.5 GiB | 2.0 GiB | dev (running), old (exited) | ok |
                    | whisper-models | whisper | 150.0 MiB | 150.0 MiB | - | - | partial file |
                    | gone | npm | - | - | 500.0 MiB | - | missing |

                    - Sizes: 'content' is the bytes of the files (a hard-linked file once, as Docker counts a volume); 'on disk' is the blocks they take, as du counts them.
                    - Disk use measured by du on the mount point: pip-cache, whisper-models
                    - Budgets held against the disk use (-Ddevcontainer-cache.budgetSize=content for the content): pip-cache
                    """);
        }

        @Test
        void escapesAPipeInAValue() {
            String md = ReportWriter.markdown(report(
                    existing("pip-cache", "p|p", 5L, null, List.of(container("odd|name", "running")))));
            assertThat(md.lines().toList()).contains(
                    "| volume | kind | content | on disk | budget | in use by | state |",
                    "| --- | --- | ---: | ---: | ---: | --- | --- |",
                    "| pip-cache | p\\|p | 5 B | 5 B | - | odd\\|name (running) | ok |");
        }

        @Test
        void noCachesSaySoAndListTheMountsThatAreNotCaches() {
            CacheReport report = report().withSkipped(List.of(new SkippedMount("h-${devcontainerId}", "/h",
                    SkippedMount.Reason.DEVCONTAINER_ID, Origin.file(java.nio.file.Path.of(".devcontainer.json"), 4))));
            assertThat(ReportWriter.markdown(report).lines().toList()).endsWith(
                    "No cache is declared or discovered.",
                    "",
                    "## Mounts that are not caches",
                    "",
                    "| where | mount | target | why |",
                    "| --- | --- | --- | --- |",
                    "| .devcontainer.json:4 | h-${devcontainerId} | /h | named after ${devcontainerId}, known only once the"
                            + " container exists; declare it in the pom by its real name to include it |");
        }
    }

    @Nested
    class SizeSources {

        @Test
        void groupsTheVolumesByHowTheirSizeWasMeasuredInTheOrderFirstSeen() {
            CacheReport report = report(
                    withSizeSource(existing("a", "pip", 1L, null, List.of()), "engine df"),
                    withSizeSource(existing("b", "pip", 1L, null, List.of()), "mount point"),
                    withSizeSource(existing("c", "pip", 1L, null, List.of()), "engine df"),
                    withSizeSource(existing("d", "pip", 1L, null, List.of()), "archive API"),
                    missing("e", "pip", null));
            assertThat(ReportWriter.sizeSources(report)).containsExactly(
                    "Sizes measured by the engine (GET /system/df): a, c",
                    "Sizes measured on the mount point: b",
                    "Sizes measured through the archive API: d");
        }

        @Test
        void missingVolumesHaveNoSource() {
            assertThat(ReportWriter.sizeSources(report(missing("e", "pip", null)))).isEmpty();
        }
    }

    @Nested
    class ContentSources {

        @Test
        void groupsTheVolumesByHowTheirContentWasReadAndSaysHowToReadEverything() {
            CacheReport report = report(
                    withContentSource(existing("a", "pip", 1L, null, List.of()), Reporter.CONTENT_STAT),
                    withContentSource(existing("b", "pip", 1L, null, List.of()), Reporter.CONTENT_WALK),
                    withContentSource(existing("c", "pip", 1L, null, List.of()), Reporter.CONTENT_STREAM),
                    withContentSource(existing("d", "whisper", 1L, null, List.of()), Reporter.CONTENT_STAT),
                    missing("e", "pip", null));
            assertThat(ReportWriter.contentSources(report)).containsExactly(
                    "Content read through the archive API, only the root's owner and the stat of known files (file"
                            + " counts, largest files and pip's layout with -Ddevcontainer-cache.content=full): a, d",
                    "Content read by a walk of the mount point: b",
                    "Content read through the archive API, every entry: c");
        }

        @Test
        void missingVolumesHaveNoSource() {
            assertThat(ReportWriter.contentSources(report(missing("e", "pip", null)))).isEmpty();
        }
    }

    @Nested
    class Insights {

        private static Findings findings(long itemCount, int items) {
            List<Findings.Item> list = new java.util.ArrayList<>();
            for (int i = 1; i <= items; i++) {
                list.add(new Findings.Item("item" + i, (long) (items - i + 1) << 20, i));
            }
            return new Findings("artifacts", list, itemCount, 0, List.of());
        }

        @Test
        void itemsLineNamesAllItemsWhenTheyFit() {
            assertThat(ReportWriter.itemsLine("m2", findings(2, 2), 5))
                    .isEqualTo("What takes the room in m2 (artifacts): item1 2.0 MiB, item2 1.0 MiB");
        }

        @Test
        void itemsLineCutsAtTheLimitAndSaysHowManyInAll() {
            assertThat(ReportWriter.itemsLine("m2", findings(7, 3), 2))
                    .isEqualTo("What takes the room in m2 (artifacts): item1 3.0 MiB, item2 2.0 MiB, ... (7 in all)");
        }

        @Test
        void itemsLineSaysHowManyInAllWhenTheReportKeptFewerThanThereAre() {
            assertThat(ReportWriter.itemsLine("m2", findings(40, 1), 5))
                    .isEqualTo("What takes the room in m2 (artifacts): item1 1.0 MiB, ... (40 in all)");
        }

        @Test
        void insightLinesShowFiveItemsOfEachCacheReadEntryByEntryAndSkipTheOthers() {
            CacheReport report = report(
                    withInsight(existing("m2", "maven", 1L, null, List.of()), insight(findings(6, 6))),
                    existing("pip", "pip", 1L, null, List.of()),
                    withInsight(existing("empty", "npm", 1L, null, List.of()), insight(findings(0, 0))),
                    missing("gone", "npm", null));
            assertThat(ReportWriter.insightLines(report)).containsExactly(
                    "What takes the room in m2 (artifacts): item1 6.0 MiB, item2 5.0 MiB, item3 4.0 MiB,"
                            + " item4 3.0 MiB, item5 2.0 MiB, ... (6 in all)");
        }
    }
}
