package io.github.devcontainercache.report;

import static io.github.devcontainercache.Wording.NL;
import static io.github.devcontainercache.Wording.bullets;
import static io.github.devcontainercache.Wording.count;

import io.github.devcontainercache.caches.ByteSize;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What a user reads about the report: caches over budget, files corrupt or missing, where the report went. Unit
 * tests assert these texts exactly.
 */
public final class ReportMessages {

    private ReportMessages() {}

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

    public static String reportNotWritten(Path directory, IOException e) {
        return "The report could not be written to " + directory + ": " + e.getMessage()
                + ". Set -Ddevcontainer-cache.outputDirectory to a writable directory.";
    }
}
