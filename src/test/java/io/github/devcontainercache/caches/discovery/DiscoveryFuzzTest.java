package io.github.devcontainercache.caches.discovery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import io.github.devcontainercache.caches.CacheSpec;
import io.github.devcontainercache.caches.InvalidCachesException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Thousands of mutated devcontainer.json and compose files through discovery: every run ends with a result or with
 * an {@link InvalidCachesException} whose problems are complete messages, never with any other throwable. The inputs
 * are derived from {@link #SEED} and their index, so any failure can be replayed with {@link #input(int)}.
 * Writes one workspace folder per input under a temporary directory and reads it back with
 * {@link DevcontainerDiscovery#discover}, one input at a time with a time limit each.
 */
class DiscoveryFuzzTest {

    /** Fixed, so that every run tries the same inputs; -Ddiscovery.fuzz.seed=N tries others. */
    static final long SEED = Long.getLong("discovery.fuzz.seed", 0x5EED_DC0DE_2024L);
    static final int INPUTS = 6_000;
    /** Per input: far above the milliseconds one takes, far below what would hide a hang. */
    static final long INPUT_TIMEOUT_SECONDS = 10;
    /** The whole run; it takes a few seconds on two cores. */
    static final long TOTAL_BUDGET_SECONDS = 60;

    @TempDir
    Path temp;

    // Ten valid layouts: relative path -> content.

    static final List<Map<String, String>> SEEDS = List.of(
            Map.of(".devcontainer/devcontainer.json", """
                    // comments and trailing commas
                    {
                      "name": "radio", /* inline */
                      "image": "mcr.microsoft.com/devcontainers/python:3.12",
                      "mounts": [
                        "source=radio-pip-cache,target=/home/vscode/.cache/pip,type=volume",
                        // "source=commented,target=/x,type=volume",
                        "src=${localWorkspaceFolderBasename}-whisper,dst=/home/vscode/.cache/whisper",
                        "source=${localWorkspaceFolder}/data,target=/data,type=bind",
                        "type=tmpfs,target=/tmp/scratch",
                      ],
                    }
                    """),
            Map.of(".devcontainer/devcontainer.json", """
                    {
                      "image": "mcr.microsoft.com/devcontainers/java:17",
                      "mounts": [
                        {"source": "m2", "target": "/root/.m2", "type": "volume"},
                        {
                          "type": "volume",
                          "target": "/home/vscode/.gradle",
                          "source": "gradle-${localEnv:USER:nobody}"
                        },
                        {"type": "bind", "source": "/var/run/docker.sock", "target": "/var/run/docker.sock"}
                      ]
                    }
                    """),
            Map.of(".devcontainer/devcontainer.json", """
                    {
                      "runArgs": [
                        "--init",
                        "-v", "npm-cache:/home/node/.npm",
                        "--volume", "yarn:/usr/local/share/.cache/yarn:rw",
                        "--volume=pnpm:/pnpm",
                        "--mount", "type=volume,src=hf,dst=/home/vscode/.cache/huggingface",
                        "--mount=type=volume,source=${env:PREFIX}-x,target=/x",
                        "-v", "./local:/local",
                        "--cap-add=SYS_PTRACE"
                      ]
                    }
                    """),
            Map.of(".devcontainer/devcontainer.json", """
                    {
                      "workspaceFolder": "/src/${localWorkspaceFolderBasename}",
                      "workspaceMount": "source=src-volume,target=/src/${localWorkspaceFolderBasename},type=volume",
                      "mounts": [
                        "source=build,target=${containerWorkspaceFolder}/build,type=volume",
                        "source=history-${devcontainerId},target=/commandhistory,type=volume"
                      ]
                    }
                    """.replace("\n", "\r\n")),
            Map.of(
                    ".devcontainer/devcontainer.json", """
                    {
                      "name": "compose",
                      "dockerComposeFile": "docker-compose.yml",
                      "service": "app",
                      "runServices": ["app", "db"],
                      "workspaceFolder": "/workspace"
                    }
                    """,
                    ".devcontainer/docker-compose.yml", """
                    services:
                      app:
                        image: mcr.microsoft.com/devcontainers/base
                        volumes:
                          - ..:/workspace:cached
                          - pip-cache:/home/vscode/.cache/pip
                          - type: volume
                            source: models
                            target: /opt/models
                          - shared:/shared:ro
                      db:
                        image: postgres
                        volumes:
                          - db-data:/var/lib/postgresql/data
                    volumes:
                      pip-cache:
                      models:
                        name: real-models
                      shared:
                        external: true
                      db-data:
                        external:
                          name: legacy
                    """),
            Map.of(
                    ".devcontainer/devcontainer.json", """
                    {
                      "dockerComposeFile": ["../docker-compose.yml", "docker-compose.extend.yml"],
                      "service": "web"
                    }
                    """,
                    "docker-compose.yml", """
                    name: My.Project
                    x-common: &common
                      image: node:20
                      volumes:
                        - node-modules:/app/node_modules
                    services:
                      web:
                        <<: *common
                        volumes:
                          - ${CACHE_VOLUME:-npm}:/root/.npm
                      worker: *common
                    volumes:
                      node-modules: {}
                      npm:
                    """,
                    ".devcontainer/docker-compose.extend.yml", """
                    services:
                      web:
                        volumes:
                          - type: volume
                            source: extra
                            target: /extra
                    """,
                    ".env", "COMPOSE_PROJECT_NAME=from_dotenv\nCACHE_VOLUME=npm\n"),
            Map.of(
                    ".devcontainer/python/devcontainer.json", """
                    {"mounts": ["source=py-cache,target=/root/.cache/pip"]}
                    """,
                    ".devcontainer/java/devcontainer.json", """
                    {"mounts": ["source=m2,target=/root/.m2"], "runArgs": ["-v", "py-cache:/root/.cache/pip"]}
                    """,
                    ".devcontainer.json", """
                    {"mounts": [{"source": "top", "target": "/top", "type": "volume"}]}
                    """),
            Map.of(".devcontainer.json", """
                    {
                      "build": {"dockerfile": "Dockerfile", "args": {"VARIANT": "3"}},
                      "features": {"ghcr.io/devcontainers/features/node:1": {"version": "lts"}},
                      "mounts": ["source=${localEnv:HOME}${localEnv:USERPROFILE}/.aws,target=/root/.aws,type=bind"],
                      "remoteUser": "vscode",
                      "postCreateCommand": "pip install -r requirements.txt"
                    }
                    """),
            Map.of(
                    ".devcontainer/devcontainer.json", """
                    {"dockerComposeFile": "compose/docker-compose.yaml", "service": "dev"}
                    """,
                    ".devcontainer/compose/docker-compose.yaml", """
                    # interpolation and quoting
                    services:
                      dev:
                        volumes:
                          - "${DATA_VOLUME-data}:${DATA_TARGET:-/data}"
                          - 'cache:/cache:z'
                          - type: volume
                            source: "${MISSING:?required}"
                            target: /required
                    volumes:
                      data:
                        name: "${PREFIX:-p}-data"
                      cache:
                        driver_opts: {type: tmpfs, device: tmpfs}
                    """,
                    ".devcontainer/compose/.env", "DATA_TARGET=/srv/data\n"),
            Map.of(
                    ".devcontainer/devcontainer.json", """
                    {"dockerComposeFile": "docker-compose.yml", "service": "app"}
                    """,
                    ".devcontainer/docker-compose.yml", """
                    %YAML 1.1
                    ---
                    x-volumes: &vols
                      - cache:/cache
                      - other:/other
                    services:
                      app: {image: "alpine", volumes: *vols}
                      second:
                        image: >-
                          folded
                          text
                        command: |
                          literal
                        volumes: [third:/third]
                    volumes: {cache: {}, other: {name: other-real}, third: {external: true}}
                    """));

    /** Text that means something to one of the parsers or to discovery. */
    static final List<String> TOKENS = List.of(
            "{", "}", "[", "]", "\"", ",", ":", "//", "/*", "*/", "\n", "\r\n", "\r", "\t", " ", "\\", "\\u0000",
            "\\uD800", "\"\\", "null", "true", "false", "1e999999", "-0", "0x1F", "NaN", "${", "${}", "${foo}",
            "${devcontainerId}", "${localEnv:", "${localEnv:X:default}", "${env:}", "${containerWorkspaceFolder}",
            "${VAR:-x}", "${VAR:?}", "$$", "-v", "\"-v\", \":\"", "\"-v\", null", "\"--mount\", {}", "--volume=", "--mount=",
            "type=", "type=volume", "type=bind", "type=floppy", "source=", "src=", "target=", "dst=", ",,", "=",
            "&a ", "*a", "<<: *a", "&a [x:/x]", "- ", "? ", "!!binary ", "!!str ", "!!map ", "!!python/object ",
            "!<tag:yaml.org,2002:str> ", "---\n", "...\n", "%YAML 1.2\n", "'", "|", ">", "#", "~", "@", "`",
            "\uFEFF", "\u2028", "\u0085", "\u00A0", "é", "日本", "\uD83D\uDE00", "external: true", "name: ", "volumes:",
            "services:", "\n  - x:/x\n", "\n    - type: volume\n", "external:\n  name: x\n", "../../../../etc/passwd",
            "/", "..", "C:\\\\", "\"dockerComposeFile\": \"", "\"service\": ", "\"runServices\": [", "\"mounts\": [");

    @Test
    void noInputEndsInAnythingButAResultOrACleanError() throws Exception {
        long started = System.nanoTime();
        Path workspace = temp.resolve("workspace");
        Map<String, String> failures = new LinkedHashMap<>();
        int results = 0;
        int cleanErrors = 0;
        ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, "discovery-fuzz");
            thread.setDaemon(true);
            return thread;
        });
        try {
            for (int index = 0; index < INPUTS; index++) {
                if (System.nanoTime() - started > TimeUnit.SECONDS.toNanos(TOTAL_BUDGET_SECONDS)) {
                    fail("the fuzz run took more than " + TOTAL_BUDGET_SECONDS + " s; it stopped at input " + index);
                }
                Map<String, String> files = input(index);
                write(workspace, files);
                Map<String, String> environment = index % 2 == 0
                        ? Map.of()
                        : Map.of("USER", "fuzz", "PREFIX", "pre", "COMPOSE_PROJECT_NAME", index % 4 == 1 ? "Env" : "");
                Future<DevcontainerDiscovery.Result> run = runner.submit(() -> DevcontainerDiscovery.discover(
                        workspace, DevcontainerDiscovery.configurationsIn(workspace), environment));
                Throwable unexpected = null;
                try {
                    checkResult(run.get(INPUT_TIMEOUT_SECONDS, TimeUnit.SECONDS));
                    results++;
                } catch (ExecutionException e) {
                    if (e.getCause() instanceof InvalidCachesException clean) {
                        checkProblems(clean);
                        cleanErrors++;
                    } else {
                        unexpected = e.getCause();
                    }
                } catch (TimeoutException e) {
                    // the runner thread may stay stuck in the parser: report this input and stop
                    run.cancel(true);
                    fail("no answer within " + INPUT_TIMEOUT_SECONDS + " s for "
                            + describe(index, files, new AssertionError("hung")));
                } catch (AssertionError e) {
                    unexpected = e;
                }
                if (unexpected != null) {
                    String kind = unexpected.getClass().getName() + " at " + topFrame(unexpected);
                    failures.putIfAbsent(kind, describe(index, files, unexpected));
                }
                delete(workspace, files);
            }
        } finally {
            runner.shutdownNow();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("discovery fuzz: %d inputs (seed %#x) in %.1f s: %d results, %d clean errors, %d kinds of"
                + " failure%n", INPUTS, SEED, seconds, results, cleanErrors, failures.size());
        if (!failures.isEmpty()) {
            fail(failures.size() + " kinds of unexpected failure (first input of each shown):\n\n"
                    + String.join("\n\n", failures.values()));
        }
        // the mutations must leave enough inputs valid to reach past the parsers
        assertThat(results).isGreaterThan(INPUTS / 10);
        assertThat(cleanErrors).isGreaterThan(INPUTS / 10);
    }

    private static void checkResult(DevcontainerDiscovery.Result result) {
        assertThat(result.caches()).doesNotContainNull();
        for (CacheSpec cache : result.caches()) {
            assertThat(cache.volume()).as("volume of %s", cache).isNotNull();
            assertThat(cache.target()).as("target of %s", cache).isNotNull();
            assertThat(cache.origin().description()).as("origin of %s", cache).matches("(?s).+:-?\\d+");
        }
        assertThat(result.notes()).allSatisfy(note -> assertThat(note).isNotBlank());
    }

    private static void checkProblems(InvalidCachesException clean) {
        assertThat(clean.problems()).isNotEmpty().allSatisfy(problem -> assertThat(problem).isNotBlank());
    }

    /** The files of input {@code index}: a seed layout with one to four mutations, the same on every run. */
    static Map<String, String> input(int index) {
        Random random = new Random(SEED * 31 + index);
        Map<String, String> files = new LinkedHashMap<>(SEEDS.get(random.nextInt(SEEDS.size())));
        List<String> names = new ArrayList<>(files.keySet());
        names.sort(null);
        int mutations = 1 + random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            String name = names.get(random.nextInt(names.size()));
            files.put(name, mutate(files.get(name), name.endsWith(".json"), random));
        }
        return files;
    }

    static String mutate(String text, boolean json, Random random) {
        StringBuilder out = new StringBuilder(text);
        int at = out.length() == 0 ? 0 : random.nextInt(out.length() + 1);
        switch (random.nextInt(20)) {
            case 0 -> { // delete one character
                if (at < out.length()) {
                    out.deleteCharAt(at);
                }
            }
            case 1 -> { // delete a run of characters
                out.delete(at, Math.min(out.length(), at + 1 + random.nextInt(20)));
            }
            case 2, 3, 4 -> out.insert(at, TOKENS.get(random.nextInt(TOKENS.size())));
            case 5 -> { // duplicate a run
                int end = Math.min(out.length(), at + 1 + random.nextInt(60));
                out.insert(end, out.substring(at, end));
            }
            case 6 -> { // swap two characters
                if (out.length() > 1) {
                    int other = random.nextInt(out.length());
                    int one = Math.min(at, out.length() - 1);
                    char c = out.charAt(one);
                    out.setCharAt(one, out.charAt(other));
                    out.setCharAt(other, c);
                }
            }
            case 7 -> out.setLength(at); // truncate
            case 8 -> out.insert(at, deepNesting(random)); // nesting far beyond any limit
            case 9 -> out.insert(at, hugeString(json, random));
            case 10 -> { // random code points, any plane, no lone surrogates (they cannot be written as UTF-8)
                StringBuilder noise = new StringBuilder();
                for (int i = 1 + random.nextInt(8); i > 0; i--) {
                    int codePoint = random.nextInt(Character.MAX_CODE_POINT + 1);
                    noise.appendCodePoint(Character.isSurrogate((char) codePoint) && codePoint <= 0xFFFF ? '?' : codePoint);
                }
                out.insert(at, noise);
            }
            case 11 -> { // tabs for indentation
                return random.nextBoolean() ? text.replace("  ", "\t") : text.replaceFirst("\n  ", "\n\t");
            }
            case 12 -> out.insert(at, yamlAliases(random));
            case 13 -> { // replace a random character by a random printable one
                if (at < out.length()) {
                    out.setCharAt(at, (char) (32 + random.nextInt(95)));
                }
            }
            case 14 -> { // another line of the same text, elsewhere
                String[] lines = text.split("\n", -1);
                out.insert(at, lines[random.nextInt(lines.length)] + "\n");
            }
            case 16, 17, 18 -> { // a value replaced, the document left well-formed: reaches discovery itself
                return replaceValue(text, json, random);
            }
            default -> { // line endings
                return random.nextBoolean() ? text.replace("\n", "\r\n") : text.replace("\r\n", "\n").replace("\n", "\r");
            }
        }
        return out.toString();
    }

    /** Values that mean something to discovery: odd mount texts, variables, paths that are none. */
    static final List<String> VALUES = List.of(
            "", ":", "::", ":/x", "name:", "name::ro", "/x", "a:b:c:d", "source=", "target=", "type=volume",
            "source=a,target=/a,type=floppy", "source=a,type=volume", "src=a,dst=/b,type=bind", "--mount", "-v",
            "--volume=", "--mount=", "-v=", "${devcontainerId}", "${foo}", "${localEnv:}", "${localEnv:X:}",
            "${containerWorkspaceFolderBasename}", "${localWorkspaceFolder}", "${", "}", "$", "${VAR:?x}",
            "\\u0000", "\\uD800", "C:\\\\data:/data", "..", "/", "~", ".", "docker-compose.yml",
            "../../../../../../../../etc/hostname", "app", "db", "true", "é:/é", "\\t", " ");

    /** Non-string JSON values, for where a string is expected. */
    static final List<String> JSON_VALUES = List.of("null", "{}", "[]", "5", "-1.5e3", "true", "[\"a\"]", "{\"a\": 1}");

    /** A JSON string without escapes; possessive, so that a huge one costs no stack. */
    private static final Pattern JSON_STRING = Pattern.compile("\"[^\"\\\\\n]*+\"");
    private static final Pattern YAML_VALUE = Pattern.compile("(?<=- |: )[^\n#{}\\[\\]]++");

    private static String replaceValue(String text, boolean json, Random random) {
        Matcher matcher = (json ? JSON_STRING : YAML_VALUE).matcher(text);
        List<int[]> places = new ArrayList<>();
        while (matcher.find()) {
            places.add(new int[] {matcher.start(), matcher.end()});
        }
        if (places.isEmpty()) {
            return text;
        }
        int[] place = places.get(random.nextInt(places.size()));
        String value;
        if (json && random.nextInt(4) == 0) {
            value = JSON_VALUES.get(random.nextInt(JSON_VALUES.size()));
        } else {
            String chosen = VALUES.get(random.nextInt(VALUES.size()));
            value = json ? "\"" + chosen + "\"" : random.nextBoolean() ? chosen : "\"" + chosen + "\"";
        }
        return text.substring(0, place[0]) + value + text.substring(place[1]);
    }

    private static String deepNesting(Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> "[".repeat(10_000);
            case 1 -> "{\"a\":".repeat(5_000);
            case 2 -> "[".repeat(150) + "]".repeat(150);
            case 3 -> "\n" + "- ".repeat(3_000) + "x\n";
            default -> {
                StringBuilder yaml = new StringBuilder("\n");
                for (int depth = 0; depth < 400; depth++) {
                    yaml.append(" ".repeat(depth)).append("k").append(depth).append(":\n");
                }
                yield yaml.toString();
            }
        };
    }

    private static String hugeString(boolean json, Random random) {
        // Past the 1 MiB string limit now and then. Only in JSON: SnakeYAML's scanning grows with the square of the
        // length (about 0.3 s for 1 MB, 4 s for 4 MB), which would spend the whole budget on a few inputs.
        int length = json && random.nextInt(10) == 0 ? 1_100_000 : 1 + random.nextInt(100_000);
        String quote = random.nextBoolean() ? "\"" : "";
        return quote + "v".repeat(length) + quote;
    }

    private static String yamlAliases(Random random) {
        return switch (random.nextInt(4)) {
            case 0 -> "\nx-a: &a {volumes: [a:/a]}\nx-b: *a\n";
            case 1 -> "\na: &a [\"lol\",\"lol\"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
                    + "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n";
            case 2 -> " *undefined ";
            default -> "\nself: &self {x: *self}\n";
        };
    }

    private static void write(Path workspace, Map<String, String> files) throws IOException {
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = workspace.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            // getBytes writes a lone surrogate, which a mutation may leave, as '?'
            Files.write(path, file.getValue().getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Removes the files of one input; the folders stay, empty, for the next one (they hold no configuration). */
    private static void delete(Path workspace, Map<String, String> files) throws IOException {
        for (String file : files.keySet()) {
            Files.delete(workspace.resolve(file));
        }
    }

    private static String topFrame(Throwable failure) {
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length == 0 ? "?" : stack[0].toString();
    }

    private static String describe(int index, Map<String, String> files, Throwable failure) {
        StringBuilder text = new StringBuilder("input " + index + " (seed " + String.format("%#x", SEED)
                + ", replay with DiscoveryFuzzTest.input(" + index + ")):\n");
        files.forEach((name, content) -> text.append("--- ").append(name).append(" ---\n")
                .append(content.length() > 1_500 ? content.substring(0, 1_500) + "... (" + content.length()
                        + " characters)" : content)
                .append('\n'));
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        String stack = trace.toString();
        return printable(text.append(stack, 0, Math.min(stack.length(), 2_500)).toString());
    }

    /** Control characters, lone surrogates and the like escaped, so that the report survives any console. */
    private static String printable(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints().forEach(c -> {
            if (c == '\n' || c == '\t' || c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append(c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%06X", c));
            }
        });
        return out.toString();
    }
}
