package io.github.devcontainercache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The rooms of the code, as the README's "Layout" draws them, checked on the sources themselves: what each room may
 * use, no import circles, no shared hub of texts, files of a readable length, tests beside their code.
 */
class LayoutTest {

    private static final Path MAIN = Path.of("src/main/java/io/github/devcontainercache");
    private static final Path TEST = Path.of("src/test/java/io/github/devcontainercache");
    private static final String BASE = "io.github.devcontainercache";

    /** The rooms that each do one thing to the caches; a mojo combines them, they never use one another. */
    private static final Set<String> CAPABILITIES = Set.of("volumes", "report", "archive", "preload");

    /** The report's model and writers: they format what the gatherer found, and ask the engine nothing. */
    private static final Set<String> REPORT_MODEL_AND_WRITERS = Set.of("CacheReport", "ReportEntry", "ReportWriter");

    /** The floor every room stands on; it uses no room. */
    private static final Set<String> FLOOR = Set.of("BuildLog", "BuildIdentity", "Wording");

    /** Main sources allowed over {@link #MAX_LINES}, each with the reason it reads better whole. */
    private static final Map<String, String> LONG_FILES = Map.of();

    private static final int MAX_LINES = 400;

    /** A type of the plugin named by its package, in an import or in the code: the room is the package's rest. */
    private static final Pattern REFERENCE =
            Pattern.compile("\\b" + Pattern.quote(BASE) + "((?:\\.[a-z]\\w*)*)\\.([A-Z]\\w*)");

    private static final Pattern MESSAGES = Pattern.compile("\\b([A-Z]\\w*Messages)\\b");

    private static List<Source> sources;

    record Source(Path file, String room, String name, List<String> lines, Set<String> rooms, Set<String> imports) {

        /** Whether this source names a type of the given room anywhere (an import or a qualified name). */
        boolean uses(String other) {
            return rooms.contains(other);
        }

        boolean imports(String prefix) {
            return imports.stream().anyMatch(i -> i.startsWith(prefix));
        }
    }

    @BeforeAll
    static void readSources() throws IOException {
        assertThat(MAIN).as("the tests run from the project's directory").isDirectory();
        try (Stream<Path> files = Files.walk(MAIN)) {
            sources = files.filter(f -> f.toString().endsWith(".java")).sorted().map(LayoutTest::read).toList();
        }
        assertThat(sources).hasSizeGreaterThan(50);
    }

    private static Source read(Path file) {
        try {
            List<String> lines = Files.readAllLines(file);
            String room = roomOf(MAIN.relativize(file.getParent()));
            Set<String> rooms = new TreeSet<>();
            Set<String> imports = new TreeSet<>();
            for (String line : lines) {
                if (line.startsWith("import ")) {
                    imports.add(line.replaceFirst("^import (static )?", "").replace(";", "").trim());
                }
                Matcher reference = REFERENCE.matcher(line);
                while (reference.find()) {
                    String other = reference.group(1).isEmpty() ? "" : reference.group(1).substring(1);
                    if (!other.equals(room) && !line.startsWith("package ")) {
                        rooms.add(other);
                    }
                }
            }
            String name = file.getFileName().toString().replace(".java", "");
            return new Source(file, room, name, lines, rooms, imports);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String roomOf(Path relative) {
        return relative.toString().replace('/', '.');
    }

    private static List<String> offenders(Predicate<Source> offends, Function<Source, String> what) {
        return sources.stream().filter(offends).map(s -> s.file() + ": " + what.apply(s)).toList();
    }

    @Test
    void onlyTheMojosImportMaven() {
        assertThat(offenders(s -> !s.room().equals("mojo") && s.imports("org.apache.maven"), s -> "imports Maven"))
                .isEmpty();
    }

    @Test
    void onlyTheEngineImportsDockerJava() {
        assertThat(offenders(s -> !s.room().equals("engine") && s.imports("com.github.dockerjava"),
                        s -> "imports docker-java"))
                .isEmpty();
    }

    @Test
    void capabilityRoomsDoNotUseOneAnother() {
        Predicate<Source> usesAnotherCapability = s -> s.rooms().stream()
                .anyMatch(r -> CAPABILITIES.contains(top(r)) && !top(r).equals(top(s.room())));
        assertThat(offenders(s -> CAPABILITIES.contains(top(s.room())) && usesAnotherCapability.test(s),
                        s -> "uses " + s.rooms()))
                .isEmpty();
    }

    @Test
    void declarationsAskTheEngineNothingAndUseNoCapability() {
        // the floor ("") is the only room outside caches/ that caches/ may use
        Predicate<Source> usesARoom = s -> s.rooms().stream()
                .map(LayoutTest::top)
                .anyMatch(r -> !r.equals("caches") && !r.isEmpty());
        assertThat(offenders(s -> top(s.room()).equals("caches") && usesARoom.test(s), s -> "uses " + s.rooms()))
                .isEmpty();
    }

    @Test
    void theReportsModelAndWritersAskTheEngineNothing() {
        List<Source> modelAndWriters = sources.stream()
                .filter(s -> s.room().equals("report") && REPORT_MODEL_AND_WRITERS.contains(s.name()))
                .toList();
        assertThat(modelAndWriters).hasSameSizeAs(REPORT_MODEL_AND_WRITERS);
        assertThat(modelAndWriters.stream().filter(s -> s.uses("engine")).map(Source::file)).isEmpty();
    }

    @Test
    void theFloorUsesNoRoomAndHoldsNoTexts() {
        List<Source> floor = sources.stream().filter(s -> s.room().isEmpty()).toList();
        assertThat(floor.stream().map(Source::name)).containsExactlyInAnyOrderElementsOf(FLOOR);
        assertThat(floor.stream().filter(s -> !s.rooms().isEmpty()).map(Source::file)).isEmpty();
    }

    @Test
    void eachRoomKeepsItsTextsInOneClassOfItsOwn() {
        Map<String, List<String>> messagesByRoom = new TreeMap<>();
        for (Source source : sources) {
            if (source.name().endsWith("Messages")) {
                messagesByRoom.computeIfAbsent(source.room(), r -> new ArrayList<>()).add(source.name());
            }
        }
        assertThat(messagesByRoom.values()).allSatisfy(names -> assertThat(names).hasSize(1));
        assertThat(messagesByRoom).doesNotContainKey("");
        // a room's code says things in its own words; only a room's texts may quote a lower room's as a reason
        assertThat(offenders(s -> !s.room().equals("mojo") && !s.name().endsWith("Messages")
                        && !messagesByRoom.getOrDefault(s.room(), List.of()).containsAll(messagesUsed(s)),
                s -> "uses " + messagesUsed(s)))
                .isEmpty();
    }

    private static Set<String> messagesUsed(Source source) {
        Set<String> used = new TreeSet<>();
        Matcher name = MESSAGES.matcher(String.join("\n", source.lines()));
        while (name.find()) {
            used.add(name.group(1));
        }
        return used;
    }

    @Test
    void noImportCircles() {
        Map<String, Set<String>> uses = new TreeMap<>();
        for (Source source : sources) {
            uses.computeIfAbsent(source.room(), r -> new TreeSet<>()).addAll(source.rooms());
        }
        List<String> circles = new ArrayList<>();
        for (String room : uses.keySet()) {
            List<String> path = new ArrayList<>(List.of(room));
            if (reaches(uses, room, room, new HashSet<>(), path)) {
                circles.add(String.join(" -> ", path));
            }
        }
        assertThat(circles).isEmpty();
    }

    private static boolean reaches(Map<String, Set<String>> uses, String from, String target, Set<String> seen,
            List<String> path) {
        for (String next : uses.getOrDefault(from, Set.of())) {
            path.add(next);
            if (next.equals(target) || (seen.add(next) && reaches(uses, next, target, seen, path))) {
                return true;
            }
            path.remove(path.size() - 1);
        }
        return false;
    }

    @Test
    void mainSourcesReadInOneSitting() {
        assertThat(offenders(s -> s.lines().size() > MAX_LINES && !LONG_FILES.containsKey(s.name()),
                        s -> s.lines().size() + " lines"))
                .isEmpty();
    }

    @Test
    void testsSitInThePackagesOfTheirCode() throws IOException {
        Set<String> rooms = new TreeSet<>();
        sources.forEach(s -> rooms.add(s.room()));
        List<String> strays = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEST)) {
            files.filter(f -> f.getFileName().toString().endsWith("Test.java"))
                    .filter(f -> !rooms.contains(roomOf(TEST.relativize(f.getParent()))))
                    .forEach(f -> strays.add(f.toString()));
        }
        assertThat(strays).isEmpty();
    }

    private static String top(String room) {
        int dot = room.indexOf('.');
        return dot < 0 ? room : room.substring(0, dot);
    }
}
