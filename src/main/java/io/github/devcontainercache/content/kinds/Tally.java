package io.github.devcontainercache.content.kinds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Bytes and files per item, added one file at a time; the largest items come out first. */
final class Tally {

    private final Map<String, long[]> byName = new HashMap<>();

    void add(String name, long sizeBytes) {
        add(name, sizeBytes, 1);
    }

    void add(String name, long sizeBytes, long files) {
        long[] item = byName.computeIfAbsent(name, k -> new long[2]);
        item[0] += sizeBytes;
        item[1] += files;
    }

    int size() {
        return byName.size();
    }

    /** The {@code limit} largest items, largest first, ties by name. */
    List<Findings.Item> largest(int limit) {
        List<Findings.Item> items = new ArrayList<>(byName.size());
        byName.forEach((name, item) -> items.add(new Findings.Item(name, item[0], item[1])));
        items.sort(Comparator.comparingLong(Findings.Item::sizeBytes).reversed().thenComparing(Findings.Item::name));
        return items.size() > limit ? List.copyOf(items.subList(0, Math.max(0, limit))) : items;
    }
}
