package io.github.devcontainercache.caches;

import java.util.List;

/** The cache declarations cannot be used; carries every problem found, each one a complete message. */
public class InvalidCachesException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidCachesException(List<String> problems) {
        super(String.join(System.lineSeparator(), problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
