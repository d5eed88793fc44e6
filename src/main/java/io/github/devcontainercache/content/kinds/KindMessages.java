package io.github.devcontainercache.content.kinds;

import io.github.devcontainercache.caches.ByteSize;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** What a user reads of a cache in its tool's terms: the listing of what takes the room. */
public final class KindMessages {

    private KindMessages() {}

    /** A heading, then one line per item, largest first: size, files, name. */
    public static List<String> itemLines(Findings findings) {
        List<String> lines = new ArrayList<>();
        lines.add("What takes the room, by " + findings.unit() + ", largest first:");
        for (Findings.Item item : findings.items()) {
            lines.add(String.format(Locale.ROOT, "%10s  %7d %s  %s", ByteSize.format(item.sizeBytes()), item.files(),
                    item.files() == 1 ? "file " : "files", item.name()));
        }
        if (findings.itemCount() > findings.items().size()) {
            lines.add(String.format(Locale.ROOT, "%10s  (%d of %d shown; -Ddevcontainer-cache.limit shows more)", "",
                    findings.items().size(), findings.itemCount()));
        }
        return lines;
    }
}
