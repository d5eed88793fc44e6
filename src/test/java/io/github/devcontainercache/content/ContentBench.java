package io.github.devcontainercache.content;

import io.github.devcontainercache.BuildLog;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The plugin's own size computation and hashing, timed in one JVM, for bench/report-content.sh:
 * {@code scan DIR...} walks the directories as {@code report} does on a mount point; {@code sizes DIR...} does so
 * with {@code du} measuring the disk beside the walk, as {@code report} does for its two sizes; {@code figures DIR...}
 * prints, once, the content, the disk du measured and the estimate of each directory; {@code hash FILE...} hashes the
 * files as {@code verifyIntegrity} does. Arguments: the mode, the warm-up rounds, the measured rounds, the
 * paths. Prints the milliseconds of each measured round on standard output, of the first (cold) round on
 * standard error.
 */
public final class ContentBench {

    private ContentBench() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        if (mode.equals("figures")) {
            for (int i = 3; i < args.length; i++) {
                Path path = Path.of(args[i]);
                DiskUse.Pending du = DiskUse.start(path);
                VolumeScan scan = VolumeScanner.scan(path, 10);
                System.out.println(path + " content=" + scan.sizeBytes() + " disk=" + du.await().orElse(-1)
                        + " estimate=" + scan.estimatedDiskBytes());
            }
            return;
        }
        int warmups = Integer.parseInt(args[1]);
        int rounds = Integer.parseInt(args[2]);
        for (int round = 0; round < warmups + rounds; round++) {
            long start = System.nanoTime();
            long result = 0;
            for (int i = 3; i < args.length; i++) {
                Path path = Path.of(args[i]);
                if (mode.equals("scan")) {
                    VolumeScan scan = VolumeScanner.scan(path, 10);
                    result += scan.sizeBytes();
                } else if (mode.equals("sizes")) {
                    DiskUse.Pending du = DiskUse.start(path);
                    VolumeScan scan = VolumeScanner.scan(path, 10);
                    result += scan.sizeBytes() + du.await().orElse(0);
                } else {
                    try (InputStream in = Files.newInputStream(path)) {
                        result += new Hashing(BuildLog.SILENT, Files.size(path)).sha256(in).length();
                    }
                }
            }
            long millis = (System.nanoTime() - start) / 1_000_000;
            if (round >= warmups) {
                System.out.println(millis);
            } else if (round == 0) {
                System.err.println(millis);
            }
        }
    }
}
