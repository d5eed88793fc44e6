package io.github.devcontainercache.content.kinds;

/**
 * What the checks of one pass share: whether they inflate every compressed entry of a zip, and each thread's
 * buffers, so that thousands of files do not each take fresh ones (the heap of a default JVM grows with what is
 * thrown away). Held by the pass's reader and dropped with it: no buffer outlives the pass.
 */
final class Scratch {

    /** The largest buffer a thread keeps for a whole file; a larger file takes one of its own. */
    private static final int KEPT_BYTES = 16 << 20;

    final boolean inflate;
    private final ThreadLocal<byte[]> copy = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    private final ThreadLocal<byte[]> inflated = ThreadLocal.withInitial(() -> new byte[1 << 16]);
    private final ThreadLocal<byte[]> whole = ThreadLocal.withInitial(() -> new byte[0]);

    Scratch(boolean inflate) {
        this.inflate = inflate;
    }

    /** A buffer to read through. */
    byte[] copy() {
        return copy.get();
    }

    /** A buffer to inflate into. */
    byte[] inflated() {
        return inflated.get();
    }

    /** A buffer that holds at least {@code size} bytes. */
    byte[] whole(int size) {
        byte[] buffer = whole.get();
        if (buffer.length >= size) {
            return buffer;
        }
        buffer = new byte[size];
        if (size <= KEPT_BYTES) {
            whole.set(buffer);
        }
        return buffer;
    }
}
