package io.github.devcontainercache.caches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ContainerNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.devcontainercache.caches.CacheSpec;
import io.github.devcontainercache.caches.InvalidCachesException;
import io.github.devcontainercache.fuzz.FuzzRun;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tens of thousands of hostile dev container configurations through {@link DevcontainerDiscovery#discover}, which
 * reads devcontainer.json (JSON with comments), the compose files it names (YAML) and the .env beside them: random
 * text and byte mutations of valid configurations, nesting 100000 levels deep, enormous strings, keys and numbers,
 * YAML alias bombs ("billion laughs") and merge-key chains, wrong types everywhere, invalid UTF-8, and texts that make
 * variable substitution costly. Each must end in a result or an {@link InvalidCachesException}, within a time limit
 * and without allocating without bound.
 *
 * <p>Inputs derive from {@link #SEED} and their index: {@code -Dconfig.fuzz.seed=N} tries others, and a failure names
 * the input to replay with {@link #input(int)}.
 */
class ConfigReaderFuzzTest {

    static final long SEED = Long.getLong("config.fuzz.seed", 0xC0F1_65EE_D002L);
    /** Every one runs, whatever the machine's speed: about 20 s on the 2-core CI machine. */
    static final int INPUTS = Integer.getInteger("config.fuzz.inputs", 15_000);
    /** A guard for the whole run: far more than it takes. */
    static final long BUDGET_SECONDS = 300;
    static final long INPUT_TIMEOUT_MILLIS = 15_000;
    /** Slower than this, an input is a failure even if it ends (generous, for a busy machine: unfixed, bombs hang). */
    static final long SLOW_MILLIS = 5_000;
    static final long MAX_ALLOCATED = 512L << 20;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    @TempDir
    Path temp;

    static final String DEVCONTAINER = """
            // comments and trailing commas
            {
              "name": "radio", /* inline */
              "image": "mcr.microsoft.com/devcontainers/python:3.12",
              "workspaceFolder": "/workspaces/${localWorkspaceFolderBasename}",
              "mounts": [
                "source=radio-pip-cache,target=/home/vscode/.cache/pip,type=volume",
                "src=${localWorkspaceFolderBasename}-whisper,dst=${containerWorkspaceFolder}/.cache/whisper",
                {"source": "m2-${localEnv:USER:nobody}", "target": "/root/.m2", "type": "volume"},
                {"type": "bind", "source": "${localWorkspaceFolder}/data", "target": "/data"},
                "source=history-${devcontainerId},target=/history,type=volume",
                "type=tmpfs,target=/tmp/scratch",
              ],
              "runArgs": ["--init", "-v", "npm:/home/node/.npm", "--mount=type=volume,src=hf,dst=/hf"],
              "workspaceMount": "source=src,target=/src,type=volume",
            }
            """;

    static final String COMPOSE_DEVCONTAINER = """
            {
              "dockerComposeFile": ["docker-compose.yml"],
              "service": "app",
              "runServices": ["app", "db"],
              "workspaceFolder": "/workspace",
            }
            """;

    static final String COMPOSE = """
            name: ${PROJECT:-radio}
            x-common: &common
              image: mcr.microsoft.com/devcontainers/base
              volumes:
                - shared:/shared:ro
            services:
              app:
                <<: *common
                volumes:
                  - ..:/workspace:cached
                  - pip-cache:/home/vscode/.cache/pip
                  - "${CACHE:-models}:/opt/models"
                  - type: volume
                    source: whisper
                    target: /home/vscode/.cache/whisper
              db:
                image: postgres
                volumes: [db-data:/var/lib/postgresql/data]
            volumes:
              pip-cache:
              models: {name: "${PREFIX-p}-models"}
              whisper: {}
              shared: {external: true}
              db-data: {external: {name: legacy}}
            """;

    static final String DOT_ENV = "COMPOSE_PROJECT_NAME=from_dotenv\nCACHE=models\nexport PREFIX='pre'\n";

    /** One input: how it was made, and the bytes of each file (null: no such file). */
    record Input(String how, byte[] devcontainer, byte[] compose, byte[] dotEnv, Map<String, String> environment) {}

    @Test
    void everyConfigurationEndsInCachesOrACleanError() throws Exception {
        Path scratch = FuzzRun.scratch(temp, "config");
        Path workspace = scratch.resolve("workspace");
        Path folder = Files.createDirectories(workspace.resolve(".devcontainer"));
        try (FuzzRun run = new FuzzRun("config", SEED, INPUT_TIMEOUT_MILLIS, BUDGET_SECONDS, MAX_ALLOCATED)) {
            List<Input> fixed = fixed();
            for (int index = -fixed.size(); index < INPUTS && run.goOn(); index++) {
                int current = index;
                Input input = index < 0 ? fixed.get(fixed.size() + index) : input(index);
                write(folder.resolve("devcontainer.json"), input.devcontainer);
                write(folder.resolve("docker-compose.yml"), input.compose);
                write(folder.resolve(".env"), input.dotEnv);
                long started = System.nanoTime();
                long inputBytes = length(input.devcontainer) + length(input.compose) + length(input.dotEnv);
                run.run(() -> discover(workspace, input.environment, inputBytes), () -> describe(current, input));
                long millis = (System.nanoTime() - started) / 1_000_000;
                if (millis > SLOW_MILLIS && millis < INPUT_TIMEOUT_MILLIS) {
                    run.fail("slow: " + input.how, millis + " ms for " + describe(current, input));
                }
            }
            System.out.println(run.summary("clean errors", "results"));
            System.out.println(run.extremes());
            if (!run.failures().isEmpty()) {
                fail(run.failures().size() + " kinds of failure (first input of each):\n\n"
                        + String.join("\n\n", run.failures().values()));
            }
            assertThat(run.inputs()).as("inputs run within the budget").isEqualTo(INPUTS + fixed.size());
            // the mutations must leave enough configurations whole to reach past the parsers
            assertThat(run.accepted()).isGreaterThan(run.inputs() / 20);
            assertThat(run.refused()).isGreaterThan(run.inputs() / 20);
        } finally {
            FuzzRun.deleteTree(scratch);
        }
    }

    private static long length(byte[] bytes) {
        return bytes == null ? 0 : bytes.length;
    }

    private static FuzzRun.Outcome discover(Path workspace, Map<String, String> environment, long inputBytes) {
        DevcontainerDiscovery.Result result;
        try {
            result = DevcontainerDiscovery.discover(workspace, DevcontainerDiscovery.configurationsIn(workspace),
                    environment);
        } catch (InvalidCachesException clean) {
            assertThat(clean.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem).isNotBlank());
            // a problem per mount: as long as the input, give or take, never more
            assertThat((long) clean.getMessage().length()).as("length of the message").isLessThan(32 * inputBytes + 65_536);
            return FuzzRun.Outcome.REFUSED;
        }
        assertThat(result.caches()).doesNotContainNull();
        for (CacheSpec cache : result.caches()) {
            assertThat(cache.volume()).as("volume of %s", cache).isNotNull();
            assertThat(cache.target()).as("target of %s", cache).isNotNull();
            assertThat(cache.origin().description()).as("origin of %s", cache).matches("(?s).+:-?\\d+");
        }
        assertThat(result.notes()).allSatisfy(note -> assertThat(note).isNotBlank());
        return FuzzRun.Outcome.ACCEPTED;
    }

    private static void write(Path file, byte[] content) throws IOException {
        if (content == null) {
            Files.deleteIfExists(file);
        } else if (!Files.exists(file) || Files.size(file) != content.length
                || !java.util.Arrays.equals(Files.readAllBytes(file), content)) {
            Files.write(file, content);
        }
    }

    // ---- the inputs -----------------------------------------------------------------------------------------

    /** Input {@code index}: the same on every run with the same seed. */
    static Input input(int index) {
        Random random = new Random(SEED * 31 + index);
        boolean compose = random.nextInt(3) == 0;
        String json = compose ? COMPOSE_DEVCONTAINER : DEVCONTAINER;
        String yaml = compose ? COMPOSE : null;
        String dotEnv = compose && random.nextBoolean() ? DOT_ENV : null;
        Map<String, String> environment = switch (random.nextInt(4)) {
            case 0 -> Map.of();
            case 1 -> Map.of("USER", "fuzz", "PREFIX", "pre", "CACHE", "c", "COMPOSE_PROJECT_NAME", "Env");
            case 2 -> Map.of("USER", "", "HOME", "/home/fuzz", "COMPOSE_PROJECT_NAME", "");
            default -> Map.of("USER", "u".repeat(1_000), "CACHE", "${CACHE}");
        };
        List<String> how = new ArrayList<>();
        byte[] jsonBytes = null;
        byte[] yamlBytes = null;
        int kind = random.nextInt(100);
        if (kind < 38) {
            json = mutateText(json, random, how, "json");
        } else if (kind < 58) {
            if (yaml == null) {
                json = COMPOSE_DEVCONTAINER;
                yaml = COMPOSE;
            }
            yaml = mutateText(yaml, random, how, "yaml");
        } else if (kind < 68) {
            if (yaml != null && random.nextBoolean()) {
                yamlBytes = mutateBytes(yaml.getBytes(StandardCharsets.UTF_8), random, how, "yaml");
            } else {
                jsonBytes = mutateBytes(json.getBytes(StandardCharsets.UTF_8), random, how, "json");
            }
        } else if (kind < 80) {
            json = wrongTypes(json, random, how);
            if (yaml != null && random.nextBoolean()) {
                yaml = wrongYamlTypes(yaml, random, how);
            }
        } else if (kind < 83) {
            String[] pair = deepNesting(random, how);
            json = pair[0] != null ? pair[0] : COMPOSE_DEVCONTAINER;
            yaml = pair[1];
        } else if (kind < 85) {
            String[] pair = enormous(random, how);
            json = pair[0] != null ? pair[0] : COMPOSE_DEVCONTAINER;
            yaml = pair[1];
        } else if (kind < 91) {
            json = COMPOSE_DEVCONTAINER;
            yaml = aliases(random, how);
        } else if (kind < 93) {
            String[] pair = numbers(random, how);
            json = pair[0] != null ? pair[0] : COMPOSE_DEVCONTAINER;
            yaml = pair[1];
        } else if (kind < 98) {
            String[] triple = variables(random, how);
            json = triple[0] != null ? triple[0] : COMPOSE_DEVCONTAINER;
            yaml = triple[1];
            dotEnv = triple[2];
        } else {
            String[] pair = many(random, how);
            json = pair[0] != null ? pair[0] : COMPOSE_DEVCONTAINER;
            yaml = pair[1];
        }
        if (random.nextInt(20) == 0) {
            json = json.replace("\n", "\r\n");
            how.add("CRLF");
        }
        return new Input(String.join("; ", how),
                jsonBytes != null ? jsonBytes : json.getBytes(StandardCharsets.UTF_8),
                yamlBytes != null ? yamlBytes : yaml == null ? null : yaml.getBytes(StandardCharsets.UTF_8),
                dotEnv == null ? null : dotEnv.getBytes(StandardCharsets.UTF_8), environment);
    }

    /** The worst of each kind, run first whatever the seed: each once hung discovery or exhausted its heap. */
    static List<Input> fixed() {
        byte[] compose = COMPOSE_DEVCONTAINER.getBytes(StandardCharsets.UTF_8);
        StringBuilder laughs = new StringBuilder("x-m: &m {type: volume, source: v, target: /t}\nx-v: &v [");
        laughs.append(String.join(", ", java.util.Collections.nCopies(20_000, "*m"))).append("]\nx-s: &s {volumes: *v}\n");
        laughs.append("services:\n");
        for (int i = 0; i < 20_000; i++) {
            laughs.append("  s").append(i).append(": *s\n");
        }
        StringBuilder merges = new StringBuilder("x-0: &a0 {k0: 1}\n");
        for (int i = 1; i < 50_000; i++) {
            merges.append("x-").append(i).append(": &a").append(i).append(" {<<: *a").append(i - 1).append(", k")
                    .append(i).append(": 1}\n");
        }
        merges.append("services: {app: {<<: *a49999, volumes: [v:/v]}}\n");
        return List.of(
                fixedInput("'${' 500000 times in a mount", "{\"mounts\": [\"source=" + "${".repeat(500_000)
                        + ",target=/x,type=volume\"]}", null, null),
                fixedInput("a workspace folder of 1000000 slashes", "{\"workspaceFolder\": \"" + "/".repeat(1_000_000)
                        + "x\", \"mounts\": [\"source=a,target=/${containerWorkspaceFolderBasename}\"]}", null, null),
                fixedInput("'${a:-' 500000 times in a compose mount", COMPOSE_DEVCONTAINER, "services:\n  app:\n"
                        + "    volumes:\n      - \"" + ("${a:-".repeat(10_000) + "\n        ").repeat(50) + ":/x\"\n", null),
                fixedInput("20000 services of 20000 aliased volumes", COMPOSE_DEVCONTAINER, laughs.toString(), null),
                fixedInput("50000 merge keys chained", COMPOSE_DEVCONTAINER, merges.toString(), null),
                fixedInput("a YAML line of 3 MB", COMPOSE_DEVCONTAINER, "name: " + "n".repeat(3_000_000) + "\n", null),
                fixedInput("a .env value of 1 MB used 100000 times", COMPOSE_DEVCONTAINER, "services:\n  app:\n"
                        + "    volumes:\n      - \"" + ("${BIG}".repeat(1_000) + "\n        ").repeat(100) + ":/x\"\n",
                        "BIG=" + "b".repeat(1 << 20) + "\n"),
                fixedInput("a .env of 8 MB", COMPOSE_DEVCONTAINER, "services: {app: {volumes: [\"${K}:/x\"]}}\n",
                        ("K=" + "v".repeat(1_000) + "\n").repeat(8_000)),
                fixedInput("JSON 100000 levels deep", "{\"mounts\": " + "[".repeat(100_000), null, null),
                fixedInput("YAML 100000 levels deep", COMPOSE_DEVCONTAINER, "services: " + "{a: ".repeat(100_000), null));
    }

    private static Input fixedInput(String how, String json, String yaml, String dotEnv) {
        return new Input("fixed: " + how, json.getBytes(StandardCharsets.UTF_8),
                yaml == null ? null : yaml.getBytes(StandardCharsets.UTF_8),
                dotEnv == null ? null : dotEnv.getBytes(StandardCharsets.UTF_8), Map.of());
    }

    static final List<String> TOKENS = List.of("{", "}", "[", "]", "\"", ",", ":", "//", "/*", "*/", "\n", "\r", "\t",
            " ", "\\", "\\u0000", "\\uD800", "null", "true", "1e999999", "-0", "0x1F", "NaN", "${", "${}",
            "${devcontainerId}", "${localEnv:", "${env:}", "${containerWorkspaceFolderBasename}", "${VAR:?}", "-v",
            "--mount", "type=volume", "type=floppy", "source=", "target=", ",,", "&a ", "*a", "<<: *a", "<<: [*a, *a]",
            "- ", "? ", "!!binary ", "!!python/object ", "!<tag:yaml.org,2002:str> ", "---\n", "...\n", "%YAML 1.1\n",
            "%TAG ! tag:x,2000:\n", "'", "|", ">", "#", "~", "@", "`", "\uFEFF", "\u2028", "\u0085", "é", "\uD83D\uDE00",
            "external: true", "name: ", "volumes:", "services:", "\n  - x:/x\n", "../../../../etc/passwd", "C:\\\\",
            "\"dockerComposeFile\": 5,", "\"service\": {},", "\"mounts\": [[[]]],", "\"runArgs\": [1, null, {}],");

    private static String mutateText(String text, Random random, List<String> how, String where) {
        StringBuilder out = new StringBuilder(text);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
            switch (random.nextInt(8)) {
                case 0 -> {
                    int end = Math.min(out.length(), at + 1 + random.nextInt(20));
                    out.delete(at, end);
                    how.add(where + ": deleted " + at + ".." + end);
                }
                case 1, 2, 3 -> {
                    String token = TOKENS.get(random.nextInt(TOKENS.size()));
                    out.insert(at, token);
                    how.add(where + ": '" + FuzzRun.printable(token) + "' at " + at);
                }
                case 4 -> {
                    int end = Math.min(out.length(), at + 1 + random.nextInt(80));
                    out.insert(end, out.substring(at, end));
                    how.add(where + ": " + at + ".." + end + " doubled");
                }
                case 5 -> {
                    out.setLength(at);
                    how.add(where + ": cut at " + at);
                }
                case 6 -> {
                    if (out.length() > 1) {
                        int other = random.nextInt(out.length());
                        int one = Math.min(at, out.length() - 1);
                        char c = out.charAt(one);
                        out.setCharAt(one, out.charAt(other));
                        out.setCharAt(other, c);
                        how.add(where + ": " + one + " and " + other + " swapped");
                    }
                }
                default -> {
                    StringBuilder noise = new StringBuilder();
                    for (int n = 1 + random.nextInt(6); n > 0; n--) {
                        int c = random.nextInt(Character.MAX_CODE_POINT + 1);
                        noise.appendCodePoint(Character.isSurrogate((char) c) && c <= 0xFFFF ? '?' : c);
                    }
                    out.insert(at, noise);
                    how.add(where + ": random code points at " + at);
                }
            }
        }
        return out.toString();
    }

    /** Invalid UTF-8, stray NULs and BOMs, bits flipped: bytes no text editor writes. */
    private static byte[] mutateBytes(byte[] bytes, Random random, List<String> how, String where) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = random.nextInt(bytes.length + 1);
        switch (random.nextInt(4)) {
            case 0 -> {
                byte[] copy = bytes.clone();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
                }
                out.writeBytes(copy);
                how.add(where + ": bits flipped");
            }
            case 1 -> {
                byte[] bad = List.of(new byte[] {(byte) 0xc3, 0x28}, new byte[] {(byte) 0xff, (byte) 0xfe},
                        new byte[] {(byte) 0xed, (byte) 0xa0, (byte) 0x80}, new byte[] {(byte) 0xc0, (byte) 0xaf},
                        new byte[] {(byte) 0xf4, (byte) 0x90, (byte) 0x80, (byte) 0x80}, new byte[] {0},
                        new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, new byte[] {(byte) 0xe2, (byte) 0x82})
                        .get(random.nextInt(8));
                out.write(bytes, 0, at);
                out.writeBytes(bad);
                out.write(bytes, at, bytes.length - at);
                how.add(where + ": odd bytes at " + at);
            }
            case 2 -> {
                byte[] noise = new byte[1 + random.nextInt(64)];
                random.nextBytes(noise);
                out.write(bytes, 0, at);
                out.writeBytes(noise);
                out.write(bytes, at, bytes.length - at);
                how.add(where + ": " + noise.length + " random bytes at " + at);
            }
            default -> {
                byte[] noise = new byte[random.nextInt(4_096)];
                random.nextBytes(noise);
                out.writeBytes(noise);
                how.add(where + ": only " + noise.length + " random bytes");
            }
        }
        return out.toByteArray();
    }

    /** The JSON with values replaced by values of other types, anywhere in the tree. */
    private static String wrongTypes(String json, Random random, List<String> how) {
        ObjectNode root;
        try {
            root = (ObjectNode) JSON.readTree(json.replaceAll("(?m)^\\s*//.*$", "").replaceAll("/\\*.*?\\*/", "")
                    .replaceAll(",(\\s*[}\\]])", "$1"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            List<Object[]> places = new ArrayList<>();
            collect(root, places);
            Object[] place = places.get(random.nextInt(places.size()));
            JsonNode value = oddValue(random);
            if (place[0] instanceof ObjectNode object) {
                object.set((String) place[1], value);
            } else {
                ((ArrayNode) place[0]).set((Integer) place[1], value);
            }
            how.add("json: " + place[1] + " = " + FuzzRun.printable(shortly(value.toString())));
        }
        return root.toString();
    }

    /** The YAML with a value replaced by one of another type, in flow style, where a value was. */
    private static String wrongYamlTypes(String yaml, Random random, List<String> how) {
        String[] lines = yaml.split("\n", -1);
        int line = random.nextInt(lines.length);
        int colon = lines[line].indexOf(": ");
        int dash = lines[line].indexOf("- ");
        String value = List.of("[]", "{}", "null", "5", "-1.5e300", "true", "[[[]]]", "{a: {b: [1]}}", "~", "''",
                "!!binary aGVsbG8=", "*common", "[*common, *common]", "2001-01-01", "0x10", ".inf", "{? [a] : b}")
                .get(random.nextInt(17));
        if (colon >= 0) {
            lines[line] = lines[line].substring(0, colon + 2) + value;
        } else if (dash >= 0) {
            lines[line] = lines[line].substring(0, dash + 2) + value;
        } else {
            lines[line] = lines[line] + " " + value;
        }
        how.add("yaml: line " + (line + 1) + " value " + value);
        return String.join("\n", lines);
    }

    private static void collect(ContainerNode<?> node, List<Object[]> places) {
        if (node instanceof ObjectNode object) {
            object.fieldNames().forEachRemaining(name -> {
                places.add(new Object[] {object, name});
                if (object.get(name) instanceof ContainerNode<?> child) {
                    collect(child, places);
                }
            });
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                places.add(new Object[] {array, i});
                if (array.get(i) instanceof ContainerNode<?> child) {
                    collect(child, places);
                }
            }
        }
    }

    private static JsonNode oddValue(Random random) {
        return switch (random.nextInt(12)) {
            case 0 -> NODES.nullNode();
            case 1 -> NODES.numberNode(random.nextLong());
            case 2 -> NODES.numberNode(new BigInteger("9".repeat(1 + random.nextInt(99))));
            case 3 -> NODES.numberNode(-1.5e300);
            case 4 -> NODES.booleanNode(random.nextBoolean());
            case 5 -> NODES.objectNode();
            case 6 -> NODES.arrayNode();
            case 7 -> NODES.arrayNode().add(NODES.arrayNode().add(NODES.objectNode().put("a", 1)));
            case 8 -> NODES.objectNode().put("source", 1).put("target", true).put("type", "volume");
            case 9 -> NODES.textNode("");
            case 10 -> NODES.textNode("\u0000\uFFFF${");
            default -> NODES.arrayNode().add("-v").add(NODES.nullNode()).add("--mount").add(5);
        };
    }

    /** Nesting far beyond any limit, in every syntax: JSON, YAML flow, YAML blocks. */
    private static String[] deepNesting(Random random, List<String> how) {
        int depth = List.of(201, 1_000, 100_000).get(random.nextInt(3));
        String[] pair = new String[2];
        switch (random.nextInt(8)) {
            case 0 -> pair[0] = "{\"mounts\": " + "[".repeat(depth) + "]".repeat(depth) + "}";
            case 1 -> pair[0] = "{\"mounts\": " + "{\"a\":".repeat(depth) + "1" + "}".repeat(depth) + "}";
            case 2 -> pair[0] = "{\"mounts\": " + "[".repeat(depth);
            case 3 -> pair[1] = "services: " + "[".repeat(depth) + "]".repeat(depth) + "\n";
            case 4 -> pair[1] = "services: " + "{a: ".repeat(depth) + "1" + "}".repeat(depth) + "\n";
            case 5 -> {
                StringBuilder yaml = new StringBuilder("services:\n");
                for (int i = 0; i < Math.min(depth, 1_500); i++) {
                    yaml.append(" ".repeat(i + 1)).append("k").append(i).append(":\n");
                }
                pair[1] = yaml.toString();
            }
            case 6 -> pair[1] = "services:\n" + "- ".repeat(Math.min(depth, 30_000)) + "x\n";
            default -> pair[1] = "services:\n  app:\n    volumes: " + "[".repeat(depth) + "\n";
        }
        how.add("nesting " + depth + " deep, form " + (pair[0] != null ? "json" : "yaml"));
        return pair;
    }

    /** Strings, keys and documents past every limit. */
    private static String[] enormous(Random random, List<String> how) {
        int length = List.of(60_000, 1_100_000, 3_000_000).get(random.nextInt(3));
        String[] pair = new String[2];
        String big = "v".repeat(length);
        switch (random.nextInt(8)) {
            case 0 -> pair[0] = "{\"mounts\": [\"source=" + big + ",target=/x\"]}";
            case 1 -> pair[0] = "{\"" + big + "\": 1}";
            case 2 -> pair[0] = "{\"mounts\": [\"source=a,target=/x\"]}" + " ".repeat(4 * 1024 * 1024);
            case 3 -> pair[1] = "services:\n  app:\n    volumes:\n      - " + big.substring(0, Math.min(length, 60_000))
                    + ":/x\n";
            case 4 -> pair[1] = "\"" + big.substring(0, Math.min(length, 60_000)) + "\": 1\nservices: {}\n";
            case 5 -> pair[1] = "services:\n  app:\n    volumes:\n      - |\n" + ("        " + "w".repeat(70) + "\n")
                    .repeat(Math.min(length, 3_000_000) / 80);
            case 6 -> pair[1] = "name: " + big + "\n";
            default -> pair[1] = "services:\n  app:\n    volumes:\n      - \"" + ("x".repeat(60) + "\n        ")
                    .repeat(length / 70) + ":/x\"\n";
        }
        how.add("enormous (" + length + "), form " + (pair[0] != null ? "json" : "yaml"));
        return pair;
    }

    /** Aliases of aliases, merge keys chained, cyclic or undefined, aliases as keys: all over the compose file. */
    private static String aliases(Random random, List<String> how) {
        int width = 2 + random.nextInt(9);
        int levels = 2 + random.nextInt(8);
        StringBuilder yaml = new StringBuilder();
        int form = random.nextInt(9);
        switch (form) {
            case 0 -> { // billion laughs, walked by discovery: services of volumes of aliases
                yaml.append("x-m: &m {type: volume, source: v, target: /t}\nx-l0: &l0 [");
                yaml.append(String.join(", ", java.util.Collections.nCopies(width, "*m"))).append("]\n");
                yaml.append("x-s: &s {volumes: *l0}\nservices:\n");
                for (int i = 0; i < width * 200; i++) {
                    yaml.append("  s").append(i).append(": *s\n");
                }
            }
            case 1 -> { // billion laughs, nested lists
                yaml.append("x-0: &a0 [\"lol\", \"lol\"]\n");
                for (int level = 1; level <= levels; level++) {
                    yaml.append("x-").append(level).append(": &a").append(level).append(" [");
                    yaml.append(String.join(", ", java.util.Collections.nCopies(width, "*a" + (level - 1))));
                    yaml.append("]\n");
                }
                yaml.append("services:\n  app:\n    volumes: *a").append(levels).append("\n");
            }
            case 2 -> { // merge keys chained: each object merges the one before
                int chain = List.of(10, 1_000, 5_000).get(random.nextInt(3));
                yaml.append("x-0: &a0 {k0: 1}\n");
                for (int i = 1; i < chain; i++) {
                    yaml.append("x-").append(i).append(": &a").append(i).append(" {<<: *a").append(i - 1)
                            .append(", k").append(i).append(": 1}\n");
                }
                yaml.append("services:\n  app:\n    <<: *a").append(chain - 1).append("\n    volumes: [v:/v]\n");
            }
            case 3 -> { // merge keys listing the same object many times
                yaml.append("x-big: &big {");
                for (int i = 0; i < 2_000; i++) {
                    yaml.append(i == 0 ? "" : ", ").append("k").append(i).append(": ").append(i);
                }
                yaml.append("}\nservices:\n");
                for (int i = 0; i < 200; i++) {
                    yaml.append("  s").append(i).append(": {<<: [").append(String.join(", ",
                            java.util.Collections.nCopies(width, "*big"))).append("], volumes: [v:/v]}\n");
                }
            }
            case 4 -> yaml.append("x-a: &a {<<: *b}\nx-b: &b {<<: *a}\nservices: {app: *a}\n"); // a cycle
            case 5 -> yaml.append("x-a: &a [*a]\nservices: {app: {volumes: *a}}\n"); // itself
            case 6 -> yaml.append("x: &a {volumes: [one:/one]}\nx2: &a {volumes: [two:/two]}\n"
                    + "services: {app: *a, other: {<<: *a}}\n"); // an anchor named twice
            case 7 -> yaml.append("x: &k volumes\nservices:\n  app:\n    *k : [a:/a]\n    ? *k\n    : [b:/b]\n");
            default -> yaml.append("services:\n  app: &app\n    volumes:\n      - *undefined\n  db: *app\n");
        }
        how.add("aliases, form " + form + ", width " + width + ", levels " + levels);
        return yaml.toString();
    }

    private static String[] numbers(Random random, List<String> how) {
        String number = List.of("1e999999", "-1e-999999", "9".repeat(99), "9".repeat(101), "9".repeat(5_000),
                "0x7fffffffffffffffff", "1_000_000", ".inf", "-.nan", "0o777", "1.5e308", "-0", "00012")
                .get(random.nextInt(13));
        String[] pair = new String[2];
        if (random.nextBoolean()) {
            pair[0] = "{\"mounts\": [" + number + ", {\"source\": " + number + ", \"target\": " + number
                    + ", \"type\": \"volume\"}], \"runArgs\": [\"-v\", " + number + "], \"workspaceFolder\": " + number
                    + ", \"" + number + "\": " + number + "}";
        } else {
            pair[1] = "name: " + number + "\nservices:\n  app:\n    volumes:\n      - " + number
                    + "\n      - {type: volume, source: " + number + ", target: " + number + "}\nvolumes:\n  "
                    + number + ": {name: " + number + ", external: " + number + "}\n";
        }
        how.add("number " + shortly(number) + " in " + (pair[0] != null ? "json" : "yaml"));
        return pair;
    }

    /** Texts whose variables cost the square of their length to find, or that grow with every substitution. */
    private static String[] variables(Random random, List<String> how) {
        int count = List.of(1_000, 30_000, 200_000).get(random.nextInt(3));
        String[] triple = new String[3];
        switch (random.nextInt(6)) {
            case 0 -> triple[0] = "{\"mounts\": [\"source=" + "${".repeat(count) + ",target=/x,type=volume\"]}";
            case 1 -> triple[0] = "{\"workspaceFolder\": \"" + "/".repeat(count) + "x\", \"mounts\": "
                    + "[\"source=a,target=/${containerWorkspaceFolderBasename},type=volume\"]}";
            case 2 -> triple[0] = "{\"runArgs\": [\"-v\", \"" + "${localEnv:USER}".repeat(count / 10) + ":/x\"]}";
            case 3 -> triple[1] = "services:\n  app:\n    volumes:\n      - \"" + "${a:-".repeat(Math.min(count, 10_000))
                    + ":/x\"\n";
            case 4 -> { // a .env value used many times
                triple[2] = "BIG=" + "b".repeat(1 << 20) + "\n";
                triple[1] = "services:\n  app:\n    volumes:\n      - \"" + ("${BIG}" + "\n        ")
                        .repeat(Math.min(count, 50_000)) + ":/x\"\n";
            }
            default -> { // a .env file larger than any
                triple[2] = ("K=" + "v".repeat(1_000) + "\n").repeat(5_000);
                triple[1] = "services:\n  app:\n    volumes: [\"${K}:/x\"]\n";
            }
        }
        how.add("variables x" + count + " in " + (triple[0] != null ? "json" : "yaml")
                + (triple[2] != null ? " with a .env of " + triple[2].length() : ""));
        return triple;
    }

    /** Many mounts, services and volumes: wide rather than deep. */
    private static String[] many(Random random, List<String> how) {
        int count = List.of(1_000, 5_000, 20_000).get(random.nextInt(3));
        String[] pair = new String[2];
        StringBuilder text = new StringBuilder();
        switch (random.nextInt(3)) {
            case 0 -> {
                text.append("{\"mounts\": [");
                for (int i = 0; i < count; i++) {
                    text.append(i == 0 ? "" : ",").append("\"source=v").append(i).append(",target=/t").append(i % 7)
                            .append("\"");
                }
                pair[0] = text.append("]}").toString();
            }
            case 1 -> {
                text.append("services:\n");
                for (int i = 0; i < count / 10; i++) {
                    text.append("  s").append(i).append(": {volumes: [v").append(i).append(":/v]}\n");
                }
                pair[1] = text.toString();
            }
            default -> {
                text.append("services:\n  app:\n    volumes:\n");
                for (int i = 0; i < count; i++) {
                    text.append("      - v").append(i % 100).append(":/t").append(i).append("\n");
                }
                pair[1] = text.append("volumes:\n").toString();
            }
        }
        how.add(count + " of a kind in " + (pair[0] != null ? "json" : "yaml"));
        return pair;
    }

    private static String shortly(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + ")" : text;
    }

    private static String describe(int index, Input input) {
        String replay = index < 0 ? "ConfigReaderFuzzTest.fixed()" : "ConfigReaderFuzzTest.input(" + index + ")";
        return "input " + index + " (seed " + String.format("%#x", SEED) + ", replay with " + replay + "): "
                + FuzzRun.printable(input.how.length() > 400 ? input.how.substring(0, 400) + "..."
                        : input.how);
    }
}
