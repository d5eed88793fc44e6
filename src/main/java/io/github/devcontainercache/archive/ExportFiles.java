package io.github.devcontainercache.archive;

import io.github.devcontainercache.BuildIdentity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The temporary files of an export, beside the archive: named after the build that writes them, so that builds
 * exporting the same cache into the same directory never share one, and those of a build that was killed can be told
 * and removed.
 */
final class ExportFiles {

    private ExportFiles() {}

    /**
     * A new file for this export: {@code .dcc-export-<pid>-<host>-<random>-<volume><suffix>}, where host is a hash
     * of this host and pid namespace. Made with the default permissions (the archive keeps them once moved).
     */
    static Path create(Path directory, String volume, String suffix) throws IOException {
        String name = ".dcc-export-" + BuildIdentity.pid() + "-" + hostHash() + "-"
                + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE) + "-" + volume + suffix;
        return Files.createFile(directory.resolve(name));
    }

    private static String hostHash() {
        return Integer.toHexString(BuildIdentity.host().hashCode());
    }

    /**
     * Removes the temporary files that an export of this cache left when its build was killed: those of this host
     * and pid namespace named after a process that is gone. An export that is still running keeps its own, and so
     * does one of another host sharing the directory.
     */
    static void removeThoseOfDeadExports(Path directory, String volume) throws IOException {
        Pattern prefix = Pattern.compile("\\.dcc-export-(\\d{1,18})-([0-9a-f]+)-[0-9a-f]+-");
        List<String> endings = new ArrayList<>(List.of(volume + ".staging.tar"));
        for (Compression compression : Compression.values()) {
            endings.add(volume + ".staging" + compression.suffix());
            endings.add(volume + compression.suffix() + ".part");
        }
        try (Stream<Path> files = Files.list(directory)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                String name = file.getFileName().toString();
                Matcher parts = prefix.matcher(name);
                if (parts.lookingAt() && endings.contains(name.substring(parts.end()))
                        && parts.group(2).equals(hostHash()) && !BuildIdentity.alive(Long.parseLong(parts.group(1)))) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
