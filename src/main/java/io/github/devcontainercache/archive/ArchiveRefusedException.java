package io.github.devcontainercache.archive;

import java.util.List;

/** An archive failed verification: what is wrong with it, every problem found (up to a limit). */
public class ArchiveRefusedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public ArchiveRefusedException(String archive, List<String> problems) {
        super(ArchiveMessages.archiveRefused(archive, problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
