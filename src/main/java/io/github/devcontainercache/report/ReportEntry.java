package io.github.devcontainercache.report;

import io.github.devcontainercache.content.CheckedFile;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.FileStatus;
import io.github.devcontainercache.content.VolumeScan;
import java.util.List;
import java.util.Map;

/**
 * What the report says of one cache. Sizes in bytes; {@code null} where not known (a missing volume, a size the
 * engine does not report).
 *
 * @param sizeBytes the content: the bytes of its regular files, a hard-linked file once, as Docker counts a volume
 * @param sizeSource how the size was measured: on the mount point, by the engine's df, or through the archive API
 * @param diskBytes the disk it takes, as {@code du} counts it: measured on the mount point, estimated from the entries
 *     of an archive stream, {@code null} where only the engine's df was asked
 * @param diskSource how {@code diskBytes} was found
 * @param contentSource how the content was read: a walk of the mount point, a stream of every entry through the
 *     archive API, or only the stat of the files that have an expected content (then {@code files}, {@code pip} and
 *     {@code largestFiles} are not known)
 * @param budgetBasis which size the budget was held against: {@code disk}, or {@code content} (asked for, or the
 *     disk not known)
 * @param inUseBy the containers, in any state, that mount the cache
 * @param pip for a pip cache: size and file count of {@code http-v2}, {@code http}, {@code wheels}, {@code selfcheck}
 * @param insight what the cache holds in its tool's terms, where every entry was read; else {@code null}
 */
public record ReportEntry(
        String volume,
        String kind,
        boolean exists,
        Long sizeBytes,
        String sizeSource,
        Long diskBytes,
        String diskSource,
        String contentSource,
        Long files,
        Long budgetBytes,
        String budgetBasis,
        Boolean overBudget,
        List<Container> inUseBy,
        String owner,
        List<CheckedFile> models,
        List<CheckedFile> checksums,
        Map<String, VolumeScan.Part> pip,
        List<FileEntry> largestFiles,
        String source,
        Insight insight) {

    /** A container that mounts the cache. */
    public record Container(String name, String state) {}

    /** The size the budget is held against, or {@code null} when not known. */
    public Long budgetedBytes() {
        return "disk".equals(budgetBasis) ? diskBytes : sizeBytes;
    }

    /** The one-word state of the table: ok, missing, over budget, or the first problem with the content. */
    public String state() {
        if (!exists) {
            return "missing";
        }
        if (Boolean.TRUE.equals(overBudget)) {
            return "over budget";
        }
        // the worst first: a corrupt file, then a partial one, then one missing
        for (FileStatus worst : List.of(FileStatus.CORRUPT, FileStatus.PARTIAL, FileStatus.MISSING)) {
            for (List<CheckedFile> files : List.of(models, checksums)) {
                if (files.stream().anyMatch(file -> file.status() == worst)) {
                    return worst.id() + " file";
                }
            }
        }
        if (insight != null && !insight.findings().broken().isEmpty()) {
            return "broken entry";
        }
        return "ok";
    }
}
