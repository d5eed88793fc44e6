package io.github.devcontainercache.content;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * The disk a directory of this host takes, as {@code du} counts it: the blocks allocated to its files and folders,
 * each hard-linked file once. Java cannot read a file's blocks ({@code st_blocks}), so {@code du} itself measures them,
 * side by side with the plugin's own walk of the same directory.
 */
public final class DiskUse {

    /** A {@code du} that runs; its answer is read once the walk that runs beside it is over. */
    public static final class Pending {
        private final Process process;

        private Pending(Process process) {
            this.process = process;
        }

        /** The bytes {@code du} counted, or empty when it could not say (not installed, a folder it could not read). */
        public OptionalLong await() {
            if (process == null) {
                return OptionalLong.empty();
            }
            try (InputStream out = process.getInputStream()) {
                String answer = new String(out.readAllBytes(), StandardCharsets.UTF_8);
                if (!process.waitFor(1, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    return OptionalLong.empty();
                }
                return process.exitValue() == 0 ? parse(answer) : OptionalLong.empty();
            } catch (IOException e) {
                process.destroyForcibly();
                return OptionalLong.empty();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
                return OptionalLong.empty();
            }
        }
    }

    private DiskUse() {}

    /** Starts {@code du -s -B1} on the directory; never fails, a {@code du} that cannot start answers nothing. */
    public static Pending start(Path directory) {
        try {
            Process process = new ProcessBuilder("du", "-s", "-B1", "--", directory.toString())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            return new Pending(process);
        } catch (IOException | UnsupportedOperationException notThere) {
            return new Pending(null);
        }
    }

    /** The first number of {@code du -s}'s answer ({@code BYTES<TAB>PATH}). */
    static OptionalLong parse(String answer) {
        int end = 0;
        while (end < answer.length() && Character.isDigit(answer.charAt(end))) {
            end++;
        }
        if (end == 0 || end > 18 || end >= answer.length() || !Character.isWhitespace(answer.charAt(end))) {
            return OptionalLong.empty();
        }
        return OptionalLong.of(Long.parseLong(answer.substring(0, end)));
    }
}
