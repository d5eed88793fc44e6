package io.github.devcontainercache.caches.discovery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The named volumes that one service of a compose-based dev container mounts, with the names compose gives them:
 * {@code <project>_<volume>}, unless the top-level {@code volumes:} entry sets {@code name:} or is
 * {@code external}. The project name is computed as the Dev Containers CLI does.
 */
final class ComposeFiles {

    private static final Pattern INTERPOLATION = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?}");

    private ComposeFiles() {}

    /** A named volume of the service: its real name, its compose key and project, where it is mounted. */
    record ComposeVolume(String name, String key, String project, boolean external, String target, Path file, int line) {}

    /**
     * The named volumes of the services the dev container starts: {@code services} ({@code service} and
     * {@code runServices}), or every service when {@code services} is {@code null}, as when {@code runServices} is
     * absent.
     */
    static List<ComposeVolume> volumesOf(
            Path workspace,
            List<Path> files,
            java.util.Set<String> services,
            Map<String, String> environment,
            List<String> problems)
            throws DiscoveryException {
        List<Node> documents = new ArrayList<>();
        for (Path file : files) {
            Path shown = DevcontainerDiscovery.relative(workspace, file);
            if (!Files.isRegularFile(file)) {
                throw new DiscoveryException(DiscoveryMessages.composeFileMissing(shown));
            }
            documents.add(Documents.readYaml(file, shown));
        }
        Map<String, String> variables = new LinkedHashMap<>(dotEnv(files.get(0).getParent()));
        variables.putAll(environment);
        String project = projectName(files, documents, environment, variables);

        Map<String, Node> topLevelVolumes = new LinkedHashMap<>();
        Map<String, ComposeVolume> byTarget = new LinkedHashMap<>();
        List<Object[]> mounts = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            if (!(documents.get(i) instanceof Node.ObjectNode root)) {
                continue;
            }
            if (root.get("volumes") instanceof Node.ObjectNode volumes) {
                topLevelVolumes.putAll(volumes.members());
            }
            if (root.get("services") instanceof Node.ObjectNode definitions) {
                for (Map.Entry<String, Node> service : definitions.members().entrySet()) {
                    if ((services == null || services.contains(service.getKey()))
                            && service.getValue() instanceof Node.ObjectNode definition
                            && definition.get("volumes") instanceof Node.ArrayNode entries) {
                        for (Node entry : entries.items()) {
                            mounts.add(new Object[] {files.get(i), entry, service.getKey()});
                        }
                    }
                }
            }
        }
        for (Object[] mount : mounts) {
            Path file = (Path) mount[0];
            Node entry = (Node) mount[1];
            String service = (String) mount[2];
            String key;
            String target;
            int line;
            if (entry instanceof Node.ValueNode value && value.value() instanceof String text) {
                MountStrings.Mount parsed;
                try {
                    parsed = MountStrings.parseVolumeFlag(interpolate(text, variables));
                } catch (MountStrings.BadMount e) {
                    problems.add(DiscoveryMessages.badMount(DevcontainerDiscovery.relative(workspace, file), value.line(), text, e.getMessage()));
                    continue;
                }
                if (!parsed.isVolume() || parsed.source() == null) {
                    continue;
                }
                key = parsed.source();
                target = parsed.target();
                line = value.line();
            } else if (entry instanceof Node.ObjectNode object) {
                String type = object.text("type");
                if (type != null && !type.equals("volume")) {
                    continue;
                }
                key = interpolate(object.text("source"), variables);
                target = interpolate(object.text("target"), variables);
                line = object.lineOf("source");
                if (key == null || key.isEmpty()) {
                    continue;
                }
                if (target == null || target.isEmpty()) {
                    problems.add(DiscoveryMessages.badMount(
                            DevcontainerDiscovery.relative(workspace, file), line, key, "the volume has no target"));
                    continue;
                }
            } else {
                continue;
            }
            Node declared = topLevelVolumes.get(key);
            String name = project + "_" + key;
            boolean external = false;
            if (declared instanceof Node.ObjectNode definition) {
                Node externalNode = definition.get("external");
                String explicitName = interpolate(definition.text("name"), variables);
                if (externalNode instanceof Node.ValueNode flag && Boolean.TRUE.equals(flag.value())
                        || externalNode instanceof Node.ValueNode text && "true".equals(text.text())) {
                    external = true;
                    name = explicitName != null ? explicitName : key;
                } else if (externalNode instanceof Node.ObjectNode legacy) {
                    external = true;
                    name = legacy.text("name") != null ? interpolate(legacy.text("name"), variables) : key;
                } else if (explicitName != null) {
                    name = explicitName;
                }
            }
            byTarget.put(service + " " + target, new ComposeVolume(name, key, project, external, target, file, line));
        }
        return List.copyOf(byTarget.values());
    }

    /**
     * The compose project name: {@code COMPOSE_PROJECT_NAME} from the environment, else from the {@code .env}
     * beside the first compose file, else the top-level {@code name:}, else {@code <folder>_devcontainer} when
     * the first compose file sits in {@code <folder>/.devcontainer}, else that file's directory name; lowercased,
     * keeping only a-z, 0-9, '_' and '-'.
     */
    static String projectName(
            List<Path> files, List<Node> documents, Map<String, String> environment, Map<String, String> variables) {
        String fromEnvironment = normalize(environment.get("COMPOSE_PROJECT_NAME"));
        if (!fromEnvironment.isEmpty()) {
            return fromEnvironment;
        }
        Path directory = files.get(0).toAbsolutePath().normalize().getParent();
        String fromDotEnv = normalize(dotEnv(directory).get("COMPOSE_PROJECT_NAME"));
        if (!fromDotEnv.isEmpty()) {
            return fromDotEnv;
        }
        for (Node document : documents) {
            if (document instanceof Node.ObjectNode root) {
                String name = normalize(interpolate(root.text("name"), variables));
                if (!name.isEmpty()) {
                    return name;
                }
            }
        }
        Path folderName = directory.getFileName();
        if (folderName != null && folderName.toString().equals(".devcontainer") && directory.getParent() != null
                && directory.getParent().getFileName() != null) {
            return normalize(directory.getParent().getFileName() + "_devcontainer");
        }
        return normalize(folderName == null ? "" : folderName.toString());
    }

    static String normalize(String name) {
        if (name == null) {
            return "";
        }
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_-]", "");
    }

    /** The {@code KEY=value} lines of a directory's {@code .env} file, or nothing. */
    static Map<String, String> dotEnv(Path directory) {
        Map<String, String> values = new LinkedHashMap<>();
        if (directory == null) {
            return values;
        }
        Path file = directory.resolve(".env");
        if (!Files.isRegularFile(file)) {
            return values;
        }
        try {
            if (Files.size(file) > Documents.MAX_BYTES) {
                return values; // no .env file is that large: read as unreadable, not into memory
            }
            for (String line : Files.readAllLines(file)) {
                String text = line.trim();
                if (text.isEmpty() || text.startsWith("#") || !text.contains("=")) {
                    continue;
                }
                String key = text.substring(0, text.indexOf('=')).trim();
                String value = text.substring(text.indexOf('=') + 1).trim();
                if (value.length() >= 2 && (value.startsWith("\"") && value.endsWith("\"")
                        || value.startsWith("'") && value.endsWith("'"))) {
                    value = value.substring(1, value.length() - 1);
                }
                values.put(key.startsWith("export ") ? key.substring(7).trim() : key, value);
            }
        } catch (IOException | RuntimeException e) {
            // an unreadable .env file sets nothing, as for compose
        }
        return values;
    }

    /** The longest text interpolation makes; past it, the text stays as written. */
    static final int MAX_INTERPOLATED = 64 * 1024;

    /**
     * Compose's {@code ${VAR}}, {@code ${VAR:-default}} and {@code ${VAR-default}} interpolation. A text that would
     * grow past {@link #MAX_INTERPOLATED} (a value of the workspace's .env used thousands of times) stays as written.
     */
    static String interpolate(String text, Map<String, String> variables) {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Matcher matcher = Variables.lastBrace(INTERPOLATION.matcher(text), text);
        StringBuilder result = new StringBuilder();
        while (matcher.find()) {
            String value = variables.get(matcher.group(1));
            String operator = matcher.group(2);
            String fallback = matcher.group(3) == null ? "" : matcher.group(3);
            if (operator != null && operator.startsWith(":") && (value == null || value.isEmpty())
                    || operator != null && operator.equals("-") && value == null) {
                if (!operator.endsWith("?")) {
                    value = fallback;
                }
            }
            if (value != null && result.length() + value.length() > MAX_INTERPOLATED) {
                return text; // see MAX_INTERPOLATED
            }
            matcher.appendReplacement(result, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(result);
        return result.toString();
    }
}
