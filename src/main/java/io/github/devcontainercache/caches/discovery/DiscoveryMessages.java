package io.github.devcontainercache.caches.discovery;

import static io.github.devcontainercache.Wording.count;

import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.SkippedMount;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a user reads about the dev container configurations read: a file that cannot be used, a mount or variable
 * that cannot be resolved, and what was found. Unit tests assert these texts exactly.
 */
public final class DiscoveryMessages {

    private DiscoveryMessages() {}

    public static String configTooLarge(Path file, long max) {
        return file + ": larger than " + max / (1024 * 1024) + " MiB, which no dev container configuration is;"
                + " point -Ddevcontainer-cache.devcontainer at the right file, or set -Ddevcontainer-cache.discover=false.";
    }

    public static String configLineTooLong(Path file, int line, int max) {
        return file + ":" + line + ": a line longer than " + max + " characters, which no compose file has;"
                + " fix the file, or set -Ddevcontainer-cache.discover=false.";
    }

    /** Why a configuration is malformed: its YAML aliases stand for more values than any configuration holds. */
    public static String configTooManyValues(long max) {
        return "more than " + max + " values once its aliases are expanded, which no configuration holds";
    }

    public static String configUnreadable(Path file, IOException e) {
        return file + ": cannot be read (" + e.getMessage() + ").";
    }

    public static String configMalformed(Path file, String format, int line, int column, String what) {
        String where = line > 0 ? file + ":" + line + ":" + column : file.toString();
        return where + ": not valid " + format + ": " + what + ". Fix the file, or set"
                + " -Ddevcontainer-cache.discover=false to declare the caches in the pom only.";
    }

    public static String configNotAnObject(Path file) {
        return file + ": a devcontainer.json holds one JSON object ({ ... }).";
    }

    public static String badMount(Path file, int line, String mount, String why) {
        return file + ":" + line + ": mount '" + mount + "': " + why + ".";
    }

    public static String unresolvableVariable(Path file, int line, String variable) {
        return file + ":" + line + ": " + variable + " cannot be resolved outside the container; use"
                + " ${localWorkspaceFolderBasename}, ${localWorkspaceFolder} or ${localEnv:VAR}, or declare the"
                + " cache in the pom.";
    }

    public static String devcontainerIdSkipped(Path file, int line, String source) {
        return devcontainerIdSkipped(new SkippedMount(source, null, SkippedMount.Reason.DEVCONTAINER_ID,
                Origin.file(file, line)));
    }

    public static String devcontainerIdSkipped(SkippedMount mount) {
        return mount.origin() + ": the volume '" + mount.source() + "' is named after ${devcontainerId}, which only"
                + " the container's labels give; it is left out. Declare it in the pom by its real name to include it.";
    }

    public static String conflictingTargets(String volume, String target, Origin origin, String otherTarget,
            Origin otherOrigin) {
        return "Volume '" + volume + "' is mounted at " + target + " (" + origin + ") and at " + otherTarget + " ("
                + otherOrigin + "); give it one target in both configurations, or two volumes.";
    }

    public static String composeFileMissing(Path file) {
        return "The compose file " + file + " named in dockerComposeFile does not exist.";
    }

    public static String badComposePath(Path file, int line, String path) {
        return file + ":" + line + ": dockerComposeFile names '" + path + "', which is not a file path.";
    }

    public static String composeWithoutFiles(Path file, int line) {
        return file + ":" + line + ": dockerComposeFile names no file.";
    }

    public static String composeWithoutService(Path file, int line) {
        return file + ":" + line + ": dockerComposeFile is set but \"service\" is not; name the service the dev"
                + " container runs in.";
    }

    public static String devcontainerParameterMissing(Path file) {
        return "-Ddevcontainer-cache.devcontainer names " + file + ", which is not a file. Point it at a"
                + " devcontainer.json, or leave it out to find the configurations of the project.";
    }

    public static String discovered(Path workspace, List<Path> configurations, int caches) {
        return "Read " + count(configurations.size(), "dev container configuration") + " in " + workspace + ": "
                + count(caches, "cache") + ".";
    }
}
