package io.github.devcontainercache;

/** The few log levels the plain code needs; the mojos adapt Maven's log to it. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** A log that drops everything, for callers that have nothing to say. */
    BuildLog SILENT = new BuildLog() {
        @Override
        public void info(String message) {}

        @Override
        public void warn(String message) {}

        @Override
        public void debug(String message) {}
    };
}
