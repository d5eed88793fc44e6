package io.github.devcontainercache;

/** The few log levels the plain code needs; the mojos adapt Maven's log to it. */
public interface BuildLog {
    void info(String message);

    void warn(String message);

    void debug(String message);

    /** Holds messages to write later, in order, to another log. */
    final class Deferred implements BuildLog {
        private final java.util.List<java.util.Map.Entry<String, String>> messages = new java.util.ArrayList<>();

        @Override
        public void info(String message) {
            messages.add(java.util.Map.entry("info", message));
        }

        @Override
        public void warn(String message) {
            messages.add(java.util.Map.entry("warn", message));
        }

        @Override
        public void debug(String message) {
            messages.add(java.util.Map.entry("debug", message));
        }

        public void replayTo(BuildLog log) {
            for (java.util.Map.Entry<String, String> message : messages) {
                switch (message.getKey()) {
                    case "info" -> log.info(message.getValue());
                    case "warn" -> log.warn(message.getValue());
                    default -> log.debug(message.getValue());
                }
            }
            messages.clear();
        }
    }

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
