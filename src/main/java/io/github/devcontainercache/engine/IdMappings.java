package io.github.devcontainercache.engine;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * How a rootless engine maps the ids inside its containers to ids on its host (its user namespace): uid ranges and
 * gid ranges, as {@code /proc/PID/uid_map} has them. A rootless Podman's volumes hold the host's side.
 */
public record IdMappings(List<Range> uids, List<Range> gids) {

    /** {@code size} ids from {@code containerId} in the container are {@code hostId} on from there on the host. */
    public record Range(long containerId, long hostId, long size) {}

    /** The container's uid and gid of a file owned by {@code hostUid:hostGid} on the host; empty when unmapped. */
    public Optional<long[]> toContainer(long hostUid, long hostGid) {
        OptionalLong uid = toContainer(uids, hostUid);
        OptionalLong gid = toContainer(gids, hostGid);
        return uid.isPresent() && gid.isPresent()
                ? Optional.of(new long[] {uid.getAsLong(), gid.getAsLong()})
                : Optional.empty();
    }

    private static OptionalLong toContainer(List<Range> ranges, long hostId) {
        for (Range range : ranges) {
            if (hostId >= range.hostId() && hostId - range.hostId() < range.size()) {
                return OptionalLong.of(range.containerId() + hostId - range.hostId());
            }
        }
        return OptionalLong.empty();
    }
}
