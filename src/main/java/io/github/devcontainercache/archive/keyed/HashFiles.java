package io.github.devcontainercache.archive.keyed;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * {@code hashFiles}, as GitHub's {@code actions/cache} keys use it: one SHA-256 over the files below a folder that
 * match any of the globs, in the order of their relative paths, each file's path and content; empty when nothing
 * matches. The build's output and tools' folders are not searched: {@code target}, {@code .git},
 * {@code node_modules}.
 */
public final class HashFiles {

    private static final Set<String> NOT_SEARCHED = Set.of("target", ".git", "node_modules", ".venv", "build");

    private HashFiles() {}

    /** The hash in hexadecimal, or {@code ""} when no file matches. */
    public static String hash(Path base, List<String> globs) throws IOException {
        List<String> files = matching(base, globs);
        if (files.isEmpty()) {
            return "";
        }
        MessageDigest all = sha256();
        byte[] buffer = new byte[64 * 1024];
        for (String file : files) {
            MessageDigest one = sha256();
            try (InputStream in = Files.newInputStream(base.resolve(file))) {
                for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                    one.update(buffer, 0, read);
                }
            }
            all.update(file.getBytes(StandardCharsets.UTF_8));
            all.update((byte) 0);
            all.update(one.digest());
        }
        return HexFormat.of().formatHex(all.digest());
    }

    /** The regular files below {@code base} that match a glob, by relative path with '/', sorted. */
    static List<String> matching(Path base, List<String> globs) throws IOException {
        List<PathMatcher> matchers = new ArrayList<>();
        for (String glob : globs) {
            matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob));
            // '**/x' also matches x at the top, as in GitHub's globs
            if (glob.startsWith("**/")) {
                matchers.add(FileSystems.getDefault().getPathMatcher("glob:" + glob.substring(3)));
            }
        }
        TreeSet<String> found = new TreeSet<>();
        if (!Files.isDirectory(base)) {
            return List.of();
        }
        Files.walkFileTree(base, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                return !dir.equals(base) && NOT_SEARCHED.contains(dir.getFileName().toString())
                        ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                if (attrs.isRegularFile()) {
                    Path relative = base.relativize(file);
                    if (matchers.stream().anyMatch(matcher -> matcher.matches(relative))) {
                        found.add(relative.toString().replace('\\', '/'));
                    }
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
            }
        });
        return new ArrayList<>(found);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
