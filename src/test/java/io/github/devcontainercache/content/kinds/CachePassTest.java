package io.github.devcontainercache.content.kinds;

import static io.github.devcontainercache.content.kinds.KindFixtures.VERIFY;
import static io.github.devcontainercache.content.kinds.KindFixtures.bothPaths;
import static io.github.devcontainercache.content.kinds.KindFixtures.write;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.CacheContents;
import io.github.devcontainercache.content.EntrySink;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.content.VolumeScan;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a pass finds besides the tool's own terms: unfinished downloads, foreign owners, another tool's layout. */
class CachePassTest {

    private static final Owner DEV = new Owner(1000, 1000);

    @TempDir
    Path cache;

    private static void chown(Path file, Owner owner) throws IOException {
        Files.setAttribute(file, "unix:uid", (int) owner.uid(), LinkOption.NOFOLLOW_LINKS);
        Files.setAttribute(file, "unix:gid", (int) owner.gid(), LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void unfinishedDownloadsAreListedByPathAndSizeWhateverTheirCase() throws IOException {
        write(cache, "http-v2/a/b/c.body", "done");
        write(cache, "wheels/torch-2.1.0.whl.part", new byte[300]);
        write(cache, "models--a--b/blobs/" + "d".repeat(64) + ".incomplete", new byte[20]);
        write(cache, "Downloads/model.bin.CRDOWNLOAD", new byte[7]);
        write(cache, "x.partial", new byte[1]);
        write(cache, "apart", new byte[1]);

        CachePass.Result result = bothPaths(cache, CacheKind.GENERIC, "/cache", VERIFY);

        assertThat(result.unfinished()).containsExactlyInAnyOrder(
                new FileEntry("wheels/torch-2.1.0.whl.part", 300),
                new FileEntry("models--a--b/blobs/" + "d".repeat(64) + ".incomplete", 20),
                new FileEntry("Downloads/model.bin.CRDOWNLOAD", 7),
                new FileEntry("x.partial", 1));
    }

    @Test
    void filesOfAnotherOwnerThanTheDeclaredOneAreCountedOnBothPaths() throws IOException {
        chown(write(cache, "mine/a.bin", new byte[10]), DEV);
        chown(write(cache, "mine/b.bin", new byte[20]), DEV);
        chown(write(cache, "root/c.bin", new byte[30]), new Owner(0, 0));
        chown(write(cache, "root/d.bin", new byte[40]), new Owner(0, 0));
        chown(write(cache, "group/e.bin", new byte[50]), new Owner(1000, 0)); // the right user, another group
        chown(cache.resolve("root"), new Owner(0, 0)); // directories are not counted, files are

        CachePass.Result walked = KindFixtures.walk(cache, CacheKind.GENERIC, "/cache", KindFixtures.ownedBy(DEV));
        CachePass.Result streamed = KindFixtures.archive(cache, CacheKind.GENERIC, "/cache", KindFixtures.ownedBy(DEV));

        for (CachePass.Result result : new CachePass.Result[] {walked, streamed}) {
            CachePass.ForeignOwners foreign = result.foreignOwners();
            assertThat(foreign.files()).isEqualTo(3);
            assertThat(foreign.sizeBytes()).isEqualTo(120);
            assertThat(foreign.examples()).containsExactlyInAnyOrder("root/c.bin", "root/d.bin", "group/e.bin");
            assertThat(foreign.firstOwner()).isIn(new Owner(0, 0), new Owner(1000, 0));
        }
    }

    @Test
    void aFewExamplesOfForeignFilesAreKeptButAllAreCounted() throws IOException {
        for (int i = 0; i < 12; i++) {
            write(cache, "f" + i, new byte[i]); // root's, as the test runs
        }
        CachePass.Result result = KindFixtures.walk(cache, CacheKind.GENERIC, "/cache", KindFixtures.ownedBy(DEV));

        assertThat(result.foreignOwners().files()).isEqualTo(12);
        assertThat(result.foreignOwners().sizeBytes()).isEqualTo(66);
        assertThat(result.foreignOwners().examples()).hasSize(5);
    }

    @Test
    void ownersAreNotCountedWhenNoneIsDeclaredOrTheSourceDoesNotTell() throws IOException {
        write(cache, "a", "x");
        assertThat(KindFixtures.walk(cache, CacheKind.GENERIC, "/cache", VERIFY).foreignOwners()).isNull();
        CachePass.Options unknown = new CachePass.Options(true, true, DEV, false, 10, 100); // Podman's archive: all root
        assertThat(KindFixtures.archive(cache, CacheKind.GENERIC, "/cache", unknown).foreignOwners()).isNull();
    }

    @Test
    void aPipLayoutInAUvCacheIsAnotherToolsLayout() throws IOException {
        write(cache, "http-v2/a/b/c/d/e/f.body", "x");
        write(cache, "selfcheck/x.json", "{}");

        assertThat(bothPaths(cache, CacheKind.UV, "/root/.cache/uv", VERIFY).otherLayout()).isEqualTo(CacheKind.PIP);
        assertThat(bothPaths(cache, CacheKind.PIP, "/root/.cache/pip", VERIFY).otherLayout()).isNull();
        assertThat(bothPaths(cache, CacheKind.GENERIC, "/cache", VERIFY).otherLayout()).isNull();
    }

    @Test
    void aHubUnderACacheOfAnotherKindIsTheHubsLayout() throws IOException {
        write(cache, "hub/models--openai--whisper-tiny/refs/main", "abc");

        assertThat(bothPaths(cache, CacheKind.PIP, "/root/.cache/pip", VERIFY).otherLayout())
                .isEqualTo(CacheKind.HUGGINGFACE);
        assertThat(bothPaths(cache, CacheKind.HUGGINGFACE, "/root/.cache/huggingface", VERIFY).otherLayout()).isNull();
    }

    @Test
    void eachToolsLayoutIsKnownByItsMarks() {
        assertThat(Kinds.layoutOf(Set.of("_cacache"), Set.of("_cacache/index-v5"))).contains(CacheKind.NPM);
        assertThat(Kinds.layoutOf(Set.of("wheels-v5", "archive-v0"), Set.of())).contains(CacheKind.UV);
        assertThat(Kinds.layoutOf(Set.of("http", "wheels"), Set.of())).contains(CacheKind.PIP);
        assertThat(Kinds.layoutOf(Set.of("caches"), Set.of("caches/modules-2"))).contains(CacheKind.GRADLE);
        assertThat(Kinds.layoutOf(Set.of("wrapper"), Set.of("wrapper/dists"))).contains(CacheKind.GRADLE);
        assertThat(Kinds.layoutOf(Set.of("cache", "github.com"), Set.of("cache/download"))).contains(CacheKind.GO);
        assertThat(Kinds.layoutOf(Set.of("registry"), Set.of("registry/index"))).contains(CacheKind.CARGO);
        assertThat(Kinds.layoutOf(Set.of("index", "cache", "src"), Set.of())).contains(CacheKind.CARGO);
        assertThat(Kinds.layoutOf(Set.of("v3"), Set.of("v3/files"))).contains(CacheKind.PNPM);
        assertThat(Kinds.layoutOf(Set.of("v6"), Set.of("v6/npm-lodash-4.17.21-abc-integrity"))).contains(CacheKind.YARN);
        assertThat(Kinds.layoutOf(Set.of("hub"), Set.of("hub/checkpoints"))).contains(CacheKind.TORCH);
        assertThat(Kinds.layoutOf(Set.of("0", "1", "2", "3", "4", "5", "6", "7"), Set.of())).contains(CacheKind.CCACHE);
        assertThat(Kinds.layoutOf(Set.of("tiny.pt"), Set.of())).contains(CacheKind.WHISPER);
        assertThat(Kinds.layoutOf(Set.of("repository"), Set.of("repository/org"))).contains(CacheKind.MAVEN);
        // the Maven Wrapper's distributions sit beside the repository in ~/.m2
        assertThat(Kinds.layoutOf(Set.of("repository", "wrapper"), Set.of("repository/org", "wrapper/dists")))
                .contains(CacheKind.MAVEN);
        assertThat(Kinds.layoutOf(Set.of("notes.txt", "data"), Set.of("data/x"))).isEmpty();
    }

    @Test
    void theToolsRootFollowsTheMountTargetHoweverItIsSpelled() {
        assertThat(ToolRoot.of(CacheKind.MAVEN, "/home/dev/.m2/")).isEqualTo(new ToolRoot("repository/", ""));
        assertThat(ToolRoot.of(CacheKind.MAVEN, "C:\\Users\\dev\\.m2")).isEqualTo(new ToolRoot("repository/", ""));
        assertThat(ToolRoot.of(CacheKind.MAVEN, null)).isEqualTo(ToolRoot.WHOLE);
        assertThat(ToolRoot.of(CacheKind.CARGO, "/usr/local/cargo/git")).isEqualTo(new ToolRoot("", "git/"));
        assertThat(ToolRoot.of(CacheKind.HUGGINGFACE, "/data/hub//")).isEqualTo(ToolRoot.WHOLE);
        ToolRoot m2 = ToolRoot.of(CacheKind.MAVEN, "/root/.m2");
        assertThat(m2.inLayout("settings.xml")).isNull();
        assertThat(m2.inCache(m2.inLayout("repository/org/a.jar"))).isEqualTo("repository/org/a.jar");
        ToolRoot caches = ToolRoot.of(CacheKind.GRADLE, "/root/.gradle/caches");
        assertThat(caches.inCache(caches.inLayout("modules-2/x"))).isEqualTo("modules-2/x");
    }

    @Test
    void aFileThatCannotBeReadIsReportedAsSuch() throws IOException {
        Path jar = write(cache, "org/example/lib/1.0/lib-1.0.jar", KindFixtures.jar(1));
        CacheContents local = CacheContents.local(cache);
        CachePass.Result result = CachePass.run(new CacheContents() {

            @Override
            public VolumeScan scan(int keep, EntrySink sink) throws IOException {
                return local.scan(keep, new EntrySink() {
                    @Override
                    public boolean file(String path, long size, long uid, long gid) {
                        boolean wanted = sink.file(path, size, uid, gid);
                        jar.toFile().delete(); // gone between the walk and the read
                        return wanted;
                    }

                    @Override
                    public void link(String path, String target) {
                        sink.link(path, target);
                    }

                    @Override
                    public void content(String path, long size, InputStream in) throws IOException {
                        sink.content(path, size, in);
                    }

                    @Override
                    public void unreadable(String path, IOException cause) {
                        sink.unreadable(path, cause);
                    }
                });
            }

            @Override
            public InputStream open(String file) throws IOException {
                return local.open(file);
            }

            @Override
            public Optional<Owner> rootOwner() throws IOException {
                return local.rootOwner();
            }

            @Override
            public Optional<Long> regularFileSize(String file) throws IOException {
                return local.regularFileSize(file);
            }

            @Override
            public ReadPath via() {
                return local.via();
            }
        }, CacheKind.MAVEN, "/root/.m2/repository", VERIFY);

        assertThat(result.findings().broken()).containsExactly(
                new Findings.Broken("org/example/lib/1.0/lib-1.0.jar", "cannot be read", List.of(), 0));
    }
}
