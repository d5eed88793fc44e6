package io.github.devcontainercache.content;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * What one pass over a cache found: its size (the apparent size of its regular files, each hard-linked file once, as
 * Docker counts a volume), an estimate of the disk it takes, its file count, its largest files, the size and file count of each top-level directory, and the files at its root.
 * Filled one file at a time, whatever the source (a directory walk or a tar stream); keeps only the largest
 * {@code keepLargest} files, so memory stays small whatever the cache's size.
 */
public final class VolumeScan {

    /** Size and file count of a part of a cache. */
    public record Part(long sizeBytes, long files) {}

    private final int keepLargest;
    private final PriorityQueue<FileEntry> largest =
            // the head is the first to drop: the smallest, and among equals the last by path
            new PriorityQueue<>(Comparator.comparingLong(FileEntry::sizeBytes)
                    .thenComparing(FileEntry::path, Comparator.reverseOrder()));
    private final Map<String, long[]> topLevel = new LinkedHashMap<>();
    private final Map<String, Long> rootFiles = new LinkedHashMap<>();
    private long sizeBytes;
    private long estimatedDiskBytes;
    private long files;
    private io.github.devcontainercache.caches.Owner rootOwner;

    /** The owner of the root directory, where the source tells it. */
    public io.github.devcontainercache.caches.Owner rootOwner() {
        return rootOwner;
    }

    void rootOwner(io.github.devcontainercache.caches.Owner owner) {
        this.rootOwner = owner;
    }

    public VolumeScan(int keepLargest) {
        this.keepLargest = Math.max(0, keepLargest);
    }

    /** Counts one regular file, its path relative to the cache's root with '/' separators. */
    public void addFile(String path, long size) {
        int slash = path.indexOf('/');
        addFile(slash < 0 ? null : path.substring(0, slash), slash < 0 ? path : null, () -> path, size);
    }

    /**
     * Counts one regular file without building its path unless it is needed (it is among the largest): a walk of
     * tens of thousands of files spends most of its time on strings otherwise.
     *
     * @param topLevel the top-level directory that holds it, or {@code null} for a file at the root
     * @param rootName its name when it is at the root, else {@code null}
     */
    public void addFile(String topLevel, String rootName, java.util.function.Supplier<String> path, long size) {
        sizeBytes += size;
        estimatedDiskBytes += blocks(size);
        files++;
        if (topLevel == null) {
            rootFiles.put(rootName, size);
        } else {
            long[] part = topLevel.equals(lastTopLevelName) ? lastTopLevel
                    : topLevelPart(topLevel);
            part[0] += size;
            part[1]++;
        }
        if (keepLargest > 0) {
            if (largest.size() >= keepLargest && size < largest.peek().sizeBytes()) {
                return; // smaller than every file kept
            }
            largest.add(new FileEntry(path.get(), size));
            if (largest.size() > keepLargest) {
                largest.poll();
            }
        }
    }

    /**
     * The block size of the estimate: ext4's and XFS's default, and that of the disk of Docker Desktop's virtual
     * machine, where most volumes read through the archive API live.
     */
    public static final long ESTIMATE_BLOCK = 4096;

    private static long blocks(long size) {
        return (size + ESTIMATE_BLOCK - 1) / ESTIMATE_BLOCK * ESTIMATE_BLOCK;
    }

    /** Counts a directory (the root included): a block for its entries, in the estimate of the disk it takes. */
    public void addDirectory() {
        estimatedDiskBytes += ESTIMATE_BLOCK;
    }

    /** Adds what another scan of a part of the same cache counted. */
    public void merge(VolumeScan other) {
        sizeBytes += other.sizeBytes;
        estimatedDiskBytes += other.estimatedDiskBytes;
        files += other.files;
        other.topLevel.forEach((name, part) -> {
            long[] mine = topLevel.computeIfAbsent(name, k -> new long[2]);
            mine[0] += part[0];
            mine[1] += part[1];
        });
        rootFiles.putAll(other.rootFiles);
        if (rootOwner == null) {
            rootOwner = other.rootOwner;
        }
        for (FileEntry entry : other.largest) {
            if (keepLargest == 0) {
                break;
            }
            largest.add(entry);
            if (largest.size() > keepLargest) {
                largest.poll();
            }
        }
    }

    private String lastTopLevelName;
    private long[] lastTopLevel;

    private long[] topLevelPart(String name) {
        lastTopLevelName = name;
        lastTopLevel = topLevel.computeIfAbsent(name, k -> new long[2]);
        return lastTopLevel;
    }

    public long sizeBytes() {
        return sizeBytes;
    }

    /**
     * The disk the cache takes as estimated from its entries alone, where the blocks themselves cannot be read
     * (through the archive API): each regular file rounded up to whole 4 KiB blocks, and a block for each directory.
     * It is what {@code du} says on ext4 for a cache without sparse files, symbolic links' targets of over 60 bytes or
     * directories of hundreds of entries; a file system that compresses or packs small files takes less.
     */
    public long estimatedDiskBytes() {
        return estimatedDiskBytes;
    }

    public long files() {
        return files;
    }

    /** The largest files, largest first. */
    public List<FileEntry> largest() {
        List<FileEntry> sorted = new ArrayList<>(largest);
        sorted.sort(Comparator.comparingLong(FileEntry::sizeBytes).reversed().thenComparing(FileEntry::path));
        return sorted;
    }

    /** Size and file count of a top-level directory, or empty when there is none of that name. */
    public Part part(String directory) {
        long[] part = topLevel.get(directory);
        return part == null ? null : new Part(part[0], part[1]);
    }

    /** The regular files directly at the root, with their sizes. */
    public Map<String, Long> rootFiles() {
        return rootFiles;
    }
}
