package io.github.devcontainercache.caches.discovery;

import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The variables of devcontainer.json that can be known before the container exists:
 * {@code ${localWorkspaceFolder}}, {@code ${localWorkspaceFolderBasename}}, {@code ${localEnv:VAR}},
 * {@code ${localEnv:VAR:default}} (and the older {@code ${env:VAR}}), and in targets
 * {@code ${containerWorkspaceFolder}} and {@code ${containerWorkspaceFolderBasename}}. {@code ${devcontainerId}}
 * depends on the container's labels and is never guessed.
 */
final class Variables {

    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Path localWorkspaceFolder;
    private final String containerWorkspaceFolder;
    private final Map<String, String> environment;

    Variables(Path localWorkspaceFolder, String containerWorkspaceFolder, Map<String, String> environment) {
        this.localWorkspaceFolder = localWorkspaceFolder;
        this.containerWorkspaceFolder = containerWorkspaceFolder;
        this.environment = environment;
    }

    /** The default {@code workspaceFolder} of the Dev Container spec. */
    static String defaultContainerWorkspaceFolder(Path localWorkspaceFolder) {
        return "/workspaces/" + basename(localWorkspaceFolder);
    }

    /** Thrown for a variable that cannot be resolved; the message is the variable as written. */
    static final class Unresolvable extends Exception {
        private static final long serialVersionUID = 1L;
        final boolean devcontainerId;

        Unresolvable(String variable, boolean devcontainerId) {
            super(variable);
            this.devcontainerId = devcontainerId;
        }
    }

    /** The text with every variable replaced. */
    String resolve(String text) throws Unresolvable {
        if (text == null || !text.contains("${")) {
            return text;
        }
        Matcher matcher = lastBrace(VARIABLE.matcher(text), text);
        StringBuilder resolved = new StringBuilder();
        while (matcher.find()) {
            matcher.appendReplacement(resolved, Matcher.quoteReplacement(value(matcher.group(1), matcher.group())));
        }
        matcher.appendTail(resolved);
        return resolved.toString();
    }

    private String value(String name, String written) throws Unresolvable {
        switch (name) {
            case "localWorkspaceFolder":
                return localWorkspaceFolder.toString();
            case "localWorkspaceFolderBasename":
                return basename(localWorkspaceFolder);
            case "containerWorkspaceFolder":
                return containerWorkspaceFolder;
            case "containerWorkspaceFolderBasename":
                String folder = withoutTrailingSlashes(containerWorkspaceFolder);
                return folder.substring(folder.lastIndexOf('/') + 1);
            case "devcontainerId":
                throw new Unresolvable(written, true);
            default:
                break;
        }
        String rest = name.startsWith("localEnv:") ? name.substring("localEnv:".length())
                : name.startsWith("env:") ? name.substring("env:".length())
                : null;
        if (rest == null || rest.isEmpty()) {
            throw new Unresolvable(written, false);
        }
        int colon = rest.indexOf(':');
        String variable = colon < 0 ? rest : rest.substring(0, colon);
        String fallback = colon < 0 ? null : rest.substring(colon + 1);
        String value = environment.get(variable);
        if (value != null) {
            return value;
        }
        if (fallback != null) {
            return fallback;
        }
        // The Dev Containers CLI substitutes an unset variable with nothing.
        return "";
    }

    /**
     * The matcher, limited to the text up to its last '}': past it no variable can end, and searching there would
     * try each "${" to the end of the text, which costs the square of its length for a text of many "${".
     */
    static Matcher lastBrace(Matcher matcher, String text) {
        return matcher.region(0, text.lastIndexOf('}') + 1);
    }

    /** The text without its trailing slashes; not by a regular expression, which costs the square of a run of them. */
    static String withoutTrailingSlashes(String text) {
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == '/') {
            end--;
        }
        return text.substring(0, end);
    }

    private static String basename(Path path) {
        Path name = path.getFileName();
        return name == null ? path.toString() : name.toString();
    }
}
