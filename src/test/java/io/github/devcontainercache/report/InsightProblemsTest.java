package io.github.devcontainercache.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.kinds.CachePass;
import io.github.devcontainercache.content.kinds.Findings;
import io.github.devcontainercache.engine.ContainerInfo;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The problems and notices a pass over a cache gives, and when an unfinished download is worth one. */
class InsightProblemsTest {

    private static final Findings NOTHING = new Findings("files", List.of(), 0, 0, List.of());

    private static final String UNFINISHED = "Cache 'pip' holds 2 unfinished downloads (http-v2/a.part, wheels/b.part;"
            + " 1.5 KiB), and no running container uses it: whatever wrote them is gone. 'mvn devcontainer-cache:repair"
            + " -Ddevcontainer-cache.only=pip' removes them.";

    private static CacheDeclaration pip(Owner owner) {
        return new CacheDeclaration("pip", null, "/home/vscode/.cache/pip", null, owner, null, Map.of(), null,
                Origin.pom());
    }

    private static CachePass.Result unfinished() {
        return new CachePass.Result(null, NOTHING,
                List.of(new FileEntry("http-v2/a.part", 1024), new FileEntry("wheels/b.part", 512)), null, null);
    }

    private static ContainerInfo container(String name, String state) {
        return new ContainerInfo("id-" + name, name, "python:3.12", state, 0, Map.of());
    }

    @Test
    void brokenGivesOneMessagePerEntryInTheKindTheTargetSuggests() {
        CacheDeclaration m2 = new CacheDeclaration("m2", null, "/home/vscode/.m2", null, null, null, Map.of(), null,
                Origin.pom());
        Findings findings = new Findings("artifacts", List.of(), 0, 10, List.of(
                new Findings.Broken("org.a:b:1", "b-1.jar is cut short", List.of("repository/org/a/b/1/b-1.jar"), 2048),
                new Findings.Broken("repository/x", "cannot be read", List.of(), 0)));
        assertThat(InsightProblems.broken(m2, findings)).containsExactly(
                "Cache 'm2' (maven): org.a:b:1 is broken: b-1.jar is cut short. Remove just that entry"
                        + " (repository/org/a/b/1/b-1.jar; 2.0 KiB) with 'mvn devcontainer-cache:repair"
                        + " -Ddevcontainer-cache.only=m2', and the tool fetches it anew; the rest of the cache stays.",
                "Cache 'm2' (maven): repository/x is broken: cannot be read. No file of it is known, so"
                        + " devcontainer-cache:repair leaves it: look at it in the dev container, or remove the whole"
                        + " cache (docker volume rm m2).");
    }

    @Test
    void brokenIsEmptyWhenNothingIsBroken() {
        assertThat(InsightProblems.broken(pip(null), NOTHING)).isEmpty();
    }

    @Test
    void unfinishedDownloadsAreFlaggedWhenNoContainerUsesTheCache() {
        assertThat(InsightProblems.hidden(pip(null), unfinished(), List.of())).containsExactly(UNFINISHED);
    }

    @Test
    void unfinishedDownloadsAreFlaggedWhenOnlyStoppedContainersUseTheCache() {
        assertThat(InsightProblems.hidden(pip(null), unfinished(),
                List.of(container("old", "exited"), container("new", "created")))).containsExactly(UNFINISHED);
    }

    @Test
    void unfinishedDownloadsAreNotFlaggedWhileARunningContainerCouldBeFinishingThem() {
        for (String state : List.of("running", "restarting", "paused")) {
            assertThat(InsightProblems.hidden(pip(null), unfinished(),
                    List.of(container("old", "exited"), container("dev", state)))).as(state).isEmpty();
        }
    }

    @Test
    void aPassWithNothingHiddenGivesNoNotice() {
        assertThat(InsightProblems.hidden(pip(null), new CachePass.Result(null, NOTHING, List.of(), null, null),
                List.of())).isEmpty();
        assertThat(InsightProblems.hidden(pip(new Owner(1000, 1000)), new CachePass.Result(null, NOTHING, List.of(),
                new CachePass.ForeignOwners(0, 0, List.of(), null), null), List.of())).isEmpty();
    }

    @Test
    void foreignOwnersAndAnotherLayoutAreFlaggedEvenWhileInUseAfterTheUnfinishedDownloads() {
        CachePass.Result pass = new CachePass.Result(null, NOTHING, List.of(new FileEntry("x.part", 5)),
                new CachePass.ForeignOwners(1, 9, List.of("wheels/root.json"), new Owner(0, 0)), CacheKind.UV);
        assertThat(InsightProblems.hidden(pip(new Owner(1000, 1000)), pass, List.of())).containsExactly(
                "Cache 'pip' holds 1 unfinished download (x.part; 5 B), and no running container uses it: whatever"
                        + " wrote it is gone. 'mvn devcontainer-cache:repair -Ddevcontainer-cache.only=pip' removes"
                        + " it.",
                "Cache 'pip' holds 1 file (9 B) owned by 0:0, not by its declared owner 1000:1000, such as"
                        + " wheels/root.json: a tool running as 1000:1000 cannot replace it. In the dev container, run:"
                        + " sudo chown -R 1000:1000 /home/vscode/.cache/pip.",
                "Cache 'pip' is a pip cache (mounted at /home/vscode/.cache/pip) but holds uv's layout: a volume made"
                        + " for another tool is mounted here. Mount it where uv looks, or give pip a cache of its own"
                        + " (or declare <kind>uv</kind> if that is what it is).");
        assertThat(InsightProblems.hidden(pip(new Owner(1000, 1000)), pass, List.of(container("dev", "running"))))
                .hasSize(2).noneMatch(notice -> notice.contains("unfinished"));
    }
}
