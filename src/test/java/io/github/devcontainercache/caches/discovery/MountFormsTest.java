package io.github.devcontainercache.caches.discovery;

import static io.github.devcontainercache.caches.discovery.Workspace.cache;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way devcontainer.json mounts a named volume: mount strings, mount objects, runArgs and workspaceMount,
 * each cache with the line it is written on; bind and tmpfs mounts and anonymous volumes are not caches.
 */
class MountFormsTest {

    private static final String FILE = ".devcontainer/devcontainer.json";

    @TempDir
    Path temp;

    @Test
    void mountStringsInEverySpelling() throws Exception {
        Workspace workspace = Workspace.in(temp, "strings").devcontainer("""
                {
                  "mounts": [
                    "source=a-vol,target=/a,type=volume",
                    "src=b-vol,dst=/b",
                    "type=volume,destination=/c,source=c-vol",
                    " target=/d , source=d-vol ",
                    "source=${localWorkspaceFolder}/data,target=/data,type=bind",
                    "type=tmpfs,target=/tmp/cache",
                    "target=/anonymous,type=volume",
                    "source=e-vol,target=/e,type=volume,readonly,consistency=cached",
                    "Source=F-vol,Target=/f,Type=Volume",
                    "source=,target=/empty-source"
                  ]
                }
                """);

        assertThat(workspace.discover().caches()).containsExactly(
                cache("a-vol", "/a", FILE + ":3"),
                cache("b-vol", "/b", FILE + ":4"),
                cache("c-vol", "/c", FILE + ":5"),
                cache("d-vol", "/d", FILE + ":6"),
                cache("e-vol", "/e", FILE + ":10"),
                cache("F-vol", "/f", FILE + ":11"));
    }

    @Test
    void mountObjectsTakeTheLineOfTheirSource() throws Exception {
        Workspace workspace = Workspace.in(temp, "objects").devcontainer("""
                {
                  "mounts": [
                    {"source": "obj-vol", "target": "/obj", "type": "volume"},
                    {
                      "type": "volume",
                      "target": "/obj2",
                      "source": "obj2-vol"
                    },
                    {"type": "bind", "source": "/host", "target": "/h"},
                    {"type": "tmpfs", "target": "/t"},
                    {"type": "volume", "target": "/anonymous"},
                    {"type": "volume", "source": "", "target": "/blank"},
                    null
                  ]
                }
                """);

        assertThat(workspace.discover().caches()).containsExactly(
                cache("obj-vol", "/obj", FILE + ":3"),
                cache("obj2-vol", "/obj2", FILE + ":7"));
    }

    @Test
    void runArgsVolumesAndMounts() throws Exception {
        Workspace workspace = Workspace.in(temp, "runargs").devcontainer("""
                {
                  "runArgs": [
                    "--init",
                    "-v", "run-a:/ra",
                    "--volume",
                    "run-b:/rb:ro",
                    "--volume=run-c:/rc",
                    "--mount", "type=volume,src=run-d,dst=/rd",
                    "--mount=type=volume,source=run-e,target=/re",
                    "-v", "/host/path:/bind",
                    "-v", "./rel:/p",
                    "-v", "~/home:/home-bind",
                    "-v", "/anonymous-only",
                    "--mount", "type=bind,source=/x,target=/y",
                    "--mount=type=tmpfs,target=/scratch",
                    "--network=host",
                    "-v"
                  ]
                }
                """);

        assertThat(workspace.discover().caches()).containsExactly(
                cache("run-a", "/ra", FILE + ":4"),
                cache("run-b", "/rb", FILE + ":6"),
                cache("run-c", "/rc", FILE + ":7"),
                cache("run-d", "/rd", FILE + ":8"),
                cache("run-e", "/re", FILE + ":9"));
    }

    @Test
    void aVolumeWorkspaceMountIsACache() throws Exception {
        Workspace workspace = Workspace.in(temp, "wsvolume").devcontainer("""
                {
                  "workspaceFolder": "/workspaces/app",
                  "workspaceMount":
                    "source=app-source,target=/workspaces/app,type=volume"
                }
                """);

        assertThat(workspace.discover().caches())
                .containsExactly(cache("app-source", "/workspaces/app", FILE + ":4"));
    }

    @Test
    void aBindWorkspaceMountIsNot() throws Exception {
        Workspace workspace = Workspace.in(temp, "wsbind").devcontainer("""
                {
                  "workspaceMount": "source=${localWorkspaceFolder},target=/workspace,type=bind,consistency=cached",
                  "workspaceFolder": "/workspace"
                }
                """);

        assertThat(workspace.discover().caches()).isEmpty();
    }

    @Test
    void allFormsTogetherInFileOrder() throws Exception {
        Workspace workspace = Workspace.in(temp, "all").devcontainer("""
                {
                  "workspaceMount": "source=ws-vol,target=/workspaces/all,type=volume",
                  "runArgs": ["-v", "from-runargs:/r"],
                  "mounts": [
                    "source=from-string,target=/s",
                    {"type": "volume", "source": "from-object", "target": "/o"}
                  ]
                }
                """);

        assertThat(workspace.discover().caches()).containsExactly(
                cache("from-string", "/s", FILE + ":5"),
                cache("from-object", "/o", FILE + ":6"),
                cache("from-runargs", "/r", FILE + ":3"),
                cache("ws-vol", "/workspaces/all", FILE + ":2"));
    }

    @Test
    void oneVolumeMountedTwiceAtOneTargetIsOneCache() throws Exception {
        Workspace workspace = Workspace.in(temp, "twice").devcontainer("""
                {
                  "mounts": ["source=m2,target=/root/.m2,type=volume"],
                  "runArgs": ["--volume", "m2:/root/.m2"]
                }
                """);

        assertThat(workspace.discover().caches()).containsExactly(cache("m2", "/root/.m2", FILE + ":2"));
    }

    // The syntaxes themselves, without files.

    @Test
    void parsesMountStrings() throws Exception {
        assertThat(MountStrings.parseMountString("source=a,target=/a,type=volume"))
                .isEqualTo(new MountStrings.Mount("volume", "a", "/a"));
        assertThat(MountStrings.parseMountString("dst=/b,src=b"))
                .isEqualTo(new MountStrings.Mount("volume", "b", "/b"));
        assertThat(MountStrings.parseMountString("destination=/c,source=c,type=VOLUME,readonly"))
                .isEqualTo(new MountStrings.Mount("volume", "c", "/c"));
        assertThat(MountStrings.parseMountString("type=bind,source=/host,target=/h"))
                .isEqualTo(new MountStrings.Mount("bind", "/host", "/h"));
        assertThat(MountStrings.parseMountString("type=tmpfs,target=/t,tmpfs-size=1g"))
                .isEqualTo(new MountStrings.Mount("tmpfs", null, "/t"));
        assertThat(MountStrings.parseMountString("target=/anonymous"))
                .isEqualTo(new MountStrings.Mount("volume", null, "/anonymous"));
        assertThat(MountStrings.parseMountString("source=,target=/x,,"))
                .isEqualTo(new MountStrings.Mount("volume", null, "/x"));
        assertThat(MountStrings.parseMountString("source=a,target=/x").isVolume()).isTrue();
        assertThat(MountStrings.parseMountString("type=bind,source=/a,target=/x").isVolume()).isFalse();
    }

    @Test
    void refusesMountStringsWithoutTargetOrWithUnknownType() {
        assertThatThrownBy(() -> MountStrings.parseMountString("source=a,type=volume"))
                .isInstanceOf(MountStrings.BadMount.class)
                .hasMessage("the mount has no target (write target=/path/in/container)");
        assertThatThrownBy(() -> MountStrings.parseMountString("source=a,target="))
                .isInstanceOf(MountStrings.BadMount.class)
                .hasMessage("the mount has no target (write target=/path/in/container)");
        assertThatThrownBy(() -> MountStrings.parseMountString("source=a,target=/a,type=floppy"))
                .isInstanceOf(MountStrings.BadMount.class)
                .hasMessage("unknown mount type 'floppy' (expected volume, bind or tmpfs)");
        assertThatThrownBy(() -> MountStrings.parseMountString(""))
                .isInstanceOf(MountStrings.BadMount.class);
    }

    @Test
    void parsesVolumeFlags() throws Exception {
        assertThat(MountStrings.parseVolumeFlag("name:/path"))
                .isEqualTo(new MountStrings.Mount("volume", "name", "/path"));
        assertThat(MountStrings.parseVolumeFlag("name:/path:ro,z"))
                .isEqualTo(new MountStrings.Mount("volume", "name", "/path"));
        assertThat(MountStrings.parseVolumeFlag("/anonymous"))
                .isEqualTo(new MountStrings.Mount("volume", null, "/anonymous"));
        assertThat(MountStrings.parseVolumeFlag("/host:/path").isVolume()).isFalse();
        assertThat(MountStrings.parseVolumeFlag("./rel:/path").isVolume()).isFalse();
        assertThat(MountStrings.parseVolumeFlag("../up:/path").isVolume()).isFalse();
        assertThat(MountStrings.parseVolumeFlag("~/home:/path").isVolume()).isFalse();
        assertThat(MountStrings.parseVolumeFlag("sub/dir:/path").isVolume()).isFalse();
        assertThatThrownBy(() -> MountStrings.parseVolumeFlag("name::ro"))
                .isInstanceOf(MountStrings.BadMount.class)
                .hasMessage("the volume has no target (write NAME:/path/in/container)");
    }

    @Test
    void findsTheMountArgumentsOfRunArgs() {
        List<String> args = Arrays.asList(
                "--init", "-v", "a:/a", "--volume", "b:/b", "--volume=c:/c", "--mount", "type=volume,src=d,dst=/d",
                "--mount=type=volume,src=e,dst=/e", null, "--cap-add=SYS_PTRACE", "-v=f:/f", "--mount");

        assertThat(MountStrings.mountArguments(args)).extracting(found -> found[0] + "/" + found[1])
                .containsExactly("2/0", "4/0", "5/0", "7/1", "8/1", "11/0");
        assertThat(MountStrings.argumentValue("--volume=c:/c")).isEqualTo("c:/c");
        assertThat(MountStrings.argumentValue("--mount=type=volume,src=e,dst=/e")).isEqualTo("type=volume,src=e,dst=/e");
        assertThat(MountStrings.argumentValue("-v=f:/f")).isEqualTo("f:/f");
        assertThat(MountStrings.argumentValue("a:/a")).isEqualTo("a:/a");
    }
}
