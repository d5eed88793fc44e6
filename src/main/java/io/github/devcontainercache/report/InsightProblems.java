package io.github.devcontainercache.report;

import io.github.devcontainercache.caches.CacheDeclaration;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.kinds.CachePass;
import io.github.devcontainercache.content.kinds.Findings;
import io.github.devcontainercache.engine.ContainerInfo;
import java.util.ArrayList;
import java.util.List;

/** The problems and notices of what a pass found, each a whole message. */
final class InsightProblems {

    private InsightProblems() {}

    /** Every broken entry: what it is, what is wrong, the repair that removes just it. */
    static List<String> broken(CacheDeclaration cache, Findings findings) {
        List<String> problems = new ArrayList<>();
        for (Findings.Broken entry : findings.broken()) {
            problems.add(ReportMessages.brokenEntry(cache.volume(), cache.effectiveKind().id(), entry));
        }
        return problems;
    }

    /**
     * What a user would want flagged: downloads left unfinished (only when no running container could be finishing
     * them), files of another owner than the declared one, and another tool's layout.
     */
    static List<String> hidden(CacheDeclaration cache, CachePass.Result pass, List<ContainerInfo> users) {
        List<String> notices = new ArrayList<>();
        boolean running = users.stream().anyMatch(ContainerInfo::isRunning);
        if (!pass.unfinished().isEmpty() && !running) {
            long bytes = pass.unfinished().stream().mapToLong(FileEntry::sizeBytes).sum();
            notices.add(ReportMessages.unfinishedDownloads(cache.volume(),
                    pass.unfinished().stream().map(FileEntry::path).toList(), bytes));
        }
        CachePass.ForeignOwners foreign = pass.foreignOwners();
        if (foreign != null && foreign.files() > 0) {
            notices.add(ReportMessages.foreignOwners(cache.volume(), cache.target(), cache.owner(), foreign));
        }
        if (pass.otherLayout() != null) {
            notices.add(ReportMessages.otherLayout(cache.volume(), cache.effectiveKind().id(), cache.target(),
                    pass.otherLayout().id()));
        }
        return notices;
    }
}
