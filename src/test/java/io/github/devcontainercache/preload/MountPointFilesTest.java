package io.github.devcontainercache.preload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.ReadPath;
import io.github.devcontainercache.preload.CacheFiles.Placement;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MountPointFilesTest {

    private static final byte[] CONTENT = "hello\n".getBytes(StandardCharsets.US_ASCII);
    private static final Expected HELLO = Expected.gitBlob("ce013625030ba8dba906f756967f9e9ca394464a", 6);

    @TempDir
    Path root;

    private Owner owner;
    private MountPointFiles files;

    @BeforeEach
    void open() throws IOException {
        owner = new Owner((Integer) Files.getAttribute(root, "unix:uid"), (Integer) Files.getAttribute(root, "unix:gid"));
        files = new MountPointFiles(root, owner);
    }

    private static int uid(Path path) throws IOException {
        return (Integer) Files.getAttribute(path, "unix:uid", LinkOption.NOFOLLOW_LINKS);
    }

    @Test
    void itIsReadAndWrittenOnTheMountPoint() {
        assertThat(files.via()).isEqualTo(ReadPath.MOUNT_POINT);
    }

    @Test
    void aPartialFileHasItsFoldersMade() throws IOException {
        Path partial = files.partial("models--org--name/blobs/abc.incomplete");

        assertThat(partial).isEqualTo(root.toRealPath().resolve("models--org--name/blobs/abc.incomplete"));
        assertThat(partial).doesNotExist();
        assertThat(partial.getParent()).isDirectory();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(partial.getParent())))
                .isEqualTo("rwxr-xr-x");
        assertThat(uid(partial.getParent())).isEqualTo(owner.uid());
    }

    @Test
    void aPartialFileAtTheRootNeedsNoFolder() throws IOException {
        assertThat(files.partial("tiny.pt.part")).isEqualTo(root.toRealPath().resolve("tiny.pt.part"));
    }

    @Test
    void aVerifiedFileIsRenamedIntoPlace() throws IOException {
        Path partial = files.partial("models/x.bin.part");
        Files.write(partial, CONTENT);

        files.place(List.of(Placement.file("models/x.bin", partial)));

        Path placed = root.resolve("models/x.bin");
        assertThat(placed).hasBinaryContent(CONTENT);
        assertThat(partial).doesNotExist();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(placed))).isEqualTo("rw-r--r--");
        assertThat(uid(placed)).isEqualTo(owner.uid());
    }

    @Test
    void aVerifiedFileReplacesWhatWasThere() throws IOException {
        Files.writeString(root.resolve("tiny.pt"), "damaged");
        Path partial = files.partial("tiny.pt.part");
        Files.write(partial, CONTENT);

        files.place(List.of(Placement.file("tiny.pt", partial)));

        assertThat(root.resolve("tiny.pt")).hasBinaryContent(CONTENT);
    }

    @Test
    void aVerifiedFileReplacesALinkAtItsPlaceWithoutWritingThroughIt() throws IOException {
        Path outside = Files.createTempFile("outside", ".txt");
        try {
            Files.writeString(outside, "keep me");
            Files.createSymbolicLink(root.resolve("tiny.pt"), outside);
            Path partial = files.partial("tiny.pt.part");
            Files.write(partial, CONTENT);

            files.place(List.of(Placement.file("tiny.pt", partial)));

            assertThat(Files.isSymbolicLink(root.resolve("tiny.pt"))).isFalse();
            assertThat(root.resolve("tiny.pt")).hasBinaryContent(CONTENT);
            assertThat(outside).hasContent("keep me");
        } finally {
            Files.deleteIfExists(outside);
        }
    }

    @Test
    void aLinkIsARelativeSymbolicLink() throws IOException {
        Path blob = files.partial("models--org--name/blobs/abc");
        Files.write(blob, CONTENT);

        files.place(List.of(Placement.link("models--org--name/snapshots/" + "1".repeat(40) + "/config.json",
                "../../blobs/abc")));

        Path link = root.resolve("models--org--name/snapshots/" + "1".repeat(40) + "/config.json");
        assertThat(Files.isSymbolicLink(link)).isTrue();
        assertThat(Files.readSymbolicLink(link)).isEqualTo(Path.of("../../blobs/abc"));
        assertThat(link).hasBinaryContent(CONTENT);
        assertThat(uid(link)).isEqualTo(owner.uid());
        assertThat(link.resolveSibling("config.json.link.part")).doesNotExist();
    }

    @Test
    void aLinkThatIsThereAlreadyIsKeptAndAnotherIsReplaced() throws IOException {
        files.place(List.of(Placement.link("snapshots/c/a.bin", "../../blobs/one")));
        files.place(List.of(Placement.link("snapshots/c/a.bin", "../../blobs/one")));
        assertThat(Files.readSymbolicLink(root.resolve("snapshots/c/a.bin"))).isEqualTo(Path.of("../../blobs/one"));

        files.place(List.of(Placement.link("snapshots/c/a.bin", "../../blobs/two")));
        assertThat(Files.readSymbolicLink(root.resolve("snapshots/c/a.bin"))).isEqualTo(Path.of("../../blobs/two"));
    }

    @Test
    void aTextIsWrittenInPlace() throws IOException {
        files.place(List.of(Placement.text("models--org--name/refs/main", "1".repeat(40))));

        Path ref = root.resolve("models--org--name/refs/main");
        assertThat(ref).hasContent("1".repeat(40));
        assertThat(ref.resolveSibling("main.part")).doesNotExist();
        assertThat(files.text("models--org--name/refs/main")).contains("1".repeat(40));

        files.place(List.of(Placement.text("models--org--name/refs/main", "2".repeat(40))));
        assertThat(ref).hasContent("2".repeat(40));
    }

    @Test
    void placementsArePutInTheirOrder() throws IOException {
        Path partial = files.partial("blobs/abc.incomplete");
        Files.write(partial, CONTENT);

        files.place(List.of(Placement.file("blobs/abc", partial), Placement.link("snapshots/c/x", "../../blobs/abc"),
                Placement.text("refs/main", "c")));

        assertThat(root.resolve("snapshots/c/x")).hasBinaryContent(CONTENT);
        assertThat(root.resolve("refs/main")).hasContent("c");
    }

    @Test
    void aFolderThatIsALinkIsRefused() throws IOException {
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("models"), elsewhere);

        assertThatThrownBy(() -> files.partial("models/x.bin.part"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'models' in the cache is a link");
        assertThatThrownBy(() -> files.place(List.of(Placement.text("models/sub/ref", "x"))))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aLinkDeeperDownIsRefusedToo() throws IOException {
        Files.createDirectories(root.resolve("a/b"));
        Path elsewhere = Files.createDirectory(root.resolve("elsewhere"));
        Files.createSymbolicLink(root.resolve("a/b/c"), elsewhere);

        assertThatThrownBy(() -> files.partial("a/b/c/d/x.part"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'a/b/c' in the cache is a link");
        assertThat(elsewhere).isEmptyDirectory();
    }

    @Test
    void aFileWhereAFolderMustBeIsRefused() throws IOException {
        Files.writeString(root.resolve("models"), "a file");

        assertThatThrownBy(() -> files.partial("models/x.bin.part"))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("'models' in the cache is a file where preload needs a folder");
    }

    @Test
    void itHoldsAFileThatIsWhatItMustBe() throws IOException {
        Files.createDirectories(root.resolve("blobs"));
        Files.write(root.resolve("blobs/hello"), CONTENT);

        assertThat(files.holds("blobs/hello", HELLO, BuildLog.SILENT)).isTrue();
        assertThat(files.holds("blobs/hello", Expected.gitBlob(HELLO.hex(), -1), BuildLog.SILENT)).isTrue();
    }

    @Test
    void itDoesNotHoldAFileOfOtherContentOrSize() throws IOException {
        Files.write(root.resolve("same-size"), "hellO\n".getBytes(StandardCharsets.US_ASCII));
        Files.write(root.resolve("longer"), "hello\n\n".getBytes(StandardCharsets.US_ASCII));

        assertThat(files.holds("same-size", HELLO, BuildLog.SILENT)).isFalse();
        assertThat(files.holds("longer", HELLO, BuildLog.SILENT)).isFalse();
        assertThat(files.holds("longer", Expected.gitBlob(HELLO.hex(), -1), BuildLog.SILENT)).isFalse();
    }

    @Test
    void itDoesNotHoldWhatIsMissingAFolderOrALink() throws IOException {
        Files.createDirectories(root.resolve("folder"));
        Files.write(root.resolve("real"), CONTENT);
        Files.createSymbolicLink(root.resolve("link"), root.resolve("real"));
        Files.createSymbolicLink(root.resolve("linked-folder"), root.resolve("folder"));
        Files.write(root.resolve("folder/hello"), CONTENT);

        assertThat(files.holds("missing", HELLO, BuildLog.SILENT)).isFalse();
        assertThat(files.holds("missing/hello", HELLO, BuildLog.SILENT)).isFalse();
        assertThat(files.holds("folder", HELLO, BuildLog.SILENT)).isFalse();
        assertThat(files.holds("link", HELLO, BuildLog.SILENT)).isFalse();
        assertThat(files.holds("linked-folder/hello", HELLO, BuildLog.SILENT)).isFalse();
        assertThat(files.holds("folder/hello", HELLO, BuildLog.SILENT)).isTrue();
    }

    @Test
    void existsSeesFilesFoldersAndLinksButNothingThroughALink() throws IOException {
        Files.createDirectories(root.resolve("snapshots/c"));
        Files.createSymbolicLink(root.resolve("snapshots/c/dangling"), Path.of("../../blobs/missing"));
        Files.createSymbolicLink(root.resolve("through"), root.resolve("snapshots"));

        assertThat(files.exists("snapshots/c")).isTrue();
        assertThat(files.exists("snapshots/c/dangling")).isTrue();
        assertThat(files.exists("snapshots/d")).isFalse();
        assertThat(files.exists("through/c")).isFalse();
    }

    @Test
    void aTextIsReadWhenItIsASmallRegularFile() throws IOException {
        Files.createDirectories(root.resolve("refs"));
        Files.writeString(root.resolve("refs/main"), "abc\n");
        Files.writeString(root.resolve("refs/large"), "x".repeat(4097));
        Files.createSymbolicLink(root.resolve("refs/link"), root.resolve("refs/main"));

        assertThat(files.text("refs/main")).contains("abc\n");
        assertThat(files.text("refs/large")).isEmpty();
        assertThat(files.text("refs/link")).isEmpty();
        assertThat(files.text("refs/missing")).isEmpty();
    }

    @Test
    void anAbandonedEmptyPartialFileGoesWithTheFoldersMadeForIt() throws IOException {
        Files.createDirectories(root.resolve("hub"));
        Path partial = files.partial("hub/models--org--name/blobs/abc.incomplete");
        Files.createFile(partial);

        assertThat(files.abandon(partial)).isZero();

        assertThat(root.resolve("hub/models--org--name")).doesNotExist();
        assertThat(root.resolve("hub")).as("a folder that was there before stays").isDirectory();
        assertThat(root).isDirectory();
    }

    @Test
    void anAbandonedPartialFileThatHoldsBytesIsKeptToBeResumed() throws IOException {
        Path partial = files.partial("models/x.bin.part");
        Files.write(partial, CONTENT);

        assertThat(files.abandon(partial)).isEqualTo(CONTENT.length);

        assertThat(partial).hasBinaryContent(CONTENT);
    }

    @Test
    void abandoningAPartialFileNeverWrittenLeavesTheFoldersThatHoldOtherThings() throws IOException {
        Path partial = files.partial("models/blobs/x.part");
        Files.writeString(root.resolve("models/other"), "keep");

        assertThat(files.abandon(partial)).isZero();

        assertThat(root.resolve("models/blobs")).doesNotExist();
        assertThat(root.resolve("models/other")).hasContent("keep");
    }

    @Test
    void foldersThatAnotherPreloadMadeAreNotRemoved() throws IOException {
        files.partial("models/x.part");
        MountPointFiles later = new MountPointFiles(root, owner);
        Path partial = later.partial("models/x.part");

        later.abandon(partial);

        assertThat(root.resolve("models")).isEmptyDirectory();
    }

    @Test
    void theOwnerIsTheOneGiven() throws IOException {
        MountPointFiles other = new MountPointFiles(root, new Owner(12345, 23456));
        Path partial = other.partial("owned/x.part");
        Files.write(partial, CONTENT);
        other.place(List.of(Placement.file("owned/x", partial), Placement.link("owned/link", "x"),
                Placement.text("owned/ref", "c")));

        for (String path : new String[] {"owned", "owned/x", "owned/link", "owned/ref"}) {
            assertThat(uid(root.resolve(path))).as(path).isEqualTo(12345);
            assertThat((Integer) Files.getAttribute(root.resolve(path), "unix:gid", LinkOption.NOFOLLOW_LINKS))
                    .as(path).isEqualTo(23456);
        }
    }
}
