package io.github.devcontainercache.caches;

/**
 * A mount of a dev container configuration that is not a cache, and why: every report lists them, so that a report
 * with fewer caches than mounts says where the others went.
 *
 * @param source the volume's name or the host folder, as written; {@code null} for an anonymous volume
 * @param target where it is mounted in the container
 * @param reason why it is not a cache
 * @param origin the file and line that declare it
 */
public record SkippedMount(String source, String target, Reason reason, Origin origin) {

    /** The source as a report shows it: its name or folder, else what it is. */
    public String shownSource() {
        return source != null ? source : reason == Reason.ANONYMOUS ? "(anonymous)" : reason.id();
    }

    /** Why a mount is not a cache. */
    public enum Reason {
        /** A named volume whose name holds {@code ${devcontainerId}}, which only the running container's labels give. */
        DEVCONTAINER_ID("devcontainerId", "named after ${devcontainerId}, known only once the container exists;"
                + " declare it in the pom by its real name to include it"),
        /** A volume without a name: the engine gives it a new one with every container, so nothing is kept. */
        ANONYMOUS("anonymous", "an anonymous volume, renamed with every container: it keeps nothing between them"),
        /** A folder of the host: not a volume of the engine. */
        BIND("bind", "a bind mount of a host folder, not a volume"),
        /** Memory of the container: gone when it stops. */
        TMPFS("tmpfs", "a tmpfs mount, in memory: gone when the container stops");

        private final String id;
        private final String why;

        Reason(String id, String why) {
            this.id = id;
            this.why = why;
        }

        /** The word the reports use. */
        public String id() {
            return id;
        }

        /** Why such a mount is not a cache, in a user's words. */
        public String why() {
            return why;
        }
    }
}
