package io.github.devcontainercache.content.kinds;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads one cache in its tool's terms: what each file belongs to, and, when asked to verify, whether what the
 * format says of a file's content holds. One instance reads one pass. Paths are relative to the tool's own root
 * (the part of the cache the tool's layout starts at: {@code repository/} in a cache mounted at {@code ~/.m2}).
 * {@link #file} and {@link #link} come one at a time; {@link #content} may come from several threads at once and in
 * any order, so what it records goes through synchronized methods.
 */
abstract class KindReader {

    /** Whether content is checked: that costs reading it. */
    final boolean verify;
    /**
     * Whether a check reads what costs much more than the bytes (every compressed entry of a zip inflated against
     * its CRC-32), and the pass's buffers. Set before the pass; inflating by default, as a reader alone checks all
     * it can.
     */
    Scratch scratch = new Scratch(true);
    final Tally tally = new Tally();
    private final List<Findings.Broken> broken = new ArrayList<>();
    private long verified;

    KindReader(boolean verify) {
        this.verify = verify;
    }

    /** Whether zips are inflated; returns this reader. */
    final KindReader deep(boolean inflate) {
        this.scratch = new Scratch(inflate);
        return this;
    }

    /** What the items are, for the output. */
    abstract String unit();

    /** A regular file of the tool's layout. @return whether its content is wanted */
    abstract boolean file(String path, long sizeBytes);

    /** A symbolic link of the tool's layout. */
    void link(String path, String target) {}

    /** Every file and link of the cache has been told, before any content: on the mount point only. */
    void walked() {}

    /** The content of a file {@link #file} asked for. */
    void content(String path, long sizeBytes, InputStream in) throws IOException {}

    /** Called once every entry and every content is in, for the checks that need them all. */
    void finish() {}

    /** What takes the room, the {@code limit} largest first. */
    java.util.List<Findings.Item> items(int limit) {
        return tally.largest(limit);
    }

    /** How many items there are in all. */
    long itemCount() {
        return tally.size();
    }

    final synchronized void broken(String entry, String problem, List<String> files, long sizeBytes) {
        broken.add(new Findings.Broken(entry, problem, List.copyOf(files), sizeBytes));
    }

    final synchronized void verified() {
        verified++;
    }

    final synchronized List<Findings.Broken> brokenEntries() {
        List<Findings.Broken> sorted = new ArrayList<>(broken);
        sorted.sort(java.util.Comparator.comparing(Findings.Broken::entry).thenComparing(b -> b.files().toString()));
        return sorted;
    }

    final synchronized long verifiedCount() {
        return verified;
    }

    /** The segments of a path. */
    static String[] segments(String path) {
        return path.split("/");
    }

    /** The name after the last '/'. */
    static String fileName(String path) {
        return path.substring(path.lastIndexOf('/') + 1);
    }

    /** The first segment of a path, or the whole path at the root. */
    static String topLevel(String path) {
        int slash = path.indexOf('/');
        return slash < 0 ? path : path.substring(0, slash);
    }
}
