package io.github.devcontainercache.report;

import io.github.devcontainercache.content.DiskUse;
import io.github.devcontainercache.content.VolumeScan;
import java.util.OptionalLong;

/**
 * The disk a cache takes and how it was found: {@code du} on the mount point; an estimate from the entries where du
 * could not answer or the entries came through the archive API, which tells sizes, never blocks; else not known.
 *
 * @param bytes the disk it takes, {@code null} when not known
 * @param source how it was found, as {@code diskSource} says it; {@code null} when not known
 */
record DiskSize(Long bytes, String source) {

    /** How {@code diskSource} says the disk was found. */
    static final String DU = "du on the mount point";
    static final String ESTIMATED_WALK = "estimated from the mount point walk";
    static final String ESTIMATED_STREAM = "estimated from the archive API stream";

    static final DiskSize UNKNOWN = new DiskSize(null, null);

    /**
     * @param du the du that measured the mount point while it was walked, or {@code null} through the archive API
     * @param scan the pass over every entry, or {@code null} where only the engine's df was asked (it counts content)
     */
    static DiskSize of(DiskUse.Pending du, VolumeScan scan) {
        if (du != null) {
            OptionalLong measured = du.await();
            if (measured.isPresent()) {
                return new DiskSize(measured.getAsLong(), DU);
            }
            return new DiskSize(scan.estimatedDiskBytes(), ESTIMATED_WALK);
        }
        return scan == null ? UNKNOWN : new DiskSize(scan.estimatedDiskBytes(), ESTIMATED_STREAM);
    }

    /** Whether {@code du} measured it, rather than an estimate. */
    static boolean measured(String source) {
        return DU.equals(source);
    }
}
