package io.github.devcontainercache;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The grammar every room's messages share: a count with its noun, a list of bullets, the line separator. It
 * holds no text of its own.
 */
public final class Wording {

    private Wording() {}

    public static final String NL = System.lineSeparator();

    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    public static String bullets(List<String> lines) {
        return lines.stream().map(line -> "  - " + line).collect(Collectors.joining(NL));
    }
}
