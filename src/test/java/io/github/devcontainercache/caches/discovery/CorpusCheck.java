package io.github.devcontainercache.caches.discovery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.devcontainercache.caches.CacheSpec;
import io.github.devcontainercache.caches.InvalidCachesException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Runs discovery over the corpus of real dev container configurations (shared/corpus/devcontainer): rebuilds each
 * repository's layout from SOURCE.txt in a temporary directory, discovers, and compares with EXPECTED.json
 * (volume, target, file and line of every named volume; no more, no less). Run by scripts/corpus-check.sh.
 */
public final class CorpusCheck {

    private CorpusCheck() {}

    public static void main(String[] args) throws IOException {
        Path corpus = Path.of(args[0]);
        Path work = Files.createTempDirectory("corpus-check");
        int failures = 0;
        int checked = 0;
        List<Path> folders;
        try (Stream<Path> list = Files.list(corpus)) {
            folders = list.filter(Files::isDirectory).sorted().toList();
        }
        for (Path folder : folders) {
            if (!Files.exists(folder.resolve("SOURCE.txt"))) {
                continue;
            }
            checked++;
            List<String> problems = check(folder, work.resolve(folder.getFileName()));
            if (problems.isEmpty()) {
                System.out.println("ok      " + folder.getFileName());
            } else {
                failures++;
                System.out.println("FAILED  " + folder.getFileName());
                problems.forEach(p -> System.out.println("          " + p));
            }
        }
        System.out.println("corpus: " + (checked - failures) + " passed, " + failures + " failed");
        System.exit(failures == 0 ? 0 : 1);
    }

    private static List<String> check(Path folder, Path work) throws IOException {
        List<String> source = Files.readAllLines(folder.resolve("SOURCE.txt"));
        String repository = source.stream()
                .filter(l -> l.startsWith("repository:"))
                .map(l -> l.substring(l.indexOf('/') + 1).trim())
                .findFirst()
                .orElseThrow();
        Path repo = work.resolve(repository);
        Path firstJson = null;
        Map<String, Path> stored = new HashMap<>();
        for (String line : source) {
            if (!line.startsWith("file:") || !line.contains("->")) {
                continue;
            }
            String original = line.substring("file:".length(), line.indexOf("->")).trim();
            String copy = line.substring(line.indexOf("->") + 2).trim();
            Path target = repo.resolve(original);
            Files.createDirectories(target.getParent());
            Files.copy(folder.resolve(copy), target);
            stored.put(copy, target);
            if (firstJson == null && original.endsWith(".json")) {
                firstJson = target;
            }
        }
        Path workspace = DevcontainerDiscovery.workspaceOf(firstJson);
        TreeSet<String> expected = new TreeSet<>();
        for (JsonNode entry : new ObjectMapper().readTree(folder.resolve("EXPECTED.json").toFile())) {
            if (entry.path("volume").isNull()) {
                continue;
            }
            Path file = stored.get(entry.path("file").asText());
            expected.add(entry.path("volume").asText() + " -> " + entry.path("target").asText() + " @ "
                    + workspace.relativize(file) + ":" + entry.path("line").asInt());
        }
        TreeSet<String> actual = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        try {
            // A configuration outside the usual places is read as -Ddevcontainer-cache.devcontainer would name it.
            List<Path> configurations = DevcontainerDiscovery.configurationsIn(workspace);
            DevcontainerDiscovery.Result result = DevcontainerDiscovery.discover(
                    workspace, configurations.isEmpty() ? List.of(firstJson) : configurations, Map.of());
            for (CacheSpec cache : result.caches()) {
                actual.add(cache.volume() + " -> " + cache.target() + " @ " + cache.origin());
            }
        } catch (InvalidCachesException e) {
            problems.addAll(e.problems());
        }
        for (String missing : expected) {
            if (!actual.contains(missing)) {
                problems.add("missing: " + missing);
            }
        }
        for (String extra : actual) {
            if (!expected.contains(extra)) {
                problems.add("unexpected: " + extra);
            }
        }
        return problems;
    }
}
