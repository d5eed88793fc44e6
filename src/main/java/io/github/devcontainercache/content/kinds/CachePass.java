package io.github.devcontainercache.content.kinds;

import io.github.devcontainercache.caches.CacheKind;
import io.github.devcontainercache.caches.Owner;
import io.github.devcontainercache.content.CacheContents;
import io.github.devcontainercache.content.EntrySink;
import io.github.devcontainercache.content.FileEntry;
import io.github.devcontainercache.content.VolumeScan;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * One pass over a cache that measures it (a {@link VolumeScan}) and reads it in its tool's terms: what takes the
 * room, the entries whose content is not what their format says (when verifying), downloads left unfinished, files
 * of another owner than the declared one, and the marks of another tool's layout.
 */
public final class CachePass {

    /** The endings of downloads that did not finish: pip's and curl's, the hub's, browsers'. */
    private static final List<String> UNFINISHED = List.of(".part", ".partial", ".incomplete", ".crdownload");
    private static final int MAX_NAMES = 10_000;
    private static final int MAX_EXAMPLES = 5;

    /**
     * @param verify whether to read the content whose format carries a check
     * @param inflate whether to inflate every compressed entry of a zip against its CRC-32 too (many times the read)
     * @param owner the declared owner, whose files are counted against; {@code null} for none
     * @param ownersKnown whether the source tells each file's owner (Podman's archive API names root for all)
     * @param keepLargest how many of the largest files to keep
     * @param items how many of the largest items to keep
     */
    public record Options(boolean verify, boolean inflate, Owner owner, boolean ownersKnown, int keepLargest, int items) {}

    /** Files of another owner than the declared one: how many, their bytes, a few of them, the first owner seen. */
    public record ForeignOwners(long files, long sizeBytes, List<String> examples, Owner firstOwner) {}

    /**
     * What the pass found.
     *
     * @param unfinished downloads left unfinished, by path and size
     * @param foreignOwners files of another owner, {@code null} when no owner was declared or owners are not known
     * @param otherLayout the kind whose layout the cache holds, when that is another than its own
     */
    public record Result(VolumeScan scan, Findings findings, List<FileEntry> unfinished, ForeignOwners foreignOwners,
            CacheKind otherLayout) {}

    private CachePass() {}

    /**
     * Whether verifying a cache of this kind reads its entries' content, so that through the archive API a verifying
     * report streams the whole cache: Whisper's models are hashed one by one, and ccache and unknown caches carry no
     * check of their own.
     */
    public static boolean checksEntries(CacheKind kind) {
        return kind != CacheKind.WHISPER && kind != CacheKind.GENERIC && kind != CacheKind.CCACHE;
    }

    public static Result run(CacheContents contents, CacheKind kind, String target, Options options) throws IOException {
        Sink sink = new Sink(Kinds.reader(kind, options.verify()).deep(options.inflate()), ToolRoot.of(kind, target),
                options);
        VolumeScan scan = contents.scan(options.keepLargest(), sink);
        KindReader reader = sink.reader;
        try {
            reader.finish();
        } catch (RuntimeException unexpected) {
            // a layout no reader foresaw: said as such, and what was found before stands
            sink.unreadable.add("(" + kind.id() + " layout: " + unexpected + ")");
        }
        List<Findings.Broken> broken = new ArrayList<>();
        for (Findings.Broken entry : reader.brokenEntries()) {
            broken.add(new Findings.Broken(entry.entry(), entry.problem(),
                    entry.files().stream().map(sink.root::inCache).toList(), entry.sizeBytes()));
        }
        for (String path : sink.unreadable) {
            broken.add(new Findings.Broken(path, "cannot be read", List.of(), 0));
        }
        Findings findings = new Findings(reader.unit(), reader.items(options.items()), reader.itemCount(),
                reader.verifiedCount(), broken);
        Optional<CacheKind> layout = Kinds.layoutOf(sink.topLevel, sink.secondLevel);
        CacheKind other = layout.filter(found -> found != kind && kind != CacheKind.GENERIC).orElse(null);
        ForeignOwners foreign = sink.owners() ? new ForeignOwners(sink.foreignFiles, sink.foreignBytes,
                List.copyOf(sink.foreignExamples), sink.firstForeign) : null;
        return new Result(scan, findings, List.copyOf(sink.unfinished), foreign, other);
    }

    /** Hands each entry of the tool's layout to the kind's reader, and watches every entry for the hidden problems. */
    private static final class Sink implements EntrySink {
        final KindReader reader;
        final ToolRoot root;
        final Options options;
        final Set<String> topLevel = new HashSet<>();
        final Set<String> secondLevel = new HashSet<>();
        final List<FileEntry> unfinished = new ArrayList<>();
        final List<String> unreadable = new ArrayList<>();
        final List<String> foreignExamples = new ArrayList<>();
        long foreignFiles;
        long foreignBytes;
        Owner firstForeign;

        Sink(KindReader reader, ToolRoot root, Options options) {
            this.reader = reader;
            this.root = root;
            this.options = options;
        }

        boolean owners() {
            return options.owner() != null && options.ownersKnown();
        }

        @Override
        public boolean file(String path, long sizeBytes, long uid, long gid) {
            names(path);
            String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
            if (UNFINISHED.stream().anyMatch(name::endsWith)) {
                unfinished.add(new FileEntry(path, sizeBytes));
            }
            if (owners() && uid >= 0 && (uid != options.owner().uid() || gid != options.owner().gid())) {
                foreignFiles++;
                foreignBytes += sizeBytes;
                if (foreignExamples.size() < MAX_EXAMPLES) {
                    foreignExamples.add(path);
                }
                if (firstForeign == null) {
                    firstForeign = new Owner(uid, gid);
                }
            }
            String inLayout = root.inLayout(path);
            if (inLayout == null) {
                reader.tally.add(KindReader.topLevel(path) + (path.contains("/") ? "/" : ""), sizeBytes);
                return false;
            }
            return reader.file(inLayout, sizeBytes);
        }

        @Override
        public void link(String path, String target) {
            names(path);
            String inLayout = root.inLayout(path);
            if (inLayout != null) {
                reader.link(inLayout, target);
            }
        }

        @Override
        public void walked() {
            reader.walked();
        }

        @Override
        public void content(String path, long sizeBytes, InputStream in) throws IOException {
            try {
                reader.content(root.inLayout(path), sizeBytes, in);
            } catch (RuntimeException unexpected) {
                // a format no reader foresaw: that file is named, the pass goes on
                unreadable(path, new IOException(unexpected));
            }
        }

        @Override
        public synchronized void unreadable(String path, IOException cause) {
            unreadable.add(path);
        }

        private void names(String path) {
            int first = path.indexOf('/');
            if (topLevel.size() < MAX_NAMES) {
                topLevel.add(first < 0 ? path : path.substring(0, first));
            }
            if (first > 0 && secondLevel.size() < MAX_NAMES) {
                int second = path.indexOf('/', first + 1);
                secondLevel.add(second < 0 ? path : path.substring(0, second));
            }
        }
    }
}
