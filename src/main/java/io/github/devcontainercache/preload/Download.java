package io.github.devcontainercache.preload;

import io.github.devcontainercache.BuildLog;
import io.github.devcontainercache.content.Progress;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One file fetched into a partial file as a careful user would: what an earlier, interrupted run left is kept and
 * the rest asked for with {@code Range}; a connection that breaks or stalls is resumed where it stopped, a few times;
 * every byte is hashed as it arrives, and a file that is not what it must be is deleted, never kept.
 */
final class Download {

    /**
     * Writing the partial file failed (no space, no permission, a link in its place): not the network's doing, so not
     * retried; the partial file is gone.
     */
    static final class LocalFailure extends IOException {
        private static final long serialVersionUID = 1L;

        LocalFailure(Path partial, IOException cause) {
            super(PreloadMessages.cannotWrite(partial, cause), cause);
        }
    }

    /** Another build downloads the same file into the same place: nothing of its is touched. */
    static final class Busy extends IOException {
        private static final long serialVersionUID = 1L;

        Busy(Path partial) {
            super(PreloadMessages.downloadedElsewhere(partial));
        }
    }

    /** The file is not what it must be; the partial file is gone. */
    static final class NotVerified extends IOException {
        private static final long serialVersionUID = 1L;

        NotVerified(String message) {
            super(message);
        }
    }

    private static final Pattern CONTENT_RANGE = Pattern.compile("bytes (\\d+)-(\\d+)/(\\d+|\\*)");
    private static final int BUFFER_BYTES = 1 << 16;

    private final Fetcher fetcher;
    private final BuildLog log;

    Download(Fetcher fetcher, BuildLog log) {
        this.fetcher = fetcher;
        this.log = log;
    }

    /**
     * Downloads {@code uri} into {@code partial} (which may hold the start of it already), and returns the bytes it
     * holds once they are verified against {@code expected}.
     */
    long fetch(URI uri, Fetcher.Token token, Path partial, Expected expected, String what) throws IOException {
        int retries = Math.max(0, fetcher.settings().retries());
        for (int attempt = 0; ; attempt++) {
            long have = Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS) ? Files.size(partial) : 0;
            if (expected.size() >= 0 && have > expected.size()) {
                Files.delete(partial); // longer than the file can be: not a start of it
                have = 0;
            }
            if (have > 0 && have == expected.size()) {
                if (verifies(partial, expected)) {
                    return have; // an earlier run had it all, and was stopped before it put the file in place
                }
                Files.delete(partial); // all of it, and not the file: not a start of it either
                have = 0;
            }
            try {
                return attempt(uri, token, partial, have, expected, what);
            } catch (Busy e) {
                throw e;
            } catch (LocalFailure e) {
                Files.deleteIfExists(partial);
                throw e;
            } catch (NotVerified | Fetcher.HttpStatusException e) {
                if (e instanceof Fetcher.HttpStatusException status && status.status == 416 && have > 0) {
                    Files.deleteIfExists(partial); // the server cannot continue what is there: start again
                    continue;
                }
                if (e instanceof Fetcher.HttpStatusException status && status.status >= 500 && attempt < retries) {
                    log.warn(PreloadMessages.retrying(what, e.getMessage(), attempt + 1, retries));
                    pause(attempt);
                    continue;
                }
                throw e;
            } catch (IOException e) {
                if (attempt >= retries) {
                    throw e;
                }
                long kept = Files.isRegularFile(partial, LinkOption.NOFOLLOW_LINKS) ? Files.size(partial) : 0;
                log.warn(PreloadMessages.resuming(what, e, kept, attempt + 1, retries));
                pause(attempt);
            }
        }
    }

    private long attempt(URI uri, Fetcher.Token token, Path partial, long have, Expected expected, String what)
            throws IOException {
        Map<String, String> headers = have > 0 ? Map.of("Range", "bytes=" + have + "-") : Map.of();
        try (Fetcher.Answer answer = fetcher.send("GET", uri, headers, token, false)) {
            long start;
            long total;
            if (answer.status == 206) {
                Matcher range = CONTENT_RANGE.matcher(String.valueOf(answer.header("Content-Range")));
                if (!range.matches() || Long.parseLong(range.group(1)) != have) {
                    throw new IOException(PreloadMessages.badRange(answer.uri, answer.header("Content-Range"), have));
                }
                start = have;
                total = "*".equals(range.group(3)) ? -1 : Long.parseLong(range.group(3));
            } else {
                start = 0; // the whole file again: the server does not do ranges, or nothing was there
                long length = answer.headerLong("Content-Length");
                total = length;
            }
            if (total < 0) {
                total = expected.size();
            }
            if (expected.size() >= 0 && total >= 0 && total != expected.size()) {
                Files.deleteIfExists(partial);
                throw new NotVerified(PreloadMessages.wrongSize(answer.uri, total, expected.size()));
            }
            if (start > 0) {
                log.info(PreloadMessages.resumingAt(what, start, total));
            }
            MessageDigest digest = expected.newDigest(total >= 0 ? total : 0);
            if (start > 0) {
                hashPrefix(partial, start, digest);
            }
            long done = start;
            Progress progress = new Progress(log, "Downloading " + what, total);
            progress.add(start);
            FileChannel channel;
            try {
                channel = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                        LinkOption.NOFOLLOW_LINKS);
            } catch (IOException e) {
                throw new LocalFailure(partial, e);
            }
            try (channel;
                    OutputStream out = Channels.newOutputStream(channel);
                    InputStream body = answer.body();
                    ParallelDigest hashing = new ParallelDigest(digest)) {
                lock(channel, partial); // released when the channel closes
                channel.truncate(start);
                channel.position(start);
                for (int read = 0; read >= 0 && !(total >= 0 && done > total); ) {
                    byte[] buffer = hashing.buffer();
                    int filled = 0;
                    // a whole buffer at once where the network gives it: fewer hand-overs to the hasher
                    while (filled < buffer.length && (read = body.read(buffer, filled, buffer.length - filled)) >= 0) {
                        filled += read;
                        if (body.available() == 0) {
                            break;
                        }
                    }
                    try {
                        out.write(buffer, 0, filled);
                    } catch (IOException e) {
                        throw new LocalFailure(partial, e);
                    }
                    hashing.hash(buffer, filled);
                    done += filled;
                    progress.add(filled);
                }
                digest = hashing.finish();
            }
            if (total >= 0 && done < total) {
                throw new IOException(PreloadMessages.endedEarly(done, total)); // resumed from here
            }
            if ((total >= 0 && done != total) || !expected.matches(digest)) {
                Files.deleteIfExists(partial);
                throw new NotVerified(PreloadMessages.notVerified(answer.uri, expected));
            }
            return done;
        }
    }

    /** Another build that downloads the same file into the same place would write over this one's bytes. */
    private static void lock(FileChannel channel, Path partial) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null; // a build of this JVM (mvn -T) has it
        }
        if (lock == null) {
            throw new Busy(partial);
        }
    }

    private static boolean verifies(Path partial, Expected expected) throws IOException {
        MessageDigest digest = expected.newDigest(expected.size());
        hashPrefix(partial, expected.size(), digest);
        return expected.matches(digest);
    }

    /** Hashes the first {@code length} bytes the partial file already holds. */
    private static void hashPrefix(Path partial, long length, MessageDigest digest) throws IOException {
        try (InputStream in = Files.newInputStream(partial, LinkOption.NOFOLLOW_LINKS)) {
            byte[] buffer = new byte[BUFFER_BYTES];
            long left = length;
            while (left > 0) {
                int read = in.read(buffer, 0, (int) Math.min(buffer.length, left));
                if (read < 0) {
                    throw new IOException("the partial file " + partial + " shrank while it was read");
                }
                digest.update(buffer, 0, read);
                left -= read;
            }
        }
    }

    private static void pause(int attempt) throws IOException {
        try {
            Thread.sleep(Math.min(8_000L, 500L << Math.min(attempt, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while waiting to retry");
        }
    }
}
