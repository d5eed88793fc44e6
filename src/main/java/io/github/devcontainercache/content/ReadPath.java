package io.github.devcontainercache.content;

/** The way a volume's files are reached, which the output names and which decides what can be known of them. */
public enum ReadPath {
    /** Straight from the volume's directory on this host: root on the engine's host. */
    MOUNT_POINT,
    /** Through a helper container and the engine's archive API: everyone else. */
    ARCHIVE_API,
    /** A rootless Podman's volume directory, read here for its root's owner only, its ids mapped back. */
    ROOTLESS_PODMAN_DIRECTORY;

    /** How the output says the content was read, such as "read on the mount point". */
    public String read() {
        return ContentMessages.read(this);
    }

    /** How the output says the content was written, such as "written through the archive API". */
    public String written() {
        return ContentMessages.written(this);
    }
}
