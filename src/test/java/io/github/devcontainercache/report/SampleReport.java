package io.github.devcontainercache.report;

import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.SkippedMount;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.VolumeScan;
import io.github.devcontainercache.content.kinds.Findings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A report as a dev container of the seed's radio project would give it: the page the README's picture shows, and the
 * bars the browser check expects of it.
 */
final class SampleReport {

    static final long KIB = 1L << 10;
    static final long MIB = 1L << 20;
    static final long GIB = 1L << 30;

    private SampleReport() {}

    static CacheReport sample() {
        List<ReportEntry> caches = List.of(
                new Cache("radio-pip-cache", "pip").content(1_288_490_189L, 3_467).disk(1_395_864_371L)
                        .budget(2_000_000_000L, "disk").users("radio-dev", "running").origin(devcontainer(9))
                        .pip("http-v2", 989_544_448L, 3_402).pip("wheels", 298_941_234L, 63).pip("selfcheck", 4_507, 2)
                        .largest("wheels/6e/f1/2b/torch-2.3.1-cp311-cp311-manylinux1_x86_64.whl", 164 * MIB)
                        .largest("http-v2/a/3/f/2/9/a3f29c7e0d5b.body", 71 * MIB)
                        .largest("http-v2/c/0/1/8/e/c018e4a92f11.body", 46 * MIB)
                        .build(),
                new Cache("radio-whisper-cache", "whisper").content(2_232_460_648L, 4).disk(2_232_479_744L)
                        .budget(1_000_000_000L, "disk").users("radio-dev", "running")
                        .users("radio-transcribe", "exited")
                        .origin(devcontainer(10))
                        .model("tiny.pt", 75_572_083L).model("base.pt", 145_262_807L).model("small.pt", 483_617_219L)
                        .model("medium.pt", 1_528_008_539L)
                        .build(),
                new Cache("hf-models", "huggingface").content(1_739_461_222L, 41).sizeSource("engine df")
                        .disk(1_739_620_352L, DiskSize.ESTIMATED_STREAM).contentSource(Reporter.CONTENT_STREAM)
                        .users("radio-dev", "running").origin(devcontainer(11))
                        .insight(new Findings("repositories (type, name, revisions)", List.of(
                                new Findings.Item("model openai/whisper-small @ main", 967 * MIB + 123_456, 14),
                                new Findings.Item("model Systran/faster-whisper-small @ main", 464 * MIB + 77_000, 7),
                                new Findings.Item("dataset google/fleurs @ refs/convert/parquet", 140 * MIB, 4),
                                new Findings.Item("model sentence-transformers/all-MiniLM-L6-v2 @ main",
                                        87 * MIB + 5_123, 16)),
                                4, 41, List.of()))
                        .build(),
                new Cache("m2-repository", "maven").content(769_654_784L, 9_812).disk(841_003_008L)
                        .origin("pom.xml")
                        .insight(new Findings("artifacts (groupId:artifactId:version)", List.of(
                                new Findings.Item("org.openjfx:javafx-web:21.0.3", 79 * MIB + 312_000, 4),
                                new Findings.Item("org.jetbrains.kotlin:kotlin-compiler-embeddable:1.9.24",
                                        57 * MIB + 88_000, 6),
                                new Findings.Item("com.ibm.icu:icu4j:74.2", 14 * MIB + 512_000, 5),
                                new Findings.Item("org.scala-lang:scala-compiler:2.13.14", 12 * MIB + 901_000, 5),
                                new Findings.Item("com.google.guava:guava:33.2.1-jre", 3 * MIB + 75_000, 6)),
                                1_482, 4_211, List.of(new Findings.Broken("org.example:radio-codec:0.4.1",
                                        "the jar does not read as a zip (truncated download)",
                                        List.of("org/example/radio-codec/0.4.1/radio-codec-0.4.1.jar",
                                                "org/example/radio-codec/0.4.1/radio-codec-0.4.1.jar.sha1"),
                                        1_204_224L))))
                        .build(),
                new Cache("npm-cache", "npm").content(432_013_312L, 12_077).disk(490_733_568L)
                        .budget(512 * MIB, "disk").origin(devcontainer(12))
                        .insight(new Findings("packages (name@version, and the registry's metadata of a name)",
                                List.of(new Findings.Item("next@14.2.4", 88 * MIB + 4_100, 1),
                                        new Findings.Item("typescript@5.4.5", 22 * MIB + 9_000, 1),
                                        new Findings.Item("@esbuild/linux-x64@0.21.5", 9 * MIB + 800_000, 1)),
                                1_207, 0, List.of()))
                        .build(),
                new Cache("radio-tts-cache", "huggingface").missing().budget(500 * MIB, null).origin(devcontainer(13))
                        .build());
        List<SkippedMount> skipped = List.of(
                new SkippedMount("radio-history-${devcontainerId}", "/commandhistory",
                        SkippedMount.Reason.DEVCONTAINER_ID, new Origin(".devcontainer/devcontainer.json:14")),
                new SkippedMount("/home/ana/radio/data", "/workspaces/radio/data", SkippedMount.Reason.BIND,
                        new Origin(".devcontainer/devcontainer.json:15")));
        return new CacheReport("unix:///var/run/docker.sock", "27.3.1", "1.47", "2025-06-12T09:41:07Z", caches,
                skipped);
    }

    /** The bars the browser check expects of a report, as its EXPECTED_JSON. */
    static String expectedBars(CacheReport report) {
        StringBuilder json = new StringBuilder("{\"bars\":[");
        List<ReportEntry> caches = report.caches();
        for (int i = 0; i < caches.size(); i++) {
            ReportEntry entry = caches.get(i);
            json.append(i == 0 ? "" : ",").append("\n  {\"volume\":\"").append(jsonText(entry.volume()))
                    .append("\",\"size\":\"").append(HtmlReportTest.barSize(entry)).append("\",\"overBudget\":")
                    .append(Boolean.TRUE.equals(entry.overBudget())).append('}');
        }
        return json.append("\n]}\n").toString();
    }

    private static String jsonText(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '<' || c == '>' || c == '&') {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String devcontainer(int line) {
        return ".devcontainer/devcontainer.json:" + line;
    }

    /** A report entry built field by field, as the sample needs it. */
    static final class Cache {
        private final String volume;
        private final String kind;
        private boolean exists = true;
        private Long size;
        private Long files;
        private String sizeSource = "mount point";
        private Long disk;
        private String diskSource = DiskSize.DU;
        private String contentSource = Reporter.CONTENT_WALK;
        private Long budget;
        private String basis;
        private final List<ReportEntry.Container> users = new ArrayList<>();
        private String owner = "1000:1000";
        private final List<CheckedFile> models = new ArrayList<>();
        private final Map<String, VolumeScan.Part> pip = new LinkedHashMap<>();
        private final List<FileEntry> largest = new ArrayList<>();
        private String origin = "pom.xml";
        private Insight insight;

        Cache(String volume, String kind) {
            this.volume = volume;
            this.kind = kind;
        }

        Cache content(long bytes, long fileCount) {
            size = bytes;
            files = fileCount;
            return this;
        }

        Cache sizeSource(String source) {
            sizeSource = source;
            return this;
        }

        Cache disk(long bytes) {
            return disk(bytes, DiskSize.DU);
        }

        Cache disk(long bytes, String source) {
            disk = bytes;
            diskSource = source;
            return this;
        }

        Cache contentSource(String source) {
            contentSource = source;
            return this;
        }

        Cache budget(long bytes, String against) {
            budget = bytes;
            basis = against;
            return this;
        }

        Cache users(String name, String state) {
            users.add(new ReportEntry.Container(name, state));
            return this;
        }

        Cache origin(String where) {
            origin = where;
            return this;
        }

        Cache model(String file, long bytes) {
            models.add(new CheckedFile(file, bytes, "0".repeat(64), bytes, FileStatus.OK));
            return this;
        }

        Cache pip(String part, long bytes, long fileCount) {
            pip.put(part, new VolumeScan.Part(bytes, fileCount));
            return this;
        }

        Cache largest(String path, long bytes) {
            largest.add(new FileEntry(path, bytes));
            return this;
        }

        Cache insight(Findings findings) {
            insight = new Insight(findings, List.of(), null, null);
            return this;
        }

        Cache missing() {
            exists = false;
            size = null;
            files = null;
            sizeSource = null;
            disk = null;
            diskSource = null;
            contentSource = null;
            owner = null;
            return this;
        }

        ReportEntry build() {
            Long held = "disk".equals(basis) ? disk : size;
            Boolean over = budget == null || held == null ? null : held > budget;
            return new ReportEntry(volume, kind, exists, size, sizeSource, disk, diskSource, contentSource, files,
                    budget, basis, over, List.copyOf(users), owner, List.copyOf(models), List.of(),
                    new LinkedHashMap<>(pip), List.copyOf(largest), origin, insight);
        }
    }
}
