package io.github.devcontainercache.caches.discovery;

import io.github.devcontainercache.caches.CacheSpec;
import io.github.devcontainercache.caches.ComposeRef;
import io.github.devcontainercache.caches.InvalidCachesException;
import io.github.devcontainercache.caches.Origin;
import io.github.devcontainercache.caches.SkippedMount;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the caches a project's dev container configurations declare: every named volume that a configuration
 * mounts ({@code mounts}, {@code runArgs}, {@code workspaceMount}) or that its compose service mounts. Bind and
 * tmpfs mounts and anonymous volumes are not caches; a volume named after {@code ${devcontainerId}} cannot be
 * known from outside the container and is reported, never guessed.
 */
public final class DevcontainerDiscovery {

    private DevcontainerDiscovery() {}

    /** The caches found, in file order, and the mounts that were left out and why. */
    public record Result(Path workspaceFolder, List<Path> configurations, List<CacheSpec> caches,
            List<SkippedMount> skipped) {
        public static Result none() {
            return new Result(null, List.of(), List.of(), List.of());
        }

        /** What a user is warned of: the volumes left out that may well be caches (named after the container). */
        public List<String> notes() {
            return skipped.stream()
                    .filter(mount -> mount.reason() == SkippedMount.Reason.DEVCONTAINER_ID)
                    .map(DiscoveryMessages::devcontainerIdSkipped)
                    .toList();
        }
    }

    /**
     * The configurations of the workspace that holds {@code projectDirectory}: the nearest directory, from it up to
     * the root of its git repository, that has {@code .devcontainer/devcontainer.json}, {@code .devcontainer.json}
     * or {@code .devcontainer/<folder>/devcontainer.json}.
     */
    public static Optional<Path> findWorkspace(Path projectDirectory) {
        for (Path directory = projectDirectory.toAbsolutePath().normalize();
                directory != null;
                directory = directory.getParent()) {
            if (!configurationsIn(directory).isEmpty()) {
                return Optional.of(directory);
            }
            if (Files.exists(directory.resolve(".git"))) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Every configuration of a workspace, in a stable order. */
    public static List<Path> configurationsIn(Path workspace) {
        List<Path> found = new ArrayList<>();
        Path devcontainer = workspace.resolve(".devcontainer");
        if (Files.isRegularFile(devcontainer.resolve("devcontainer.json"))) {
            found.add(devcontainer.resolve("devcontainer.json"));
        }
        if (Files.isRegularFile(workspace.resolve(".devcontainer.json"))) {
            found.add(workspace.resolve(".devcontainer.json"));
        }
        if (Files.isDirectory(devcontainer)) {
            List<Path> nested = new ArrayList<>();
            try (DirectoryStream<Path> folders = Files.newDirectoryStream(devcontainer, Files::isDirectory)) {
                for (Path folder : folders) {
                    if (Files.isRegularFile(folder.resolve("devcontainer.json"))) {
                        nested.add(folder.resolve("devcontainer.json"));
                    }
                }
            } catch (IOException e) {
                // an unreadable .devcontainer folder holds no configuration we can use
            }
            nested.sort(null);
            found.addAll(nested);
        }
        return found;
    }

    /** The workspace folder of one named configuration file. */
    public static Path workspaceOf(Path configuration) {
        Path file = configuration.toAbsolutePath().normalize();
        Path parent = file.getParent();
        if (file.getFileName().toString().equals(".devcontainer.json")) {
            return parent;
        }
        if (parent.getFileName() != null && parent.getFileName().toString().equals(".devcontainer")) {
            return parent.getParent();
        }
        if (parent.getParent() != null && parent.getParent().getFileName() != null
                && parent.getParent().getFileName().toString().equals(".devcontainer")) {
            return parent.getParent().getParent();
        }
        return parent;
    }

    /** Reads the configurations of a workspace; every problem of every file is collected before failing. */
    public static Result discover(Path workspace, List<Path> configurations, Map<String, String> environment)
            throws InvalidCachesException {
        List<String> problems = new ArrayList<>();
        List<SkippedMount> skipped = new ArrayList<>();
        Map<String, CacheSpec> byVolume = new LinkedHashMap<>();
        for (Path configuration : configurations) {
            try {
                for (CacheSpec found : discoverOne(workspace, configuration, environment, problems, skipped)) {
                    CacheSpec earlier = byVolume.putIfAbsent(found.volume(), found);
                    if (earlier != null && !earlier.target().equals(found.target())) {
                        problems.add(DiscoveryMessages.conflictingTargets(
                                found.volume(), earlier.target(), earlier.origin(), found.target(), found.origin()));
                    }
                }
            } catch (DiscoveryException e) {
                problems.add(e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCachesException(problems);
        }
        return new Result(workspace, configurations, List.copyOf(byVolume.values()), skipped);
    }

    private static List<CacheSpec> discoverOne(
            Path workspace,
            Path configuration,
            Map<String, String> environment,
            List<String> problems,
            List<SkippedMount> skipped)
            throws DiscoveryException {
        Path shown = relative(workspace, configuration);
        Node document = Documents.readJsonc(configuration, shown);
        if (!(document instanceof Node.ObjectNode root)) {
            throw new DiscoveryException(DiscoveryMessages.configNotAnObject(shown));
        }
        Variables bootstrap = new Variables(workspace, Variables.defaultContainerWorkspaceFolder(workspace), environment);
        String containerWorkspace = Variables.defaultContainerWorkspaceFolder(workspace);
        if (root.text("workspaceFolder") != null) {
            try {
                containerWorkspace = bootstrap.resolve(root.text("workspaceFolder"));
            } catch (Variables.Unresolvable e) {
                problems.add(DiscoveryMessages.unresolvableVariable(shown, root.lineOf("workspaceFolder"), e.getMessage()));
            }
        }
        Variables variables = new Variables(workspace, containerWorkspace, environment);
        List<CacheSpec> found = new ArrayList<>();

        if (root.get("mounts") instanceof Node.ArrayNode mounts) {
            for (Node mount : mounts.items()) {
                if (mount instanceof Node.ValueNode value && value.value() instanceof String text) {
                    fromMountString(text, shown, value.line(), variables, found, problems, skipped);
                } else if (mount instanceof Node.ObjectNode object) {
                    fromMountObject(object, shown, variables, found, problems, skipped);
                } else if (!(mount instanceof Node.ValueNode nothing && nothing.value() == null)) {
                    problems.add(DiscoveryMessages.badMount(shown, mount.line(), "?", "a mount is a string or an object"));
                }
            }
        }
        if (root.get("runArgs") instanceof Node.ArrayNode runArgs) {
            List<String> args = new ArrayList<>();
            for (Node arg : runArgs.items()) {
                args.add(arg instanceof Node.ValueNode value ? value.text() : null);
            }
            for (int[] mount : MountStrings.mountArguments(args)) {
                Node node = runArgs.items().get(mount[0]);
                if (args.get(mount[0]) == null) {
                    problems.add(DiscoveryMessages.badMount(shown, node.line(), "?", "the mount argument is not a string"));
                    continue;
                }
                String text = MountStrings.argumentValue(args.get(mount[0]));
                if (mount[1] == 1) {
                    fromMountString(text, shown, node.line(), variables, found, problems, skipped);
                } else {
                    fromVolumeFlag(text, shown, node.line(), variables, found, problems, skipped);
                }
            }
        }
        if (root.get("workspaceMount") instanceof Node.ValueNode workspaceMount
                && workspaceMount.value() instanceof String text && !text.isBlank()) {
            fromMountString(text, shown, workspaceMount.line(), variables, found, problems, skipped);
        }
        Node composeFiles = root.get("dockerComposeFile");
        if (composeFiles != null) {
            fromCompose(root, composeFiles, configuration, workspace, environment, found, problems);
        }
        return found;
    }

    private static void fromMountString(
            String text,
            Path file,
            int line,
            Variables variables,
            List<CacheSpec> found,
            List<String> problems,
            List<SkippedMount> skipped) {
        MountStrings.Mount mount;
        try {
            mount = MountStrings.parseMountString(text);
        } catch (MountStrings.BadMount e) {
            problems.add(DiscoveryMessages.badMount(file, line, text, e.getMessage()));
            return;
        }
        add(mount, text, file, line, variables, found, problems, skipped);
    }

    private static void fromVolumeFlag(
            String text,
            Path file,
            int line,
            Variables variables,
            List<CacheSpec> found,
            List<String> problems,
            List<SkippedMount> skipped) {
        MountStrings.Mount mount;
        try {
            // ${localWorkspaceFolderBasename}-m2:/root/.m2 is a volume: tell volumes from paths once resolved
            mount = MountStrings.parseVolumeFlag(resolveLenient(text, variables));
        } catch (MountStrings.BadMount resolved) {
            try {
                // ${localEnv:HOME}:/home with HOME unset: a host path, as written
                mount = MountStrings.parseVolumeFlag(text);
            } catch (MountStrings.BadMount e) {
                problems.add(DiscoveryMessages.badMount(file, line, text, resolved.getMessage()));
                return;
            }
        }
        add(mount, text, file, line, variables, found, problems, skipped);
    }

    /** The text with the variables that can be resolved resolved, the others left as written. */
    private static String resolveLenient(String text, Variables variables) {
        try {
            return variables.resolve(text);
        } catch (Variables.Unresolvable e) {
            return text;
        }
    }

    private static void fromMountObject(
            Node.ObjectNode object,
            Path file,
            Variables variables,
            List<CacheSpec> found,
            List<String> problems,
            List<SkippedMount> skipped) {
        String type = object.text("type");
        String source = object.text("source");
        String target = object.text("target");
        int line = object.members().containsKey("source") ? object.lineOf("source") : object.line();
        String written = "{source: " + source + ", target: " + target + ", type: " + type + "}";
        if (type == null || !List.of("volume", "bind", "tmpfs", "npipe").contains(type)) {
            problems.add(DiscoveryMessages.badMount(file, line, written,
                    type == null ? "the mount has no type (write \"type\": \"volume\")"
                            : "unknown mount type '" + type + "' (expected volume, bind or tmpfs)"));
            return;
        }
        if (target == null || target.isBlank()) {
            problems.add(DiscoveryMessages.badMount(file, line, written, "the mount has no target"));
            return;
        }
        add(new MountStrings.Mount(type, source == null || source.isBlank() ? null : source, target),
                written, file, line, variables, found, problems, skipped);
    }

    private static void add(
            MountStrings.Mount mount,
            String written,
            Path file,
            int line,
            Variables variables,
            List<CacheSpec> found,
            List<String> problems,
            List<SkippedMount> skipped) {
        if (!mount.isVolume()) {
            SkippedMount.Reason reason = switch (mount.type()) {
                case "bind" -> SkippedMount.Reason.BIND;
                case "tmpfs" -> SkippedMount.Reason.TMPFS;
                default -> null;
            };
            if (reason != null) {
                skipped.add(new SkippedMount(mount.source(), mount.target(), reason, Origin.file(file, line)));
            }
            return;
        }
        if (mount.source() == null) {
            // an anonymous volume gets a new name with every container: not a cache
            skipped.add(new SkippedMount(null, mount.target(), SkippedMount.Reason.ANONYMOUS, Origin.file(file, line)));
            return;
        }
        String volume;
        String target;
        try {
            volume = variables.resolve(mount.source());
            target = variables.resolve(mount.target());
        } catch (Variables.Unresolvable e) {
            if (e.devcontainerId) {
                skipped.add(new SkippedMount(
                        mount.source(), mount.target(), SkippedMount.Reason.DEVCONTAINER_ID, Origin.file(file, line)));
            } else {
                problems.add(DiscoveryMessages.unresolvableVariable(file, line, e.getMessage()));
            }
            return;
        }
        found.add(new CacheSpec(volume, null, target, null, null, null, null, null, Origin.file(file, line)));
    }

    private static void fromCompose(
            Node.ObjectNode root,
            Node composeFiles,
            Path configuration,
            Path workspace,
            Map<String, String> environment,
            List<CacheSpec> found,
            List<String> problems)
            throws DiscoveryException {
        Path shown = relative(workspace, configuration);
        List<Path> files = new ArrayList<>();
        Path directory = configuration.toAbsolutePath().getParent();
        List<Node.ValueNode> named = new ArrayList<>();
        if (composeFiles instanceof Node.ValueNode value && value.value() instanceof String) {
            named.add(value);
        } else if (composeFiles instanceof Node.ArrayNode array) {
            for (Node item : array.items()) {
                if (item instanceof Node.ValueNode value && value.value() instanceof String) {
                    named.add(value);
                }
            }
        }
        for (Node.ValueNode name : named) {
            try {
                files.add(directory.resolve(name.text()).normalize());
            } catch (java.nio.file.InvalidPathException e) {
                problems.add(DiscoveryMessages.badComposePath(shown, name.line(), name.text()));
                return;
            }
        }
        if (files.isEmpty()) {
            problems.add(DiscoveryMessages.composeWithoutFiles(shown, root.lineOf("dockerComposeFile")));
            return;
        }
        String service = root.text("service");
        if (service == null || service.isBlank()) {
            problems.add(DiscoveryMessages.composeWithoutService(shown, root.lineOf("dockerComposeFile")));
            return;
        }
        List<String> composeProblems = new ArrayList<>();
        java.util.Set<String> services = null;
        if (root.get("runServices") instanceof Node.ArrayNode runServices) {
            services = new java.util.LinkedHashSet<>();
            services.add(service);
            for (Node item : runServices.items()) {
                if (item instanceof Node.ValueNode value && value.value() instanceof String name) {
                    services.add(name);
                }
            }
        }
        List<ComposeFiles.ComposeVolume> volumes =
                ComposeFiles.volumesOf(workspace, files, services, environment, composeProblems);
        composeProblems.forEach(problems::add);
        for (ComposeFiles.ComposeVolume volume : volumes) {
            found.add(new CacheSpec(
                    volume.name(), null, volume.target(), null, null, null, null, null,
                    Origin.file(relative(workspace, volume.file()), volume.line()),
                    volume.external() ? null : new ComposeRef(volume.project(), volume.key())));
        }
    }

    static Path relative(Path workspace, Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        Path base = workspace.toAbsolutePath().normalize();
        return absolute.startsWith(base) ? base.relativize(absolute) : absolute;
    }
}
