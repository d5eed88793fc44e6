package io.github.devcontainercache.report;

import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.kinds.CachePass;
import io.github.devcontainercache.content.kinds.Findings;
import java.util.List;

/**
 * What a pass over a cache's every entry found in its tool's terms: what takes the room, the broken entries (when
 * verified), downloads left unfinished, files of another owner, another tool's layout.
 *
 * @param foreignOwners {@code null} when no owner is declared, or the source does not tell owners
 * @param otherLayout the kind whose layout the cache holds, when another than its own; else {@code null}
 */
public record Insight(Findings findings, List<FileEntry> unfinished, CachePass.ForeignOwners foreignOwners,
        String otherLayout) {

    static Insight of(CachePass.Result pass) {
        return new Insight(pass.findings(), pass.unfinished(), pass.foreignOwners(),
                pass.otherLayout() == null ? null : pass.otherLayout().id());
    }
}
