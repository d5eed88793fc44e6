package io.github.devcontainercache.fuzz;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs fuzz inputs one at a time on a worker thread, each with a time limit and a measure of the heap it allocated,
 * and counts how each ended. An input ends well in a {@link Outcome} the reader under test chose (a result, or its
 * own clean error); anything else that escapes (any other exception, an {@link Error}), a hang past the limit, or an
 * allocation past {@link #maxAllocatedBytes} is a failure, kept with the input's description so that it can be
 * replayed. The first hang stops the run: the stuck thread cannot be stopped and would skew everything after it.
 */
public final class FuzzRun implements AutoCloseable {

    /** How one input ended, as the test's own classification of the reader's answer. */
    public enum Outcome {
        ACCEPTED,
        REFUSED
    }

    /** One input: what to run, and how to describe it in a failure. */
    public interface Input {
        Outcome run() throws Exception;
    }

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final String name;
    private final long seed;
    private final long inputTimeoutMillis;
    private final long budgetNanos;
    private final long maxAllocatedBytes;
    private final long started = System.nanoTime();
    private final ExecutorService worker;
    private volatile Thread workerThread;

    private int inputs;
    private int accepted;
    private int refused;
    private long maxNanos;
    private String slowest = "";
    private long maxAllocated;
    private String hungryest = "";
    private boolean stopped;
    /** The first input of each kind of failure, by kind (exception class and top frame). */
    private final Map<String, String> failures = new LinkedHashMap<>();

    public FuzzRun(String name, long seed, long inputTimeoutMillis, long budgetSeconds, long maxAllocatedBytes) {
        this.name = name;
        this.seed = seed;
        this.inputTimeoutMillis = inputTimeoutMillis;
        this.budgetNanos = TimeUnit.SECONDS.toNanos(budgetSeconds);
        this.maxAllocatedBytes = maxAllocatedBytes;
        this.worker = Executors.newSingleThreadExecutor(r -> {
            Thread thread = new Thread(r, name + "-fuzz");
            thread.setDaemon(true);
            workerThread = thread;
            return thread;
        });
        System.out.printf("%s fuzz: seed %#x (set -D%s.fuzz.seed=N to try others)%n", name, seed, name);
    }

    /** Whether the run may go on: no hang so far and time left in the budget. */
    public boolean goOn() {
        return !stopped && System.nanoTime() - started < budgetNanos;
    }

    public int inputs() {
        return inputs;
    }

    /** Runs one input; {@code describe} is only called when it fails. */
    public void run(Input input, Supplier<String> describe) {
        if (stopped) {
            return;
        }
        inputs++;
        Callable<Object[]> task = () -> {
            long before = THREADS.getCurrentThreadAllocatedBytes();
            long start = System.nanoTime();
            Outcome outcome = input.run();
            return new Object[] {outcome, System.nanoTime() - start, THREADS.getCurrentThreadAllocatedBytes() - before};
        };
        Future<Object[]> future = worker.submit(task);
        try {
            Object[] done = future.get(inputTimeoutMillis, TimeUnit.MILLISECONDS);
            long nanos = (Long) done[1];
            long allocated = (Long) done[2];
            if (nanos > maxNanos) {
                maxNanos = nanos;
                slowest = shortly(describe.get());
            }
            if (allocated > maxAllocated) {
                maxAllocated = allocated;
                hungryest = shortly(describe.get());
            }
            if (allocated > maxAllocatedBytes) {
                failures.putIfAbsent("allocation of " + (allocated >> 20) + " MB", "allocated " + (allocated >> 20)
                        + " MB (more than " + (maxAllocatedBytes >> 20) + " MB) for " + describe.get());
            }
            if (done[0] == Outcome.ACCEPTED) {
                accepted++;
            } else {
                refused++;
            }
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            failures.putIfAbsent(cause.getClass().getName() + " at " + topFrame(cause),
                    describe.get() + "\n" + trace(cause));
        } catch (TimeoutException e) {
            future.cancel(true);
            stopped = true;
            StringBuilder stack = new StringBuilder();
            Thread stuck = workerThread;
            if (stuck != null) {
                for (StackTraceElement frame : stuck.getStackTrace()) {
                    stack.append("\n\tat ").append(frame);
                }
            }
            failures.put("hang", "no answer within " + inputTimeoutMillis + " ms for " + describe.get()
                    + "\nwhere it was:" + (stack.length() > 3_000 ? stack.substring(0, 3_000) + "..." : stack));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopped = true;
        }
    }

    /** Records a failure the test found itself, such as a result that breaks an invariant. */
    public void fail(String kind, String description) {
        failures.putIfAbsent(kind, description);
    }

    public Map<String, String> failures() {
        return failures;
    }

    public int accepted() {
        return accepted;
    }

    public int refused() {
        return refused;
    }

    /** One line: inputs, how they ended, the slowest and the hungriest input. */
    public String summary(String refusedAs, String acceptedAs) {
        return String.format("%s fuzz: %d inputs (seed %#x) in %.1f s, %d %s, %d %s, %d failures;"
                        + " max %d ms per input, max %d MB allocated per input",
                name, inputs, seed, (System.nanoTime() - started) / 1e9, refused, refusedAs, accepted, acceptedAs,
                failures.size(), TimeUnit.NANOSECONDS.toMillis(maxNanos), maxAllocated >> 20);
    }

    public String extremes() {
        return "  slowest: " + slowest + "\n  most allocating: " + hungryest;
    }

    @Override
    public void close() {
        worker.shutdownNow();
    }

    private static String shortly(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 160 ? line.substring(0, 160) + "..." : line;
    }

    private static String topFrame(Throwable failure) {
        for (StackTraceElement frame : failure.getStackTrace()) {
            if (frame.getClassName().startsWith("io.github.devcontainercache")) {
                return frame.toString();
            }
        }
        StackTraceElement[] stack = failure.getStackTrace();
        return stack.length == 0 ? "?" : stack[0].toString();
    }

    private static String trace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        String stack = text.toString();
        return stack.length() > 3_000 ? stack.substring(0, 3_000) + "..." : stack;
    }

    /**
     * A directory for the inputs' files: in memory (/dev/shm) where there is one, since writing thousands of small
     * files to a disk costs more than reading them; else under {@code fallback}. {@link #deleteTree} it when done.
     */
    public static Path scratch(Path fallback, String name) throws IOException {
        Path memory = Path.of("/dev/shm");
        if (Files.isDirectory(memory) && Files.isWritable(memory)) {
            try {
                return Files.createTempDirectory(memory, name + "-fuzz-");
            } catch (IOException e) {
                // then on disk
            }
        }
        return Files.createDirectories(fallback.resolve(name + "-scratch"));
    }

    public static void deleteTree(Path tree) throws IOException {
        if (!Files.exists(tree, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (java.util.stream.Stream<Path> paths = Files.walk(tree)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** Control characters and the like escaped, so that a report survives any console. */
    public static String printable(String text) {
        StringBuilder out = new StringBuilder(Math.min(text.length(), 2_000));
        text.codePoints().limit(2_000).forEach(c -> {
            if (c == '\n' || c >= 0x20 && c < 0x7F) {
                out.append((char) c);
            } else {
                out.append(c <= 0xFFFF ? String.format("\\u%04X", c) : String.format("\\U%06X", c));
            }
        });
        return text.length() > 2_000 ? out + "... (" + text.length() + " characters)" : out.toString();
    }
}
