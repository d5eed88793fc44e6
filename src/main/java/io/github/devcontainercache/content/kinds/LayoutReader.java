package io.github.devcontainercache.content.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A kind whose items are named from paths alone, and whose files, where their format carries a check, are each
 * checked on their own: what most caches are. {@link Layouts} makes one per kind.
 */
final class LayoutReader extends KindReader {

    /** What a file's content says of itself. */
    interface Check {
        /** {@code null} when the content is what its format says, else what is wrong. */
        String problem(String path, long sizeBytes, InputStream in, Scratch scratch) throws IOException;
    }

    private final String unit;
    private final Function<String, String> item;
    private final Predicate<String> checked;
    private final Check check;

    LayoutReader(boolean verify, String unit, Function<String, String> item, Predicate<String> checked, Check check) {
        super(verify);
        this.unit = unit;
        this.item = item;
        this.checked = checked;
        this.check = check;
    }

    @Override
    String unit() {
        return unit;
    }

    @Override
    boolean file(String path, long sizeBytes) {
        tally.add(item.apply(path), sizeBytes);
        return verify && check != null && checked.test(path);
    }

    @Override
    void content(String path, long sizeBytes, InputStream in) throws IOException {
        String problem = check.problem(path, sizeBytes, in, scratch);
        verified();
        if (problem != null) {
            broken(item.apply(path), fileName(path) + " " + problem, List.of(path), sizeBytes);
        }
    }
}
