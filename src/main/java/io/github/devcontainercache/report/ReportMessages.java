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

    public static String overBudget(String volume, long size, String basis, long budget) {
        return "Cache '" + volume + "' " + ("disk".equals(basis) ? "takes " : "holds ") + ByteSize.format(size) + " ("
                + size + " bytes" + ("disk".equals(basis) ? " on disk" : " of content") + "), over its budget of "
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

    public static String brokenEntry(String volume, String kind, io.github.devcontainercache.content.kinds.Findings.Broken entry) {
        if (entry.files().isEmpty()) {
            return "Cache '" + volume + "' (" + kind + "): " + entry.entry() + " is broken: " + entry.problem() + "."
                    + " No file of it is known, so devcontainer-cache:repair leaves it: look at it in the dev container,"
                    + " or remove the whole cache (docker volume rm " + volume + ").";
        }
        return "Cache '" + volume + "' (" + kind + "): " + entry.entry() + " is broken: " + entry.problem() + ". Remove"
                + " just that entry (" + String.join(", ", entry.files()) + "; " + ByteSize.format(entry.sizeBytes())
                + ") with 'mvn devcontainer-cache:repair -Ddevcontainer-cache.only=" + volume + "', and the tool fetches"
                + " it anew; the rest of the cache stays.";
    }

    public static String unfinishedDownloads(String volume, List<String> files, long bytes) {
        return "Cache '" + volume + "' holds " + count(files.size(), "unfinished download") + " ("
                + String.join(", ", files.subList(0, Math.min(5, files.size()))) + (files.size() > 5 ? ", ..." : "")
                + "; " + ByteSize.format(bytes) + "), and no running container uses it: whatever wrote "
                + (files.size() == 1 ? "it" : "them") + " is gone. 'mvn devcontainer-cache:repair -Ddevcontainer-cache.only=" + volume + "' removes "
                + (files.size() == 1 ? "it." : "them.");
    }

    public static String foreignOwners(String volume, String target, io.github.devcontainercache.caches.Owner owner,
            io.github.devcontainercache.content.kinds.CachePass.ForeignOwners foreign) {
        return "Cache '" + volume + "' holds " + count((int) Math.min(Integer.MAX_VALUE, foreign.files()), "file") + " ("
                + ByteSize.format(foreign.sizeBytes()) + ") owned by " + foreign.firstOwner()
                + (foreign.files() > 1 ? " or others" : "") + ", not by its declared owner " + owner + ", such as "
                + String.join(", ", foreign.examples()) + ": a tool running as " + owner + " cannot replace "
                + (foreign.files() == 1 ? "it" : "them") + ". In"
                + " the dev container, run: sudo chown -R " + owner + " " + (target == null ? "<target>" : target) + ".";
    }

    public static String otherLayout(String volume, String kind, String target, String layout) {
        return "Cache '" + volume + "' is " + (kind.equals("npm") ? "an " : "a ") + kind + " cache"
                + (target == null ? "" : " (mounted at " + target + ")")
                + " but holds " + layout + "'s layout: a volume made for another tool is mounted here. Mount it where "
                + layout + " looks, or give " + kind + " a cache of its own (or declare <kind>" + layout + "</kind> if"
                + " that is what it is).";
    }

    /** {@code v: 1,234 files checked (artifacts ...), 1 broken}, for a cache read entry by entry. */
    public static java.util.Optional<String> verifiedLine(ReportEntry entry) {
        if (entry.insight() == null) {
            return java.util.Optional.empty();
        }
        io.github.devcontainercache.content.kinds.Findings findings = entry.insight().findings();
        return java.util.Optional.of("  " + entry.volume() + " (" + entry.kind() + "): " + count((int) Math.min(
                Integer.MAX_VALUE, findings.verified()), "file") + " checked in its format, "
                + (findings.broken().isEmpty() ? "none broken" : findings.broken().size() + " broken"));
    }

    public static String notices(List<String> notices) {
        return "Worth a look (" + count(notices.size(), "notice") + "):" + NL + bullets(notices);
    }

    public static String contentProblems(List<String> problems) {
        return "Cache content problems (" + count(problems.size(), "problem") + "):" + NL + bullets(problems);
    }

    public static String unknownContent(String value) {
        return "devcontainer-cache.content is '" + value + "', which is not one of auto and full. Leave it out (auto:"
                + " through the archive API only the engine's size and the stat of known files), or set it to full to"
                + " read every entry of every cache.";
    }

    public static String reportWritten(Path json, Path markdown, Path html) {
        return "Report written to " + json + ", " + markdown + " and " + html + ".";
    }

    /** The site page's title and menu entry. */
    public static final String SITE_PAGE_NAME = "Dev container caches";
    public static final String SITE_PAGE_DESCRIPTION = "The Docker named volumes this project's dev container keeps"
            + " its caches in: their size on disk against their budgets, what takes the room, and their integrity.";

    public static String sitePageWritten(Path page) {
        return "Site page written to " + page + ".";
    }

    public static String sitePageRendered(String page) {
        return "Site page '" + SITE_PAGE_NAME + "' rendered (" + page + ").";
    }

    public static String sitePageNotMeasured() {
        return "The caches were not measured in this build (the goal was skipped, or no engine answered): the build"
                + " log says why.";
    }

    public static String noCaches(boolean mountsSkipped) {
        return "No caches are declared or discovered: the report lists none" + (mountsSkipped
                ? ", and the mounts of the dev container configuration that are not caches, with why." : ".")
                + " Mount named volumes in .devcontainer/devcontainer.json, or declare them in the plugin's"
                + " configuration: <caches><cache><volume>my-pip-cache</volume></cache></caches>.";
    }

    public static String unknownBudgetSize(String value) {
        return "devcontainer-cache.budgetSize is '" + value + "', which is not one of disk and content. Leave it out"
                + " (disk: the blocks a cache takes, as du counts them), or set it to content to hold budgets against"
                + " the bytes of the files.";
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
