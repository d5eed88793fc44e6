package io.github.devcontainercache.archive;

import static io.github.devcontainercache.Wording.NL;
import static io.github.devcontainercache.Wording.bullets;
import static io.github.devcontainercache.Wording.count;
import static io.github.devcontainercache.engine.EngineMessages.PODMAN_LOCAL;
import static io.github.devcontainercache.engine.EngineMessages.PODMAN_OWNERS;

import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.content.ReadPath;
import java.io.IOException;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * What a user reads when caches are exported, imported and seeded, and why an archive is refused. Unit tests assert
 * these texts exactly.
 */
public final class ArchiveMessages {

    private ArchiveMessages() {}

    public static String fileChangedDuringExport(String file) {
        return "'" + file + "' changed while it was exported; export the cache again while no container writes to it";
    }

    public static String exported(String volume, Path archive, int files, long bytes, long archiveBytes) {
        return "Exported " + volume + " to " + archive + ": " + count(files, "file") + ", " + ByteSize.format(bytes)
                + ", archive " + ByteSize.format(archiveBytes) + ".";
    }

    public static String exportFailed(String volume, IOException e, Optional<Exporter.ArchiveFile> older) {
        return "Exporting " + volume + " failed: " + e.getMessage() + ". " + older
                .map(archive -> "The archive it had is left as it was: " + archive.path() + ", of "
                        + archive.modified().truncatedTo(ChronoUnit.SECONDS) + ", " + ByteSize.format(archive.bytes())
                        + ".")
                .orElse("No archive of it is in the export directory, and none was written.");
    }

    /** Why a written archive is not moved into place: the file holds another size than was written into it. */
    public static String archiveNotWhole(Path file, long written, long size) {
        return file + " holds " + size + " bytes where " + written + " were written, so the disk or the file system under"
                + " the export directory lost part of the archive (look for errors of that disk in the system log, or"
                + " set -Ddevcontainer-cache.directory to another disk)";
    }

    public static String exportVia(String volume, ReadPath via) {
        return "Exporting " + volume + " (" + via.read() + ")";
    }

    public static String archiveRefused(String archive, List<String> problems) {
        return "Archive " + archive + " is refused, and nothing was written (" + count(problems.size(), "problem")
                + "):" + NL + bullets(problems) + NL + "Export it again from its source, or check how it was copied.";
    }

    /** A problem of a refused archive: an entry where a file of the archive would have to be a directory. */
    public static String archiveEntryBelowFile(String path, String file) {
        return "'" + path + "' lies inside '" + file + "', which the archive holds as a file: no directory can be made there";
    }

    /** A problem of a refused archive: more bytes after its last entry than any tar writer pads with. */
    public static String archiveTrailingData(long max) {
        return "it holds more than " + ByteSize.format(max) + " after the end of its entries, which no export writes:"
                + " it is corrupted or was made to exhaust the import";
    }

    /** A problem of a refused archive: the headers of one entry take more room than any tar writer uses. */
    public static String archiveHeadersTooLarge(long max) {
        return "the headers of one entry (PAX records, GNU long names) take more than " + ByteSize.format(max)
                + ", which no export writes: it is corrupted or was made to exhaust the import";
    }

    /** Why a manifest cannot be read: more labels than any volume has. */
    public static String manifestTooManyLabels(int max) {
        return "the manifest gives more than " + max + " labels, which no volume has";
    }

    /** A problem of a refused archive: a mode no file has, which import cannot write. */
    public static String archiveEntryMode(String entry, int mode) {
        return "'" + entry + "' has the mode " + Integer.toOctalString(mode) + ", which no file has";
    }

    /** A problem of a refused archive: a directory or link whose header gives it content, which import cannot write. */
    public static String archiveEntryWithContent(String entry, long size) {
        return "'" + entry + "' is a directory or link that carries " + size + " bytes of content, which no export"
                + " writes";
    }

    /** A problem of a refused archive: a symbolic link no file system can hold, each costly to check. */
    public static String archiveLinkTooLong(String entry, int max) {
        return "'" + entry + "' is a symbolic link to more than " + max + " bytes, which no file system holds";
    }

    /** A problem of a refused archive: it holds content its manifest does not account for, and was not read on. */
    public static String archiveHoldsUnlisted(long max) {
        return "it holds more than " + ByteSize.format(max) + " in entries its manifest does not list or gives"
                + " another size: verification stopped there";
    }

    public static String importTargetInUse(String volume, List<String> containers) {
        return "Cache volume '" + volume + "' is used by running container" + (containers.size() == 1 ? " " : "s ")
                + String.join(", ", containers) + ": importing under " + (containers.size() == 1 ? "it" : "them")
                + " would mix their writes with the archive. Stop them (docker stop " + String.join(" ", containers)
                + ") and run again.";
    }

    public static String importPartial(String archive, String volume, String reason) {
        return "Importing " + archive + " into " + volume + " failed part-way (" + reason + "): the volume now holds"
                + " a partial import. Wipe it (mvn devcontainer-cache:wipe -Ddevcontainer-cache.only=" + volume
                + ") and import again.";
    }

    public static String nothingToSeed(Path from) {
        return from + " holds no regular file to seed a cache with (a link is not followed: name the file it points"
                + " to).";
    }

    public static String targetNotEmpty(String volume) {
        return "Cache volume '" + volume + "' is not empty: importing into it would mix two caches. Wipe it first"
                + " (mvn devcontainer-cache:wipe -Ddevcontainer-cache.only=" + volume + "), import into another"
                + " volume (-Ddevcontainer-cache.volume=NAME), or set -Ddevcontainer-cache.overwrite=true.";
    }

    public static String imported(String archive, String volume, int files, long bytes, boolean created, ReadPath via) {
        return "Imported " + archive + " into " + (created ? "new " : "") + "volume " + volume + ": "
                + count(files, "file") + ", " + ByteSize.format(bytes) + " (" + via.written() + ").";
    }

    public static String importFromMissing(String from) {
        return "-Ddevcontainer-cache.from=" + from + " is neither a file, a directory nor Maven coordinates"
                + " (groupId:artifactId:version[:classifier]). Name an archive exported by devcontainer-cache:export,"
                + " a directory of them, a file or directory to seed a cache with, or coordinates.";
    }

    public static String importNeedsFrom() {
        return "Import from where? Set -Ddevcontainer-cache.from=FILE, a directory of archives, or"
                + " groupId:artifactId:version[:classifier].";
    }

    public static String seedNeedsVolume(Path from) {
        return "Seeding a cache from " + from + " needs the cache: set -Ddevcontainer-cache.volume=NAME.";
    }

    public static String seedModelCorrupt(Path file, String model, String actual, String expected) {
        return file + " is not the Whisper model " + model + ": its SHA-256 is " + actual + ", Whisper expects "
                + expected + ". Download it again; nothing was written.";
    }

    public static String seedModelVerified(Path file, String model) {
        return file.getFileName() + " is the Whisper model " + model + " (SHA-256 verified).";
    }

    public static String seeded(Path from, String volume, int files, long bytes) {
        return "Seeded " + volume + " with " + from + ": " + count(files, "file") + ", " + ByteSize.format(bytes) + ".";
    }

    public static String severalArchivesOneVolume() {
        return "-Ddevcontainer-cache.volume names one volume, but the import has several archives; import them one"
                + " at a time, or leave the volume out to use the one each manifest names.";
    }

    public static String unresolvedCoordinates(String coordinates, String reason) {
        return "Cannot resolve " + coordinates + " from the project's repositories: " + reason + ". Check the"
                + " coordinates (an exported cache is attached with classifier cache-<volume> and type tar.zst).";
    }

    public static String unknownCompression(String compression) {
        return "-Ddevcontainer-cache.compression=" + compression + " is not a compression: use zstd (the default),"
                + " gzip or none.";
    }

    public static String podmanExportWithoutOwners(String volume) {
        return "The archive of " + volume + " records root as the owner of every file: " + PODMAN_OWNERS
                + ". An import restores them as root. To keep the owners, " + PODMAN_LOCAL + ".";
    }

    public static String podmanSeedOwnerUnknown(String volume) {
        return "The files seeded into " + volume + " are owned by root: " + PODMAN_OWNERS + ", so the owner of the"
                + " volume is unknown here. To give them the volume's owner, " + PODMAN_LOCAL + ".";
    }

    public static String importTargetAppeared(String volume) {
        return "Volume " + volume + " was made by something else while this import was starting (another import, or"
                + " compose); nothing was written into it. Run the import again: it then finds the volume, and imports"
                + " into it only if it is empty (or with -Ddevcontainer-cache.overwrite=true).";
    }
}
