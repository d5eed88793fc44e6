package io.github.devcontainercache.caches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheDeclarationsTest {

    private static final Origin POM = Origin.pom();
    private static final Origin JSON_12 = Origin.file(Path.of("/ws/.devcontainer/devcontainer.json"), 12);
    private static final Origin JSON_20 = Origin.file(Path.of("/ws/.devcontainer/devcontainer.json"), 20);

    private static CacheSpec spec(String volume, String kind, String target, String budget, String owner, Origin origin) {
        return new CacheSpec(volume, kind, target, budget, owner, null, null, null, origin);
    }

    private static CacheSpec volume(String volume) {
        return spec(volume, null, null, null, null, POM);
    }

    private static InvalidCachesException failure(List<List<CacheSpec>> sources, CacheSelection selection) {
        return catchThrowableOfType(
                InvalidCachesException.class, () -> CacheDeclarations.resolve(sources, selection));
    }

    @Test
    void parsesPomDeclarations() throws Exception {
        CacheSpec pip = new CacheSpec(" radio-pip-cache ", null, " /home/vscode/.cache/pip ", "2GB", "1000:1000",
                null, null, null, POM);
        CacheSpec models = new CacheSpec("radio-models", " Whisper ", "/opt/models", "500MiB", null, "local",
                Map.of("type", "tmpfs", "device", "tmpfs"), "/ws/models.sha256", POM);

        List<CacheDeclaration> declared = CacheDeclarations.resolve(List.of(List.of(pip, models)), CacheSelection.all());

        assertThat(declared).containsExactly(
                new CacheDeclaration("radio-pip-cache", null, "/home/vscode/.cache/pip", 2_000_000_000L,
                        new Owner(1000, 1000), null, Map.of(), null, POM),
                new CacheDeclaration("radio-models", CacheKind.WHISPER, "/opt/models", 524_288_000L, null, "local",
                        Map.of("type", "tmpfs", "device", "tmpfs"), "/ws/models.sha256", POM));
        assertThat(declared.get(0).effectiveKind()).isEqualTo(CacheKind.PIP);
        assertThat(declared.get(0).effectiveDriver()).isEqualTo("local");
        assertThat(declared.get(1).effectiveKind()).isEqualTo(CacheKind.WHISPER);
    }

    @Test
    void blankFieldsAreLeftOut() throws Exception {
        List<CacheDeclaration> declared = CacheDeclarations.resolve(
                List.of(List.of(new CacheSpec("plain-cache", " ", "", "  ", "\t", " ", null, "", POM))),
                CacheSelection.all());

        assertThat(declared).containsExactly(
                new CacheDeclaration("plain-cache", null, null, null, null, null, Map.of(), null, POM));
        assertThat(declared.get(0).effectiveKind()).isEqualTo(CacheKind.GENERIC);
    }

    @Test
    void collectsEveryProblemAtOnce() {
        List<CacheSpec> pom = List.of(
                volume("bad name"),
                spec("pip-cache", null, null, "lots", null, POM),
                spec("hf-cache", null, null, null, "vscode", POM),
                spec("m2-cache", "rust", null, null, null, POM),
                spec("npm-cache", null, "home/node/.npm", null, null, POM),
                volume("  "),
                volume("fine-cache"));

        InvalidCachesException e = failure(List.of(pom), CacheSelection.all());

        assertThat(e.problems()).containsExactly(
                "Cache volume name 'bad name' (pom) is not a valid Docker volume name: it must match"
                        + " [a-zA-Z0-9][a-zA-Z0-9_.-]+ (letters, digits, '_', '.', '-'; at least two characters,"
                        + " starting with a letter or digit). Rename it in <volume>.",
                "Cache 'pip-cache' (pom) has <budget>lots</budget>, which is not a size. Write a number and a unit,"
                        + " such as 500MB, 2GB or 1.5GiB.",
                "Cache 'hf-cache' (pom) has <owner>vscode</owner>, which is not a numeric uid:gid. Write it as the"
                        + " container user's ids, such as 1000:1000 (see 'id' in the dev container).",
                "Cache 'm2-cache' (pom) has an unknown <kind>rust</kind>. Use one of"
                        + " pip | whisper | huggingface | maven | npm | gradle | uv | poetry | conda | torch | pnpm | yarn"
                        + " | cargo | go | ccache | generic, or leave <kind> out to"
                        + " infer it from <target>.",
                "Cache 'npm-cache' (pom) has <target>home/node/.npm</target>, which is not an absolute path in the"
                        + " container. Write it as the dev container mounts it, such as /home/vscode/.cache/pip.",
                "A cache declared in the pom has no volume name. Add <volume>NAME</volume> to it.");
        assertThat(e).hasMessage(String.join(System.lineSeparator(), e.problems()));
    }

    @Test
    void reportsEveryProblemOfOneDeclaration() {
        InvalidCachesException e = failure(
                List.of(List.of(spec("x y", "rust", "cache", "2XB", "1:2:3", JSON_12))), CacheSelection.all());

        assertThat(e.problems()).containsExactly(
                "Cache volume name 'x y' (/ws/.devcontainer/devcontainer.json:12) is not a valid Docker volume name:"
                        + " it must match [a-zA-Z0-9][a-zA-Z0-9_.-]+ (letters, digits, '_', '.', '-'; at least two"
                        + " characters, starting with a letter or digit). Rename it in <volume>.",
                "Cache 'x y' (/ws/.devcontainer/devcontainer.json:12) has an unknown <kind>rust</kind>. Use one of"
                        + " pip | whisper | huggingface | maven | npm | gradle | uv | poetry | conda | torch | pnpm | yarn"
                        + " | cargo | go | ccache | generic, or leave <kind> out to"
                        + " infer it from <target>.",
                "Cache 'x y' (/ws/.devcontainer/devcontainer.json:12) has <target>cache</target>, which is not an"
                        + " absolute path in the container. Write it as the dev container mounts it, such as"
                        + " /home/vscode/.cache/pip.",
                "Cache 'x y' (/ws/.devcontainer/devcontainer.json:12) has <budget>2XB</budget>, which is not a"
                        + " size. Write a number and a unit, such as 500MB, 2GB or 1.5GiB.",
                "Cache 'x y' (/ws/.devcontainer/devcontainer.json:12) has <owner>1:2:3</owner>, which is not a"
                        + " numeric uid:gid. Write it as the container user's ids, such as 1000:1000 (see 'id' in"
                        + " the dev container).");
    }

    @Test
    void reportsAVolumeDeclaredTwiceInOneSource() {
        List<CacheSpec> file = List.of(
                spec("pip-cache", null, "/home/vscode/.cache/pip", null, null, JSON_12),
                spec("pip-cache", null, "/root/.cache/pip", null, null, JSON_20));

        InvalidCachesException e = failure(List.of(file), CacheSelection.all());

        assertThat(e.problems()).containsExactly(
                "Cache volume 'pip-cache' is declared twice (/ws/.devcontainer/devcontainer.json:12 and"
                        + " /ws/.devcontainer/devcontainer.json:20). Keep one <cache> per volume.");
    }

    @Test
    void reportsDuplicatesAndInvalidFieldsTogether() {
        List<CacheSpec> pom = List.of(volume("pip-cache"), volume("pip-cache"), spec("m2", null, null, "x", null, POM));

        InvalidCachesException e = failure(List.of(pom), CacheSelection.all());

        assertThat(e.problems()).containsExactly(
                "Cache volume 'pip-cache' is declared twice (pom and pom). Keep one <cache> per volume.",
                "Cache 'm2' (pom) has <budget>x</budget>, which is not a size. Write a number and a unit, such as"
                        + " 500MB, 2GB or 1.5GiB.");
    }

    @Test
    void mergesSourcesByVolumeWithTheFirstWinningFieldByField() throws Exception {
        List<CacheSpec> pom = List.of(spec("pip-cache", null, null, "2GB", null, POM));
        List<CacheSpec> file = List.of(
                spec("pip-cache", null, "/home/vscode/.cache/pip", "5GB", "1000:1000", JSON_12),
                spec("npm-cache", null, "/home/node/.npm", null, null, JSON_20));

        List<CacheDeclaration> declared = CacheDeclarations.resolve(List.of(pom, file), CacheSelection.all());

        assertThat(declared).containsExactly(
                new CacheDeclaration("pip-cache", null, "/home/vscode/.cache/pip", 2_000_000_000L,
                        new Owner(1000, 1000), null, Map.of(), null,
                        new Origin("pom, /ws/.devcontainer/devcontainer.json:12")),
                new CacheDeclaration("npm-cache", null, "/home/node/.npm", null, null, null, Map.of(), null, JSON_20));
        assertThat(declared.get(0).effectiveKind()).isEqualTo(CacheKind.PIP);
    }

    @Test
    void firstSourceWinsForEveryField() throws Exception {
        CacheSpec first = new CacheSpec("models", "generic", "/opt/first", "1GB", "0:0", "local",
                Map.of("type", "none"), "/first.sha256", POM);
        CacheSpec second = new CacheSpec("models", "whisper", "/root/.cache/whisper", "9GB", "1000:1000", "nfs",
                Map.of("type", "nfs"), "/second.sha256", JSON_12);

        List<CacheDeclaration> declared =
                CacheDeclarations.resolve(List.of(List.of(first), List.of(second)), CacheSelection.all());

        assertThat(declared).containsExactly(new CacheDeclaration("models", CacheKind.GENERIC, "/opt/first",
                1_000_000_000L, new Owner(0, 0), "local", Map.of("type", "none"), "/first.sha256",
                new Origin("pom, /ws/.devcontainer/devcontainer.json:12")));
    }

    @Test
    void problemsInALaterSourceAreCollectedToo() {
        List<CacheSpec> pom = List.of(spec("pip-cache", null, null, "lots", null, POM));
        List<CacheSpec> file = List.of(spec("npm-cache", null, "relative/.npm", null, null, JSON_20));

        InvalidCachesException e = failure(List.of(pom, file), CacheSelection.all());

        assertThat(e.problems()).hasSize(2);
        assertThat(e.problems().get(1)).startsWith("Cache 'npm-cache' (/ws/.devcontainer/devcontainer.json:20)"
                + " has <target>relative/.npm</target>");
    }

    @Test
    void selectsByVolumeNameAndByKindInferredFromTarget() throws Exception {
        List<CacheSpec> pom = List.of(
                spec("radio-pip-cache", null, "/home/vscode/.cache/pip", null, null, POM),
                spec("radio-models", null, "/root/.cache/whisper", null, null, POM),
                spec("radio-npm", null, "/home/node/.npm", null, null, POM),
                spec("other-models", "whisper", "/opt/models", null, null, POM));

        List<CacheDeclaration> selected =
                CacheDeclarations.resolve(List.of(pom), CacheSelection.parse("radio-pip-cache,whisper"));

        assertThat(selected)
                .extracting(CacheDeclaration::volume)
                .containsExactly("radio-pip-cache", "radio-models", "other-models");
    }

    @Test
    void selectorMatchingNothingFailsListingTheDeclaredCaches() {
        List<CacheSpec> pom = List.of(
                spec("radio-pip-cache", null, "/home/vscode/.cache/pip", null, null, POM),
                spec("radio-models", "whisper", null, null, null, POM),
                volume("scratch"));

        InvalidCachesException e = failure(List.of(pom), CacheSelection.parse("radio-pip-cahce"));

        assertThat(e).hasMessage("devcontainer-cache.only names 'radio-pip-cahce', which is neither a declared"
                + " cache volume nor the kind of one; the declared caches are radio-pip-cache (pip), radio-models"
                + " (whisper), scratch (generic). Fix -Ddevcontainer-cache.only=... or <only>.");
    }
}
