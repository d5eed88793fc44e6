package io.github.devcontainercache.mojo;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.kinds.Findings;
import io.github.devcontainercache.engine.DockerEngine;
import io.github.devcontainercache.report.ReportEntry;
import io.github.devcontainercache.report.Reporter;
import io.github.devcontainercache.volumes.CacheRepair;
import io.github.devcontainercache.volumes.VolumeMessages;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a verifying report found that a repair removes, and the repair itself: shared by repair and check. */
final class Repairs {

    private Repairs() {}

    /**
     * The entries to remove, by volume: the broken entries of each kind, the Whisper models that are corrupt or
     * partial, and downloads left unfinished. Every cache the report found is a key, with nothing to remove or not.
     */
    static Map<String, List<CacheRepair.Entry>> of(Reporter.Result result) {
        Map<String, List<CacheRepair.Entry>> byVolume = new LinkedHashMap<>();
        for (ReportEntry cache : result.report().caches()) {
            if (!cache.exists()) {
                continue;
            }
            List<CacheRepair.Entry> entries = new ArrayList<>();
            for (CheckedFile model : cache.models()) {
                if (model.status() == FileStatus.CORRUPT || model.status() == FileStatus.PARTIAL) {
                    entries.add(new CacheRepair.Entry(model.file() + " (" + model.status().id() + ")",
                            List.of(model.file()), Math.max(0, model.sizeBytes())));
                }
            }
            if (cache.insight() != null) {
                for (Findings.Broken broken : cache.insight().findings().broken()) {
                    if (!broken.files().isEmpty()) {
                        entries.add(new CacheRepair.Entry(broken.entry(), broken.files(), broken.sizeBytes()));
                    }
                }
                for (FileEntry unfinished : cache.insight().unfinished()) {
                    entries.add(new CacheRepair.Entry("unfinished download", List.of(unfinished.path()),
                            unfinished.sizeBytes()));
                }
            }
            byVolume.put(cache.volume(), entries);
        }
        return byVolume;
    }

    /** Repairs what the report found, logs each entry and the total. @return the refusals */
    static List<String> run(DockerEngine engine, Reporter.Result result, CacheRepair.Options options, BuildLog log) {
        CacheRepair.Result repaired = new CacheRepair(engine, options, log).repair(of(result));
        log.info(VolumeMessages.repairSummary(options.dryRun(), repaired.entries(), repaired.bytesFreed(),
                repaired.refused().size()));
        return repaired.refused();
    }
}
