package io.github.devcontainercache.content;

import io.github.devcontainercache.BuildLog;

/** Logs how far long work has come (bytes, total, rate), at most every 5 seconds. */
public final class Progress {

    private static final long EVERY_NANOS = 5_000_000_000L;

    private final BuildLog log;
    private final String what;
    private final long total;
    private final long started = System.nanoTime();
    private long done;
    private long last = started;

    public Progress(BuildLog log, String what, long total) {
        this.log = log;
        this.what = what;
        this.total = total;
    }

    /** Counts bytes done, and logs how far the work has come when it is time to. */
    public void add(long bytes) {
        done += bytes;
        long now = System.nanoTime();
        if (now - last >= EVERY_NANOS) {
            last = now;
            log.info(ContentMessages.progress(what, done, total, now - started));
        }
    }
}
