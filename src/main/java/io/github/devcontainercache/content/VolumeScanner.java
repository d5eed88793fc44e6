package io.github.devcontainercache.content;

import io.github.devcontainercache.caches.Owner;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RecursiveTask;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/** Fills a {@link VolumeScan} from a directory on this host or from a tar stream of the archive API. */
public final class VolumeScanner {

    private VolumeScanner() {}

    /**
     * Walks a directory without following links, counting the apparent size of regular files, a file with several
     * hard links once. Directories are read in parallel on the machine's cores: a cache of tens of thousands of small
     * files is mostly system calls, and those run side by side.
     */
    public static VolumeScan scan(Path root, int keepLargest) throws IOException {
        return scan(root, keepLargest, null);
    }

    /**
     * The same walk, telling {@code sink} of every file and link; then the content of the files it asks for is read
     * on the machine's cores, side by side.
     */
    public static VolumeScan scan(Path root, int keepLargest, EntrySink sink) throws IOException {
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(root + " is not a directory");
        }
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, Runtime.getRuntime().availableProcessors()));
        try {
            Walk walk = new Walk(sink);
            VolumeScan scan = pool.invoke(new DirectoryTask(root, null, "", keepLargest, walk));
            if (sink != null) {
                sink.walked();
                // the largest first, each core taking the next file when done: a few large files and many small
                // ones end together, where a split of the list in halves leaves one core with the large ones
                walk.wanted.sort(java.util.Comparator.comparingLong(FileEntry::sizeBytes).reversed());
                java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
                List<java.util.concurrent.ForkJoinTask<?>> readers = new ArrayList<>();
                for (int i = 0; i < pool.getParallelism(); i++) {
                    readers.add(pool.submit(() -> {
                        for (int at = next.getAndIncrement(); at < walk.wanted.size(); at = next.getAndIncrement()) {
                            read(root, walk.wanted.get(at), sink);
                        }
                    }));
                }
                readers.forEach(java.util.concurrent.ForkJoinTask::join);
            }
            return scan;
        } finally {
            pool.shutdown();
        }
    }

    /**
     * A tar entry's path below the archive's root directory: Docker names the entries {@code <directory>/...},
     * Podman {@code /...}; commons-compress drops the leading '/' of a name a PAX header gives (a long one), so
     * below a root of "/" a name without it is already relative. {@code null} for the root itself.
     */
    static String relative(String name, String root) {
        if (root != null && name.startsWith(root)) {
            return name.length() > root.length() ? name.substring(root.length()) : null;
        }
        if ("/".equals(root) || "./".equals(root)) {
            return name.isEmpty() || name.equals("/") || name.equals("./") ? null : name;
        }
        int slash = name.indexOf('/');
        return slash >= 0 && slash < name.length() - 1 ? name.substring(slash + 1) : null;
    }

    private static void read(Path root, FileEntry file, EntrySink sink) {
        try (InputStream in = Files.newInputStream(root.resolve(file.path()), LinkOption.NOFOLLOW_LINKS)) {
            sink.content(file.path(), file.sizeBytes(), in);
        } catch (IOException e) {
            sink.unreadable(file.path(), e);
        }
    }

    /** What a walk tells its sink, one entry at a time, and the files whose content it asked for. */
    private static final class Walk {
        final EntrySink sink;
        final List<FileEntry> wanted = new ArrayList<>();
        /** The files with more than one link seen so far: each is counted, and told, under its first name only. */
        final java.util.Set<Inode> linked = java.util.concurrent.ConcurrentHashMap.newKeySet();

        Walk(EntrySink sink) {
            this.sink = sink;
        }

        synchronized void file(String path, long size, long uid, long gid) {
            if (sink.file(path, size, uid, gid)) {
                wanted.add(new FileEntry(path, size));
            }
        }

        synchronized void link(Path entry, String path) {
            try {
                sink.link(path, Files.readSymbolicLink(entry).toString());
            } catch (IOException unreadable) {
                sink.link(path, "");
            }
        }
    }

    /** A file's identity on this host. */
    private record Inode(Object device, Object number) {}

    /** One stat: the type, size and owner of an entry, and whether it is one more name of a file already seen. */
    private static final String UNIX_ATTRIBUTES = "unix:mode,size,nlink,ino,dev,uid,gid";
    private static final int TYPE_MASK = 0170000;
    private static final int DIRECTORY = 0040000;
    private static final int REGULAR = 0100000;
    private static final int LINK = 0120000;

    /** Counts one directory's files, and forks a task for each of its subdirectories. */
    private static final class DirectoryTask extends RecursiveTask<VolumeScan> {
        private static final long serialVersionUID = 1L;
        private final transient Path directory;
        private final String topLevel;
        private final String prefix;
        private final int keepLargest;

        private final transient Walk walk;

        DirectoryTask(Path directory, String topLevel, String prefix, int keepLargest, Walk walk) {
            this.directory = directory;
            this.topLevel = topLevel;
            this.prefix = prefix;
            this.keepLargest = keepLargest;
            this.walk = walk;
        }

        @Override
        protected VolumeScan compute() {
            VolumeScan scan = new VolumeScan(keepLargest);
            scan.addDirectory();
            List<DirectoryTask> subdirectories = new ArrayList<>();
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory)) {
                for (Path entry : entries) {
                    int type;
                    long size;
                    long uid;
                    long gid;
                    try {
                        Map<String, Object> attributes = Files.readAttributes(entry, UNIX_ATTRIBUTES, LinkOption.NOFOLLOW_LINKS);
                        type = (Integer) attributes.get("mode") & TYPE_MASK;
                        size = (Long) attributes.get("size");
                        uid = ((Number) attributes.get("uid")).longValue();
                        gid = ((Number) attributes.get("gid")).longValue();
                        if (type == REGULAR && (Integer) attributes.get("nlink") > 1
                                && !walk.linked.add(new Inode(attributes.get("dev"), attributes.get("ino")))) {
                            continue; // another name of a file counted already, as du and Docker count it
                        }
                    } catch (IOException | UnsupportedOperationException unreadable) {
                        continue; // counted as nothing, as du reports and goes on
                    }
                    String name = entry.getFileName().toString();
                    if (type == DIRECTORY) {
                        DirectoryTask task = new DirectoryTask(
                                entry, topLevel == null ? name : topLevel, prefix + name + "/", keepLargest, walk);
                        task.fork();
                        subdirectories.add(task);
                    } else if (type == REGULAR) {
                        scan.addFile(topLevel, topLevel == null ? name : null, () -> prefix + name, size);
                        if (walk.sink != null) {
                            walk.file(prefix + name, size, uid, gid);
                        }
                    } else if (type == LINK && walk.sink != null) {
                        walk.link(entry, prefix + name);
                    }
                }
            } catch (IOException unreadable) {
                // an unreadable directory counts as nothing, as du reports and goes on
            }
            for (DirectoryTask task : subdirectories) {
                scan.merge(task.join());
            }
            return scan;
        }
    }

    /**
     * Reads a tar stream of {@code GET /containers/{id}/archive} for a directory: its entries are named
     * {@code <directory>/...}. Reads headers only; the content is skipped.
     */
    public static VolumeScan scan(InputStream tar, int keepLargest) throws IOException {
        return scan(tar, keepLargest, null);
    }

    /** The same, telling {@code sink} of every file and link, and handing it the content it asks for as it streams by. */
    public static VolumeScan scan(InputStream tar, int keepLargest, EntrySink sink) throws IOException {
        VolumeScan scan = new VolumeScan(keepLargest);
        TarStream entries = new TarStream(tar, 1 << 20);
        boolean first = true;
        String root = null;
        for (TarArchiveEntry entry = entries.next(); entry != null; entry = entries.next()) {
            if (first && entry.isDirectory()) {
                root = entry.getName().endsWith("/") ? entry.getName() : entry.getName() + "/";
                try {
                    scan.rootOwner(new Owner(entry.getLongUserId(), entry.getLongGroupId()));
                } catch (IllegalArgumentException impossible) {
                    // an owner no system has: leave it unknown
                }
            }
            first = false;
            String path = relative(entry.getName(), root);
            if (entry.isSymbolicLink() && sink != null && path != null) {
                sink.link(path, entry.getLinkName());
            }
            if (entry.isDirectory()) {
                scan.addDirectory();
                continue;
            }
            // commons-compress calls every non-directory a file: count regular files only, as the walk does; a hard
            // link is one more name of a file the stream gave already
            if ( entry.isSymbolicLink() || entry.isLink() || entry.isFIFO()
                    || entry.isCharacterDevice() || entry.isBlockDevice()) {
                continue;
            }
            if (path != null) {
                scan.addFile(path, entry.getSize());
                if (sink != null && sink.file(path, entry.getSize(), entry.getLongUserId(), entry.getLongGroupId())) {
                    try {
                        sink.content(path, entry.getSize(), entries.content());
                    } catch (IOException unreadable) {
                        if (unreadable instanceof java.io.EOFException) {
                            throw unreadable; // the stream itself ended: nothing after it can be read
                        }
                        sink.unreadable(path, unreadable);
                    }
                }
            }
        }
        return scan;
    }
}
