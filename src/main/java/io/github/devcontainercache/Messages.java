package io.github.devcontainercache;

import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.caches.VolumeNames;
import io.github.devcontainercache.engine.ContainerInfo;
import io.github.devcontainercache.engine.EndpointAttempt;
import io.github.devcontainercache.engine.EngineEndpoint;
import io.github.devcontainercache.engine.EngineVersion;
import io.github.devcontainercache.engine.HelperContainer;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URLDecoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import javax.net.ssl.SSLException;

/**
 * Every text the plugin shows a user, in one place: what failed, why, and how to fix it. Unit tests assert
 * these texts exactly.
 */
public final class Messages {

    private static final String NL = System.lineSeparator();

    private Messages() {}

    // ---- declarations --------------------------------------------------------------------------------

    /** How messages name a cache that has no volume name. */
    public static final String UNNAMED_CACHE = "(no volume)";

    public static String volumeMissing(Origin origin) {
        return "A cache declared in the " + origin + " has no volume name. Add <volume>NAME</volume> to it.";
    }

    public static String invalidVolumeName(String volume, Origin origin) {
        return "Cache volume name '" + volume + "' (" + origin + ") is not a valid Docker volume name: it must match "
                + VolumeNames.RULE + " (letters, digits, '_', '.', '-'; at least two characters, starting with a"
                + " letter or digit). Rename it in <volume>.";
    }

    public static String unknownKind(String kind, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has an unknown <kind>" + kind + "</kind>. Use one of "
                + CacheKind.allIds() + ", or leave <kind> out to infer it from <target>.";
    }

    public static String targetNotAbsolute(String target, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has <target>" + target + "</target>, which is not an"
                + " absolute path in the container. Write it as the dev container mounts it, such as"
                + " /home/vscode/.cache/pip.";
    }

    public static String invalidBudget(String budget, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has <budget>" + budget + "</budget>, which is not a size."
                + " Write a number and a unit, such as 500MB, 2GB or 1.5GiB.";
    }

    public static String invalidOwner(String owner, String volume, Origin origin) {
        return "Cache '" + volume + "' (" + origin + ") has <owner>" + owner + "</owner>, which is not a numeric"
                + " uid:gid. Write it as the container user's ids, such as 1000:1000 (see 'id' in the dev container).";
    }

    public static String declaredTwice(String volume, Origin first, Origin second) {
        return "Cache volume '" + volume + "' is declared twice (" + first + " and " + second + "). Keep one"
                + " <cache> per volume.";
    }

    public static String selectorMatchesNothing(String selector, List<CacheDeclaration> declared) {
        String available = declared.isEmpty()
                ? "no caches are declared"
                : "the declared caches are " + declared.stream()
                        .map(c -> c.volume() + " (" + c.effectiveKind().id() + ")")
                        .collect(Collectors.joining(", "));
        return "devcontainer-cache.only names '" + selector + "', which is neither a declared cache volume nor the"
                + " kind of one; " + available + ". Fix -Ddevcontainer-cache.only=... or <only>.";
    }

    public static String noCachesDeclared() {
        return "No caches are declared, so there is nothing to do. Mount named volumes in"
                + " .devcontainer/devcontainer.json, or declare them in the plugin's configuration:"
                + " <caches><cache><volume>my-pip-cache</volume></cache></caches>.";
    }

    public static String invalidDeclarations(List<String> problems) {
        return "The cache declarations cannot be used (" + count(problems.size(), "problem") + "):" + NL
                + bullets(problems);
    }

    // ---- dev container configurations -----------------------------------------------------------------

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
        return file + ":" + line + ": the volume '" + source + "' is named after ${devcontainerId}, which only the"
                + " container's labels give; it is left out. Declare it in the pom by its real name to include it.";
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

    public static String composeLabelsDiffer(String volume, String project, String key, String labelProject,
            String labelVolume) {
        return "Volume '" + volume + "' exists but compose did not make it for this project: its labels say project '"
                + labelProject + "', volume '" + labelVolume + "', not '" + project + "', '" + key + "'. Another"
                + " project may own it; set COMPOSE_PROJECT_NAME or name: in the compose file to tell them apart.";
    }

    public static String foundByComposeLabels(String expected, String actual, String project, String key) {
        return "Volume '" + expected + "' does not exist, but '" + actual + "' carries compose's labels for project '"
                + project + "', volume '" + key + "': using it.";
    }

    public static String devcontainerParameterMissing(Path file) {
        return "-Ddevcontainer-cache.devcontainer names " + file + ", which is not a file. Point it at a"
                + " devcontainer.json, or leave it out to find the configurations of the project.";
    }

    public static String discovered(Path workspace, List<Path> configurations, int caches) {
        return "Read " + count(configurations.size(), "dev container configuration") + " in " + workspace + ": "
                + count(caches, "cache") + ".";
    }

    // ---- engine ---------------------------------------------------------------------------------------

    public static String engineLine(EngineVersion version, EngineEndpoint endpoint) {
        return version.product() + " " + version.version() + " (API " + version.apiVersion() + ") at "
                + endpoint.describe();
    }

    public static String engineUnreachable(List<EndpointAttempt> attempts) {
        String tried = attempts.isEmpty()
                ? "  - no endpoint applies on this system"
                : attempts.stream().map(a -> "  - " + a).collect(Collectors.joining(NL));
        return "No container engine answered. Endpoints tried:" + NL + tried + NL
                + "To fix it: start Docker (or Podman's service: podman system service), or point the plugin at"
                + " the engine with DOCKER_HOST or -Ddevcontainer-cache.dockerHost=unix:///path/to/docker.sock"
                + " (<dockerHost>); to build without an engine, set -Ddevcontainer-cache.failIfNoEngine=false or"
                + " -Ddevcontainer-cache.skip=true.";
    }

    public static String noEngineSkipping(String goal, String reason) {
        return reason + NL + "Skipping devcontainer-cache:" + goal
                + " because devcontainer-cache.failIfNoEngine = false.";
    }

    public static String badEngineAddress() {
        return "not an engine address; write unix:///path/to/docker.sock, tcp://host:2376 or"
                + " npipe:////./pipe/docker_engine (ssh:// is not supported: forward the socket with"
                + " ssh -L /tmp/docker.sock:/var/run/docker.sock HOST and use unix:///tmp/docker.sock)";
    }

    public static String tlsFileMissing(Path file) {
        return "TLS is required (DOCKER_TLS_VERIFY) but " + file + " does not exist; set"
                + " DOCKER_CERT_PATH to the directory holding ca.pem, cert.pem and key.pem";
    }

    public static String contextTlsFileMissing(Path file) {
        return "the context has TLS material but " + file + " does not exist; recreate the context with"
                + " 'docker context create ... --docker \"host=...,ca=...,cert=...,key=...\"'";
    }

    public static String unreadableDockerConfig(IOException e) {
        return "cannot read the Docker configuration: " + e.getMessage();
    }

    public static String contextNotFound(Path meta) {
        return "no such Docker context (" + meta + " does not exist); list them with 'docker context ls'";
    }

    public static String contextWithoutHost(Path meta) {
        return "the context names no usable Docker endpoint in " + meta;
    }

    public static String engineNoAnswer(Duration timeout) {
        return "no answer within " + timeout.toMillis() / 1000.0 + " s; is a Docker engine listening there?"
                + " (raise -Ddevcontainer-cache.connectTimeout for a slow remote engine)";
    }

    /**
     * Why the first request to an endpoint failed. Over TLS, an engine that does not trust the client certificate
     * either sends an alert or, with TLS 1.3, closes the connection once the handshake is done: the client then
     * sees a broken pipe or a reset, which says nothing to the user unless it is named.
     */
    public static String handshakeFailure(Throwable failure, EngineEndpoint endpoint) {
        if (endpoint.usesTls()) {
            for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
                String message = String.valueOf(cause.getMessage());
                boolean closed = cause instanceof SocketException
                        && (message.contains("Broken pipe") || message.contains("Connection reset"));
                boolean refusedCertificate = cause instanceof SSLException
                        && (message.contains("bad_certificate") || message.contains("certificate_required")
                                || message.contains("unknown_ca"));
                if (closed || refusedCertificate) {
                    return "the engine closed the TLS connection, so it does not trust the client certificate"
                            + " (cert.pem and key.pem in " + endpoint.tlsDirectory() + "); use a client certificate"
                            + " signed by the CA the engine was started with (dockerd --tlscacert)";
                }
            }
        }
        return endpointFailure(failure);
    }

    /** Why an endpoint failed, in a few words, without anything a certificate or key file holds. */
    public static String endpointFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SSLException || cause instanceof GeneralSecurityException) {
                return "TLS handshake failed, a certificate problem (" + rootMessage(cause) + "); check that"
                        + " ca.pem is the CA that signed the engine's certificate and that the client certificate"
                        + " is one the engine trusts";
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (String.valueOf(root.getMessage()).contains("Permission denied")
                || String.valueOf(root.getMessage()).contains("Access is denied")) {
            return "permission denied (" + root.getMessage() + "); add your user to the docker group (then log in"
                    + " again), or use rootless Docker or Podman";
        }
        if (root instanceof ConnectException) {
            return "connection refused (" + root.getMessage() + ")";
        }
        if (root instanceof NoSuchFileException
                || root instanceof FileNotFoundException
                || String.valueOf(root.getMessage()).contains("No such file or directory")) {
            return "no such socket (" + root.getMessage() + ")";
        }
        if (root instanceof SocketTimeoutException) {
            return "no answer in time (" + root.getMessage() + ")";
        }
        if (root instanceof UnknownHostException) {
            return "unknown host " + root.getMessage();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }

    public static String engineRequests(String goal, int requests) {
        return "devcontainer-cache:" + goal + " sent " + count(requests, "request") + " to the engine.";
    }

    /** A request as a user reads it: decoded, with container ids cut to the 12 characters docker ps shows. */
    private static String readable(String request) {
        String decoded = URLDecoder.decode(request, StandardCharsets.UTF_8);
        return decoded.replaceAll("\\b([0-9a-f]{12})[0-9a-f]{52}\\b", "$1");
    }

    public static String engineStreamBroken(String what, EngineEndpoint endpoint, Throwable e) {
        return "the connection to the engine at " + endpoint.host() + " broke before it finished '" + readable(what)
                + "' (" + endpointFailure(e) + "); check that the engine is still running";
    }

    public static String engineConnectionLost(String what, EngineEndpoint endpoint, Throwable e) {
        return "The engine at " + endpoint.host() + " did not complete '" + readable(what) + "': " + endpointFailure(e)
                + ". Check that the engine is still running, then run the build again.";
    }

    public static String engineAnswerUnreadable(String what, IOException e) {
        return "The engine's answer to '" + what + "' is not the JSON it should be: " + e.getMessage();
    }

    public static String engineRefused(String what, String detail) {
        return "The engine refused to " + what + ": " + detail;
    }

    public static String unexpected(String goal, RuntimeException e) {
        return "devcontainer-cache:" + goal + " failed: " + endpointFailure(e) + ". Run again with -e for the"
                + " details, and report it if it persists.";
    }

    public static String importTargetAppeared(String volume) {
        return "Volume " + volume + " was made by something else while this import was starting (another import, or"
                + " compose); nothing was written into it. Run the import again: it then finds the volume, and imports"
                + " into it only if it is empty (or with -Ddevcontainer-cache.overwrite=true).";
    }

    public static String removedPartialImport(String volume) {
        return "Removed volume " + volume + ": an import into it was interrupted, and it held only part of the"
                + " archive. Import the archive again.";
    }

    public static String partialImportLeft(String volume) {
        return "Volume " + volume + " holds part of an import that was interrupted. Import the archive again with"
                + " -Ddevcontainer-cache.overwrite=true, or remove the volume (docker volume rm " + volume + ").";
    }

    public static String partialImportInUse(String volume) {
        return "Volume " + volume + " holds part of an import that was interrupted, and a container uses it, so it"
                + " was kept. Remove that container and the volume (docker volume rm " + volume + "), then import the"
                + " archive again.";
    }

    public static String leftoverNotRemoved(String name, String reason) {
        return "Could not remove helper container " + name + ", left behind by a build that was interrupted (" + reason
                + "); the next run tries again.";
    }

    public static String partialImportNotRemoved(String volume, String reason) {
        return "Volume " + volume + " holds part of an import that was interrupted, and removing it failed (" + reason
                + "). Remove it (docker volume rm " + volume + "), then import the archive again.";
    }

    public static String removedLeftoverHelper(String name) {
        return "Removed helper container " + name + ", left behind by a build that was interrupted.";
    }

    // ---- check and create ------------------------------------------------------------------------------

    public static String cacheMissing(String volume) {
        return "Cache volume '" + volume + "' does not exist. Create it with 'mvn devcontainer-cache:create', or set"
                + " <createMissing>true</createMissing> (-Ddevcontainer-cache.createMissing=true).";
    }

    public static String ownerMismatch(String volume, String target, Owner actual, Owner declared) {
        return "Cache volume '" + volume + "' is owned by " + actual + ", but <owner> declares " + declared
                + ": the dev container's user cannot write to it. Either give it the declared owner (in the dev"
                + " container: sudo chown " + declared + " " + (target == null ? "<target>" : target)
                + "), or remove it and run 'mvn"
                + " devcontainer-cache:create', which creates it owned by " + declared + ", or change <owner> to "
                + actual + " if that is the user the dev container runs as.";
    }

    public static String ownerUnreadable(String volume, String reason) {
        return "The owner of cache volume '" + volume + "' could not be read: " + reason + ". Check the volume with"
                + " 'docker volume inspect " + volume + "' (a bind or network volume whose device is missing cannot"
                + " be mounted), or run with -Ddevcontainer-cache.only to leave it out.";
    }

    public static String checkFailed(List<String> problems) {
        return "Cache check failed (" + count(problems.size(), "problem") + "):" + NL + bullets(problems);
    }

    public static String checkPassed(int caches) {
        return "All " + count(caches, "cache") + " exist" + (caches == 1 ? "s" : "") + " and " + (caches == 1 ? "is" : "are")
                + " usable.";
    }

    public static String failIsOff() {
        return "devcontainer-cache.fail = false: the build goes on.";
    }

    /** How a volume's content was read: straight from its directory on this host. */
    public static final String VIA_MOUNT_POINT = "read on the mount point";

    /** How a rootless Podman's volume root's owner was read: its directory's own ids, mapped back. */
    public static final String VIA_ROOTLESS_PODMAN_DIRECTORY =
            "read on the volume's directory, its ids mapped back through rootless Podman's";

    /** How a volume's content was read: through a helper container and the engine's archive API. */
    public static final String VIA_ARCHIVE_API = "read through the archive API";

    public static String cacheOk(String volume, Owner owner, String via) {
        return "  ok       " + volume + (owner == null ? "" : "  owner " + owner + " (" + via + ")");
    }

    public static String cacheProblem(String volume, String what) {
        return "  PROBLEM  " + volume + "  " + what;
    }

    public static String created(String volume, String driver, Owner owner) {
        return "Created cache volume '" + volume + "' (driver " + driver
                + (owner == null ? "" : ", owner " + owner) + ").";
    }

    public static String alreadyExists(String volume, String createdAt) {
        return "Cache volume '" + volume + "' already exists (created " + createdAt + "); left as it is.";
    }

    public static String createRefused(CacheDeclaration cache, String reason) {
        return reason + ". Check <driver> (" + cache.effectiveDriver() + ") and <driverOpts> of cache '"
                + cache.volume() + "' (" + cache.origin() + ").";
    }

    public static String createdSummary(int created, int existing) {
        return "Created " + count(created, "cache volume") + "; " + existing + " already existed.";
    }

    public static String cachesInScope(String goal, List<CacheDeclaration> caches) {
        StringBuilder text = new StringBuilder(goal + " works on " + count(caches.size(), "cache") + ":");
        for (CacheDeclaration cache : caches) {
            text.append(NL).append("  ").append(cache.volume()).append(" (").append(cache.effectiveKind().id());
            if (cache.target() != null) {
                text.append(", ").append(cache.target());
            }
            if (cache.budgetBytes() != null) {
                text.append(", budget ").append(ByteSize.format(cache.budgetBytes()));
            }
            if (cache.owner() != null) {
                text.append(", owner ").append(cache.owner());
            }
            text.append(") from ").append(cache.origin());
        }
        return text.toString();
    }

    // ---- wipe ---------------------------------------------------------------------------------------------

    public static String wipeInactive() {
        return "devcontainer-cache:wipe is bound to this build but wipes nothing without"
                + " -Ddevcontainer-cache.wipe=true (or run it alone: mvn devcontainer-cache:wipe).";
    }

    public static String unknownWipeMode(String mode) {
        return "-Ddevcontainer-cache.mode=" + mode + " is not a wipe mode: use remove (the default) or empty.";
    }

    public static String wipeAbsent(String volume) {
        return wipeLine("absent", volume, null) + " (nothing to wipe)";
    }

    public static String wipeLine(String what, String volume, Long bytes) {
        return "  " + String.format(java.util.Locale.ROOT, "%-12s ", what) + volume
                + (bytes == null ? "" : " (" + ByteSize.format(bytes) + ")");
    }

    public static String wipeRefusedRunning(String volume, List<ContainerInfo> containers, boolean emptyMode) {
        return "Cache '" + volume + "' is used by running container" + (containers.size() == 1 ? " " : "s ")
                + withStates(containers) + ": wiping it now would pull the files from under "
                + (containers.size() == 1 ? "it" : "them") + ". Stop " + (containers.size() == 1 ? "it" : "them")
                + " (docker stop " + names(containers) + ") and run again" + (emptyMode ? "." : ", or keep the volume and delete its content with"
                + " -Ddevcontainer-cache.mode=empty once they are stopped.");
    }

    public static String wipeRefusedStopped(String volume, List<ContainerInfo> containers) {
        return "Cache '" + volume + "' is referenced by stopped container" + (containers.size() == 1 ? " " : "s ")
                + withStates(containers) + ": removing the volume would break "
                + (containers.size() == 1 ? "it" : "them") + ". Keep the volume and delete its content with"
                + " -Ddevcontainer-cache.mode=empty, or remove the container" + (containers.size() == 1 ? "" : "s")
                + " first (docker rm " + names(containers) + ").";
    }

    private static String withStates(List<ContainerInfo> containers) {
        return containers.stream().map(c -> c.name() + " (" + c.state() + ")").collect(Collectors.joining(", "));
    }

    private static String names(List<ContainerInfo> containers) {
        return containers.stream().map(ContainerInfo::name).collect(Collectors.joining(" "));
    }

    public static String notRecreated(String volume, String reason) {
        return "Cache '" + volume + "' was removed but could not be created again (" + reason + "); create it with"
                + " 'mvn devcontainer-cache:create'.";
    }

    // ---- Podman ---------------------------------------------------------------------------------------

    private static final String PODMAN_OWNERS = "Podman's archive API names the container's user (root) as the"
            + " owner of every file";

    /** Only rootful Podman's volumes hold the container's own ids; a rootless Podman's hold shifted ones. */
    private static final String PODMAN_LOCAL = "run the build as root on the machine of a rootful Podman, where the"
            + " plugin reads the volume's directory itself (a rootless Podman's volumes hold shifted ids, so they are"
            + " read through the API)";

    public static String podmanOwnerNotChecked(String volume) {
        return "Owner of " + volume + " not checked: " + PODMAN_OWNERS + "; to check it, " + PODMAN_LOCAL + ".";
    }

    public static String podmanExportWithoutOwners(String volume) {
        return "The archive of " + volume + " records root as the owner of every file: " + PODMAN_OWNERS
                + ". An import restores them as root. To keep the owners, " + PODMAN_LOCAL + ".";
    }

    public static String podmanSeedOwnerUnknown(String volume) {
        return "The files seeded into " + volume + " are owned by root: " + PODMAN_OWNERS + ", so the owner of the"
                + " volume is unknown here. To give them the volume's owner, " + PODMAN_LOCAL + ".";
    }

    public static String wipeRefusedOtherBuild(String volume, List<ContainerInfo> helpers) {
        return "Cache '" + volume + "' is being exported or imported by another build (" + helpers.stream()
                .map(HelperContainer::madeBy).distinct().collect(Collectors.joining(", ")) + "): wiping it now would"
                + " break that build's archive. Run wipe again once that build has finished; if it was killed, the"
                + " next run removes what it left.";
    }

    public static String wipeRefusedByEngine(String volume, String reason) {
        return "Cache '" + volume + "' is in use, the engine says (" + reason + "); find what uses it with 'docker ps -a"
                + " --filter volume=" + volume + "', remove or stop it, and run again.";
    }

    public static String wipeNoImage(String volume) {
        return "Emptying cache '" + volume + "' needs an image with /bin/sh to run rm in, and no container uses the"
                + " volume to borrow its image from. Name one with -Ddevcontainer-cache.helperImage=IMAGE (any image"
                + " on this engine with a shell), or remove the volume instead (without mode=empty).";
    }

    public static String wipeEmptyFailed(String volume, String image, long exit) {
        return "Emptying cache '" + volume + "' with image " + image + " failed (exit code " + exit + "): the image"
                + " needs /bin/sh and rm. Name another with -Ddevcontainer-cache.helperImage=IMAGE.";
    }

    public static String wipeSummary(boolean dryRun, long bytes, boolean someUnknown, int refused) {
        return (dryRun ? "Dry run: would free " : "Freed ") + ByteSize.format(bytes) + " (" + bytes + " bytes"
                + (someUnknown ? ", and more the engine does not measure" : "") + ")"
                + (refused == 0 ? "." : "; " + count(refused, "cache") + " refused.")
                + (dryRun ? " Nothing was changed." : "");
    }

    public static String wipeFailed(List<String> refused) {
        return "Wipe refused for " + count(refused.size(), "cache") + ":" + NL + bullets(refused);
    }

    // ---- export and import ------------------------------------------------------------------------------

    public static String fileChangedDuringExport(String file) {
        return "'" + file + "' changed while it was exported; export the cache again while no container writes to it";
    }

    public static String exported(String volume, Path archive, int files, long bytes, long archiveBytes) {
        return "Exported " + volume + " to " + archive + ": " + count(files, "file") + ", " + ByteSize.format(bytes)
                + ", archive " + ByteSize.format(archiveBytes) + ".";
    }

    public static String exportFailed(String volume, IOException e) {
        return "Exporting " + volume + " failed: " + e.getMessage() + ". No archive of it is left in the export"
                + " directory (an older one was removed when this export started).";
    }

    public static String exportVia(String volume, String via) {
        return "Exporting " + volume + " (" + via + ")";
    }

    public static String archiveRefused(String archive, List<String> problems) {
        return "Archive " + archive + " is refused, and nothing was written (" + count(problems.size(), "problem")
                + "):" + NL + bullets(problems) + NL + "Export it again from its source, or check how it was copied.";
    }

    /** A problem of a refused archive: an entry where a file of the archive would have to be a directory. */
    public static String archiveEntryBelowFile(String path, String file) {
        return "'" + path + "' lies inside '" + file + "', which the archive holds as a file: no directory can be made there";
    }

    /** A problem of a refused archive: more bytes after its last entry than any tar writer pads with. */
    public static String archiveTrailingData(long max) {
        return "it holds more than " + ByteSize.format(max) + " after the end of its entries, which no export writes:"
                + " it is corrupted or was made to exhaust the import";
    }

    /** A problem of a refused archive: the headers of one entry take more room than any tar writer uses. */
    public static String archiveHeadersTooLarge(long max) {
        return "the headers of one entry (PAX records, GNU long names) take more than " + ByteSize.format(max)
                + ", which no export writes: it is corrupted or was made to exhaust the import";
    }

    /** Why a manifest cannot be read: more labels than any volume has. */
    public static String manifestTooManyLabels(int max) {
        return "the manifest gives more than " + max + " labels, which no volume has";
    }

    /** A problem of a refused archive: a mode no file has, which import cannot write. */
    public static String archiveEntryMode(String entry, int mode) {
        return "'" + entry + "' has the mode " + Integer.toOctalString(mode) + ", which no file has";
    }

    /** A problem of a refused archive: a directory or link whose header gives it content, which import cannot write. */
    public static String archiveEntryWithContent(String entry, long size) {
        return "'" + entry + "' is a directory or link that carries " + size + " bytes of content, which no export"
                + " writes";
    }

    /** A problem of a refused archive: a symbolic link no file system can hold, each costly to check. */
    public static String archiveLinkTooLong(String entry, int max) {
        return "'" + entry + "' is a symbolic link to more than " + max + " bytes, which no file system holds";
    }

    /** A problem of a refused archive: it holds content its manifest does not account for, and was not read on. */
    public static String archiveHoldsUnlisted(long max) {
        return "it holds more than " + ByteSize.format(max) + " in entries its manifest does not list or gives"
                + " another size: verification stopped there";
    }

    public static String importTargetInUse(String volume, List<String> containers) {
        return "Cache volume '" + volume + "' is used by running container" + (containers.size() == 1 ? " " : "s ")
                + String.join(", ", containers) + ": importing under " + (containers.size() == 1 ? "it" : "them")
                + " would mix their writes with the archive. Stop them (docker stop " + String.join(" ", containers)
                + ") and run again.";
    }

    public static String importPartial(String archive, String volume, String reason) {
        return "Importing " + archive + " into " + volume + " failed part-way (" + reason + "): the volume now holds"
                + " a partial import. Wipe it (mvn devcontainer-cache:wipe -Ddevcontainer-cache.only=" + volume
                + ") and import again.";
    }

    public static String nothingToSeed(Path from) {
        return from + " holds no regular file to seed a cache with (a link is not followed: name the file it points"
                + " to).";
    }

    public static String targetNotEmpty(String volume) {
        return "Cache volume '" + volume + "' is not empty: importing into it would mix two caches. Wipe it first"
                + " (mvn devcontainer-cache:wipe -Ddevcontainer-cache.only=" + volume + "), import into another"
                + " volume (-Ddevcontainer-cache.volume=NAME), or set -Ddevcontainer-cache.overwrite=true.";
    }

    public static String imported(String archive, String volume, int files, long bytes, boolean created, String via) {
        return "Imported " + archive + " into " + (created ? "new " : "") + "volume " + volume + ": "
                + count(files, "file") + ", " + ByteSize.format(bytes) + " (" + via.replace("read ", "written ") + ").";
    }

    public static String importFromMissing(String from) {
        return "-Ddevcontainer-cache.from=" + from + " is neither a file, a directory nor Maven coordinates"
                + " (groupId:artifactId:version[:classifier]). Name an archive exported by devcontainer-cache:export,"
                + " a directory of them, a file or directory to seed a cache with, or coordinates.";
    }

    public static String importNeedsFrom() {
        return "Import from where? Set -Ddevcontainer-cache.from=FILE, a directory of archives, or"
                + " groupId:artifactId:version[:classifier].";
    }

    public static String seedNeedsVolume(Path from) {
        return "Seeding a cache from " + from + " needs the cache: set -Ddevcontainer-cache.volume=NAME.";
    }

    public static String seedModelCorrupt(Path file, String model, String actual, String expected) {
        return file + " is not the Whisper model " + model + ": its SHA-256 is " + actual + ", Whisper expects "
                + expected + ". Download it again; nothing was written.";
    }

    public static String seedModelVerified(Path file, String model) {
        return file.getFileName() + " is the Whisper model " + model + " (SHA-256 verified).";
    }

    public static String seeded(Path from, String volume, int files, long bytes) {
        return "Seeded " + volume + " with " + from + ": " + count(files, "file") + ", " + ByteSize.format(bytes) + ".";
    }

    public static String severalArchivesOneVolume() {
        return "-Ddevcontainer-cache.volume names one volume, but the import has several archives; import them one"
                + " at a time, or leave the volume out to use the one each manifest names.";
    }

    public static String unresolvedCoordinates(String coordinates, String reason) {
        return "Cannot resolve " + coordinates + " from the project's repositories: " + reason + ". Check the"
                + " coordinates (an exported cache is attached with classifier cache-<volume> and type tar.zst).";
    }

    public static String unknownCompression(String compression) {
        return "-Ddevcontainer-cache.compression=" + compression + " is not a compression: use zstd (the default),"
                + " gzip or none.";
    }

    // ---- progress and content ------------------------------------------------------------------------

    public static String progress(String what, long done, long total, long elapsedNanos) {
        double seconds = Math.max(elapsedNanos / 1e9, 0.001);
        String percent = total > 0 ? String.format(java.util.Locale.ROOT, " (%.0f%%)", 100.0 * done / total) : "";
        // a negative total is one not known beforehand (an export)
        return what + ": " + ByteSize.format(done) + (total < 0 ? "" : " of " + ByteSize.format(total)) + percent + ", "
                + ByteSize.format((long) (done / seconds)) + "/s";
    }

    public static String overBudget(String volume, long size, long budget) {
        return "Cache '" + volume + "' holds " + ByteSize.format(size) + " (" + size + " bytes), over its budget of "
                + ByteSize.format(budget) + " (" + budget + " bytes). Look at its largest files in"
                + " target/devcontainer-cache/report.json, clear it, or raise <budget>.";
    }

    public static String fileCorrupt(String volume, String target, String file) {
        return "Cache '" + volume + "': " + file + " is corrupt (its SHA-256 is not the expected one). Remove the file"
                + " (in the dev container: rm " + (target == null ? "<target>" : target) + "/" + file + ") so that it"
                + " is downloaded again, or remove the whole cache (docker volume rm " + volume + ").";
    }

    public static String filePartial(String volume, String target, String file, long size, long expected) {
        return "Cache '" + volume + "': " + file + " is partial (" + size + " of " + expected + " bytes), a download"
                + " that stopped. Remove the file (in the dev container: rm " + (target == null ? "<target>" : target)
                + "/" + file + ") so that it is downloaded again.";
    }

    public static String fileMissing(String volume, String file, String checksums) {
        return "Cache '" + volume + "': " + file + ", listed in " + checksums + ", is not in the cache.";
    }

    public static String contentProblems(List<String> problems) {
        return "Cache content problems (" + count(problems.size(), "problem") + "):" + NL + bullets(problems);
    }

    public static String unknownContent(String value) {
        return "devcontainer-cache.content is '" + value + "', which is not one of auto and full. Leave it out (auto:"
                + " through the archive API only the engine's size and the stat of known files), or set it to full to"
                + " read every entry of every cache.";
    }

    public static String reportWritten(Path json, Path markdown) {
        return "Report written to " + json + " and " + markdown + ".";
    }

    public static String reportFailed(List<String> overBudget) {
        return "Caches over budget (" + count(overBudget.size(), "cache") + "):" + NL + bullets(overBudget)
                + NL + "-Ddevcontainer-cache.failOnBudget=false reports them without failing.";
    }

    public static String checkedFile(String volume, io.github.devcontainercache.content.CheckedFile file) {
        return "  " + String.format(java.util.Locale.ROOT, "%-8s ", file.status().id()) + volume + "/" + file.file()
                + (file.sizeBytes() < 0 ? "" : " (" + ByteSize.format(file.sizeBytes()) + ")");
    }

    public static String unreadableContent(IOException e) {
        return "The cache's content could not be read or written: " + e.getMessage() + ". Check that the engine still"
                + " runs and that the files named are readable (or set -Ddevcontainer-cache.readMountPoints=false to go"
                + " through the engine), then run again.";
    }

    public static String reportNotWritten(Path directory, IOException e) {
        return "The report could not be written to " + directory + ": " + e.getMessage()
                + ". Set -Ddevcontainer-cache.outputDirectory to a writable directory.";
    }

    public static String listNeedsVolume(List<CacheDeclaration> declared) {
        return "Which cache? Name it with -Ddevcontainer-cache.volume=NAME"
                + (declared.isEmpty() ? "." : "; the declared ones are "
                        + declared.stream().map(CacheDeclaration::volume).collect(Collectors.joining(", ")) + ".");
    }

    public static String listing(String volume, String via) {
        return "Content of " + volume + ", largest first (" + via + "):";
    }

    public static List<String> listLines(io.github.devcontainercache.content.VolumeScan scan) {
        return scan.largest().stream()
                .map(file -> String.format(java.util.Locale.ROOT, "%10s  %s", ByteSize.format(file.sizeBytes()), file.path()))
                .toList();
    }

    public static String listTotal(io.github.devcontainercache.content.VolumeScan scan, int limit) {
        return String.format(java.util.Locale.ROOT, "%10s  total, %s%s", ByteSize.format(scan.sizeBytes()),
                count((int) Math.min(Integer.MAX_VALUE, scan.files()), "file"),
                scan.files() > limit ? " (the largest " + limit + " shown; -Ddevcontainer-cache.limit shows more)" : "");
    }

    // ---- skipping ------------------------------------------------------------------------------------

    public static String skipping(String goal, String flag) {
        return "Skipping devcontainer-cache:" + goal + " because " + flag + " = true.";
    }

    // ---- helpers -------------------------------------------------------------------------------------

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    private static String bullets(List<String> lines) {
        return lines.stream().map(line -> "  - " + line).collect(Collectors.joining(NL));
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null ? root.getClass().getSimpleName() : message;
    }
}
