package io.github.devcontainercache.report;

import static io.github.devcontainercache.report.Entries.file;
import static io.github.devcontainercache.report.Entries.fullPip;
import static io.github.devcontainercache.report.Entries.missing;
import static io.github.devcontainercache.report.Entries.withFiles;
import static io.github.devcontainercache.report.ReportWriterTest.report;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileStatus;
import java.util.ArrayList;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.kinds.CachePass;
import io.github.devcontainercache.content.kinds.Findings;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final List<String> ENTRY_KEYS = List.of("volume", "kind", "exists", "sizeBytes", "sizeSource",
            "diskBytes", "diskSource", "contentSource", "files", "budgetBytes", "budgetBasis", "overBudget", "inUseBy", "containers", "owner", "models", "checksums", "pip",
            "largestFiles", "source", "insight", "restore");

    private static List<String> keys(JsonNode node) {
        List<String> keys = new ArrayList<>();
        node.fieldNames().forEachRemaining(keys::add);
        return keys;
    }

    private static JsonNode parse(CacheReport report) throws Exception {
        return MAPPER.readTree(ReportWriter.json(report));
    }

    @Test
    void topLevelKeysAreEngineGeneratedAtAndCachesInThatOrder() throws Exception {
        JsonNode json = parse(report(fullPip()));

        assertThat(keys(json)).containsExactly("engine", "generatedAt", "caches", "skipped");
        assertThat(keys(json.get("engine"))).containsExactly("endpoint", "version", "apiVersion");
        assertThat(json.get("engine").get("endpoint").asText()).isEqualTo("unix:///var/run/docker.sock");
        assertThat(json.get("engine").get("version").asText()).isEqualTo("27.3.1");
        assertThat(json.get("engine").get("apiVersion").asText()).isEqualTo("1.47");
        assertThat(json.get("generatedAt").asText()).isEqualTo("2025-01-02T03:04:05Z");
        assertThat(json.get("caches").isArray()).isTrue();
        assertThat(json.get("caches")).hasSize(1);
    }

    @Test
    void anEntryHasEveryKeyInAFixedOrderWithItsValues() throws Exception {
        JsonNode entry = parse(report(fullPip())).get("caches").get(0);

        assertThat(keys(entry)).containsExactlyElementsOf(ENTRY_KEYS);
        assertThat(entry.get("volume").asText()).isEqualTo("pip-cache");
        assertThat(entry.get("kind").asText()).isEqualTo("pip");
        assertThat(entry.get("exists").isBoolean()).isTrue();
        assertThat(entry.get("exists").booleanValue()).isTrue();
        assertThat(entry.get("sizeBytes").isIntegralNumber()).isTrue();
        assertThat(entry.get("sizeBytes").longValue()).isEqualTo(1000);
        assertThat(entry.get("sizeSource").asText()).isEqualTo("engine df");
        assertThat(entry.get("contentSource").asText()).isEqualTo("archive API stream");
        assertThat(entry.get("files").longValue()).isEqualTo(21);
        assertThat(entry.get("budgetBytes").longValue()).isEqualTo(2000);
        assertThat(entry.get("overBudget").isBoolean()).isTrue();
        assertThat(entry.get("overBudget").booleanValue()).isFalse();
        assertThat(MAPPER.writeValueAsString(entry.get("inUseBy"))).isEqualTo("[\"dev\",\"old\"]");
        assertThat(MAPPER.writeValueAsString(entry.get("containers")))
                .isEqualTo("[{\"name\":\"dev\",\"state\":\"running\"},{\"name\":\"old\",\"state\":\"exited\"}]");
        assertThat(entry.get("owner").asText()).isEqualTo("1000:1000");
        assertThat(entry.get("models")).isEmpty();
        assertThat(MAPPER.writeValueAsString(entry.get("checksums")))
                .isEqualTo("[{\"file\":\"sums/a.bin\",\"sizeBytes\":5,\"status\":\"ok\"}]");
        assertThat(MAPPER.writeValueAsString(entry.get("pip"))).isEqualTo(
                "{\"http-v2\":{\"sizeBytes\":900,\"files\":20},\"wheels\":{\"sizeBytes\":100,\"files\":1}}");
        assertThat(MAPPER.writeValueAsString(entry.get("largestFiles"))).isEqualTo(
                "[{\"file\":\"wheels/x.whl\",\"sizeBytes\":100},{\"file\":\"http-v2/a\",\"sizeBytes\":50}]");
        assertThat(entry.get("source").asText()).isEqualTo("pom.xml");
    }

    @Test
    void anInsightHasItsKeysInAFixedOrderWithItsValues() throws Exception {
        Findings findings = new Findings("artifacts (groupId:artifactId:version)",
                List.of(new Findings.Item("org.x:lib:1.0", 300, 2)), 7, 5,
                List.of(new Findings.Broken("org.x:lib:1.0", "lib-1.0.jar truncated", List.of("repository/org/x/lib/1.0/lib-1.0.jar"), 200)));
        ReportEntry base = Entries.existing("m2", "maven", 300L, null, List.of());
        ReportEntry entry = new ReportEntry(base.volume(), base.kind(), true, base.sizeBytes(), base.sizeSource(),
                base.diskBytes(), base.diskSource(), base.contentSource(), base.files(), null, null, null, List.of(), base.owner(), List.of(), List.of(), java.util.Map.of(),
                List.of(), base.source(), new Insight(findings, List.of(new io.github.devcontainercache.content.FileEntry("a.part", 9)),
                        new CachePass.ForeignOwners(1, 9, List.of("a.part"), new Owner(0, 0)), "pip"));

        JsonNode insight = parse(report(entry)).get("caches").get(0).get("insight");

        assertThat(keys(insight)).containsExactly("unit", "itemCount", "items", "verifiedFiles", "broken",
                "unfinishedDownloads", "foreignOwners", "otherLayout");
        assertThat(MAPPER.writeValueAsString(insight.get("items")))
                .isEqualTo("[{\"name\":\"org.x:lib:1.0\",\"sizeBytes\":300,\"files\":2}]");
        assertThat(MAPPER.writeValueAsString(insight.get("broken"))).isEqualTo("[{\"entry\":\"org.x:lib:1.0\","
                + "\"problem\":\"lib-1.0.jar truncated\",\"files\":[\"repository/org/x/lib/1.0/lib-1.0.jar\"],\"sizeBytes\":200}]");
        assertThat(MAPPER.writeValueAsString(insight.get("foreignOwners")))
                .isEqualTo("{\"files\":1,\"sizeBytes\":9,\"firstOwner\":\"0:0\",\"examples\":[\"a.part\"]}");
        assertThat(insight.get("otherLayout").asText()).isEqualTo("pip");
        assertThat(insight.get("itemCount").asLong()).isEqualTo(7);
        assertThat(entry.state()).isEqualTo("broken entry");
    }

    @Test
    void aMissingCacheHasTheSameKeysWithNullsForWhatIsNotKnown() throws Exception {
        JsonNode entry = parse(report(missing("gone", "npm", null))).get("caches").get(0);

        assertThat(keys(entry)).containsExactlyElementsOf(ENTRY_KEYS);
        assertThat(entry.get("exists").booleanValue()).isFalse();
        for (String key : List.of("sizeBytes", "sizeSource", "diskBytes", "diskSource", "contentSource", "files",
                "budgetBytes", "budgetBasis", "overBudget", "owner")) {
            assertThat(entry.get(key).isNull()).as(key).isTrue();
        }
        for (String key : List.of("inUseBy", "containers", "models", "checksums", "largestFiles")) {
            assertThat(entry.get(key).isArray()).as(key).isTrue();
            assertThat(entry.get(key)).as(key).isEmpty();
        }
        assertThat(entry.get("pip").isObject()).isTrue();
        assertThat(entry.get("pip")).isEmpty();
    }

    @Test
    void aMissingCacheKeepsItsBudget() throws Exception {
        JsonNode entry = parse(report(missing("gone", "npm", 500L))).get("caches").get(0);
        assertThat(entry.get("budgetBytes").longValue()).isEqualTo(500);
        assertThat(entry.get("overBudget").isNull()).isTrue();
    }

    @Test
    void unknownEngineValuesAreNulls() throws Exception {
        JsonNode json = parse(new CacheReport(null, null, null, null, List.of()));
        assertThat(keys(json)).containsExactly("engine", "generatedAt", "caches", "skipped");
        assertThat(json.get("engine").get("endpoint").isNull()).isTrue();
        assertThat(json.get("engine").get("version").isNull()).isTrue();
        assertThat(json.get("engine").get("apiVersion").isNull()).isTrue();
        assertThat(json.get("generatedAt").isNull()).isTrue();
        assertThat(json.get("caches")).isEmpty();
    }

    @Test
    void modelsAreFileSizeBytesAndStatusWithNullForAnUnknownSize() throws Exception {
        ReportEntry whisper = withFiles(fullPip(), List.of(
                        file("tiny.pt", 75572083, FileStatus.OK),
                        file("base.pt", 10, FileStatus.PARTIAL),
                        file("small.pt", 483617220, FileStatus.CORRUPT),
                        file("medium.pt", 1528008539, FileStatus.UNVERIFIED),
                        new CheckedFile("gone.pt", -1, "0".repeat(64), -1, FileStatus.MISSING)),
                List.of());
        JsonNode models = parse(report(whisper)).get("caches").get(0).get("models");

        assertThat(models).hasSize(5);
        for (JsonNode model : models) {
            assertThat(keys(model)).containsExactly("file", "sizeBytes", "status");
        }
        assertThat(MAPPER.writeValueAsString(models)).isEqualTo("["
                + "{\"file\":\"tiny.pt\",\"sizeBytes\":75572083,\"status\":\"ok\"},"
                + "{\"file\":\"base.pt\",\"sizeBytes\":10,\"status\":\"partial\"},"
                + "{\"file\":\"small.pt\",\"sizeBytes\":483617220,\"status\":\"corrupt\"},"
                + "{\"file\":\"medium.pt\",\"sizeBytes\":1528008539,\"status\":\"unverified\"},"
                + "{\"file\":\"gone.pt\",\"sizeBytes\":null,\"status\":\"missing\"}]");
    }

    @Test
    void sizesAboveTwoGigabytesStayExactIntegers() throws Exception {
        ReportEntry big = withFiles(fullPip(), List.of(file("large-v3.pt", 3087371615L, FileStatus.UNVERIFIED)),
                List.of());
        JsonNode model = parse(report(big)).get("caches").get(0).get("models").get(0);
        assertThat(model.get("sizeBytes").isIntegralNumber()).isTrue();
        assertThat(model.get("sizeBytes").longValue()).isEqualTo(3087371615L);
    }

    @Test
    void isDeterministicAndEndsWithANewline() {
        String first = ReportWriter.json(report(fullPip(), missing("gone", "npm", 500L)));
        String second = ReportWriter.json(report(fullPip(), missing("gone", "npm", 500L)));

        assertThat(second).isEqualTo(first);
        assertThat(first).endsWith("}\n").startsWith("{");
        assertThat(first.lines().count()).isGreaterThan(10); // pretty-printed, one value a line
    }

    @Test
    void keepsTheOrderOfTheCaches() throws Exception {
        JsonNode caches = parse(report(missing("b", "npm", null), fullPip(), missing("a", "npm", null)))
                .get("caches");
        assertThat(caches.findValuesAsText("volume")).containsExactly("b", "pip-cache", "a");
    }
}
