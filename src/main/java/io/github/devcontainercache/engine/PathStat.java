package io.github.devcontainercache.engine;

/**
 * What the engine says of one path in a container without sending its content: the JSON of the
 * {@code X-Docker-Container-Path-Stat} header of {@code HEAD /containers/{id}/archive}.
 *
 * @param sizeBytes the size of a regular file (a directory's is its own entry's, not its content's)
 * @param mode Go's {@code os.FileMode} bits: the permission bits and, for what is not a regular file, a type bit
 */
public record PathStat(String name, long sizeBytes, long mode) {

    /** Go's {@code os.ModeType}: directory, symlink, named pipe, socket, device, irregular and the like. */
    private static final long GO_MODE_TYPE = 0x8000_0000L | 0x0800_0000L | 0x0200_0000L | 0x0100_0000L
            | 0x0400_0000L | 0x0020_0000L | 0x0008_0000L | 0x0004_0000L;

    public boolean isRegularFile() {
        return (mode & GO_MODE_TYPE) == 0;
    }
}
