package io.github.devcontainercache.engine;

import java.util.function.Supplier;

/**
 * Docker answers {@code GET /system/df} with a 500 while another client's runs (another build's report, a
 * {@code docker system df}): that one ends, so a report waits for it, a quarter second at a time, rather than fail.
 */
final class DiskUsage {

    /** What Docker says while another disk usage operation runs. */
    static final String BUSY = "a disk usage operation is already running";
    private static final long WAIT_NANOS = 60_000_000_000L;
    private static final long PAUSE_MILLIS = 250;

    private DiskUsage() {}

    static <T> T whenFree(Supplier<T> diskUsage) {
        long deadline = System.nanoTime() + WAIT_NANOS;
        while (true) {
            try {
                return diskUsage.get();
            } catch (EngineException e) {
                if (e.statusCode() != 500 || !String.valueOf(e.getMessage()).contains(BUSY)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
            }
            try {
                Thread.sleep(PAUSE_MILLIS);
            } catch (InterruptedException interrupted) {
                Thread.currentThread().interrupt();
                throw new EngineException("interrupted while waiting for the engine's disk usage", interrupted);
            }
        }
    }
}
