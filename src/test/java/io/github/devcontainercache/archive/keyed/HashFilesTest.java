package io.github.devcontainercache.archive.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HashFilesTest {

    @TempDir
    Path project;

    private void write(String path, String text) throws Exception {
        Path file = project.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void matchesAtTheTopAndBelowButNotInTheBuildsOutput() throws Exception {
        write("requirements.txt", "a");
        write("svc/requirements-dev.txt", "b");
        write("target/requirements.txt", "c");
        write("node_modules/x/requirements.txt", "d");
        write("uv.lock", "e");

        assertThat(HashFiles.matching(project, List.of("**/requirements*.txt", "uv.lock")))
                .containsExactly("requirements.txt", "svc/requirements-dev.txt", "uv.lock");
    }

    @Test
    void theHashFollowsContentAndPathsButNotTheOrderOfTheGlobs() throws Exception {
        write("a.txt", "1");
        write("b.txt", "2");
        String first = HashFiles.hash(project, List.of("a.txt", "b.txt"));
        assertThat(HashFiles.hash(project, List.of("b.txt", "a.txt"))).isEqualTo(first);

        write("b.txt", "3");
        String changed = HashFiles.hash(project, List.of("a.txt", "b.txt"));
        assertThat(changed).isNotEqualTo(first);

        Files.move(project.resolve("b.txt"), project.resolve("c.txt"));
        assertThat(HashFiles.hash(project, List.of("*.txt"))).isNotEqualTo(changed);
    }

    @Test
    void nothingMatchedIsEmpty() throws Exception {
        assertThat(HashFiles.hash(project, List.of("**/go.sum"))).isEmpty();
        assertThat(HashFiles.hash(project.resolve("missing"), List.of("*"))).isEmpty();
    }
}
