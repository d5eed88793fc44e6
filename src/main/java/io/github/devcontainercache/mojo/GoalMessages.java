package io.github.devcontainercache.mojo;

import static io.github.devcontainercache.Wording.NL;
import static io.github.devcontainercache.Wording.count;
import static io.github.devcontainercache.engine.EngineMessages.endpointFailure;

/**
 * What a user reads about a goal as a whole: skipped, failed unexpectedly, how many requests it sent. Unit tests
 * assert these texts exactly.
 */
public final class GoalMessages {

    private GoalMessages() {}

    public static String noEngineSkipping(String goal, String reason) {
        return reason + NL + "Skipping devcontainer-cache:" + goal
                + " because devcontainer-cache.failIfNoEngine = false.";
    }

    public static String engineRequests(String goal, int requests) {
        return "devcontainer-cache:" + goal + " sent " + count(requests, "request") + " to the engine.";
    }

    public static String unexpected(String goal, RuntimeException e) {
        return "devcontainer-cache:" + goal + " failed: " + endpointFailure(e) + ". Run again with -e for the"
                + " details, and report it if it persists.";
    }

    public static String failIsOff() {
        return "devcontainer-cache.fail = false: the build goes on.";
    }

    public static String skipping(String goal, String flag) {
        return "Skipping devcontainer-cache:" + goal + " because " + flag + " = true.";
    }

    public static String restoreRecordNotWritten(java.nio.file.Path file, java.io.IOException e) {
        return "What restore found could not be written to " + file + ": " + e.getMessage() + "; report.json will not"
                + " say each cache's cacheHit. Set -Ddevcontainer-cache.outputDirectory to a writable directory.";
    }
}
