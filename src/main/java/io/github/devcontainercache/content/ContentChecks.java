package io.github.devcontainercache.content;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Which files of a cache have an expected content, and what their sizes alone say of them. */
public final class ContentChecks {

    private static final Pattern SHA256SUM_LINE = Pattern.compile("([0-9a-fA-F]{64}) [ *](.+)");

    private ContentChecks() {}

    /** The known Whisper models at the root of a whisper cache, judged by size: partial, corrupt or unverified. */
    public static List<CheckedFile> whisperModels(VolumeScan scan, ModelCatalog catalog) {
        return whisperModels(scan.rootFiles(), catalog);
    }

    /** The same, from the sizes of the regular files at the cache's root (those of the catalogue's files suffice). */
    public static List<CheckedFile> whisperModels(Map<String, Long> rootFiles, ModelCatalog catalog) {
        List<CheckedFile> models = new ArrayList<>();
        for (Map.Entry<String, Long> file : rootFiles.entrySet()) {
            catalog.byFile(file.getKey()).ifPresent(known -> models.add(bySize(
                    new CheckedFile(file.getKey(), file.getValue(), known.sha256(), known.sizeBytes(), null))));
        }
        models.sort(java.util.Comparator.comparing(CheckedFile::file)); // the same order on every machine
        return models;
    }

    /** The entries of a {@code sha256sum}-style file, checked against the scan's sizes where it knows them. */
    public static List<CheckedFile> fromChecksums(List<String> lines, Map<String, Long> sizes) {
        List<CheckedFile> checked = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = SHA256SUM_LINE.matcher(line.strip());
            if (!matcher.matches()) {
                continue;
            }
            String file = matcher.group(2).startsWith("./") ? matcher.group(2).substring(2) : matcher.group(2);
            Long size = sizes.get(file);
            checked.add(new CheckedFile(file, size == null ? -1 : size, matcher.group(1).toLowerCase(Locale.ROOT), -1,
                    size == null ? FileStatus.MISSING : FileStatus.UNVERIFIED));
        }
        return checked;
    }

    /** The files a {@code sha256sum}-style file lists, as {@link #fromChecksums} names them. */
    public static List<String> listedFiles(List<String> lines) {
        List<String> files = new ArrayList<>();
        for (String line : lines) {
            Matcher matcher = SHA256SUM_LINE.matcher(line.strip());
            if (matcher.matches()) {
                files.add(matcher.group(2).startsWith("./") ? matcher.group(2).substring(2) : matcher.group(2));
            }
        }
        return files;
    }

    /** Reads a checksums file; the problems of reading it are the caller's to report. */
    public static List<String> readChecksums(Path file) throws IOException {
        return Files.readAllLines(file);
    }

    static CheckedFile bySize(CheckedFile file) {
        if (file.expectedBytes() >= 0 && file.sizeBytes() < file.expectedBytes()) {
            return file.withStatus(FileStatus.PARTIAL);
        }
        if (file.expectedBytes() >= 0 && file.sizeBytes() > file.expectedBytes()) {
            return file.withStatus(FileStatus.CORRUPT);
        }
        return file.withStatus(FileStatus.UNVERIFIED);
    }
}
