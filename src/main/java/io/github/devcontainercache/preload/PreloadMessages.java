package io.github.devcontainercache.preload;

import static io.github.devcontainercache.Wording.NL;
import static io.github.devcontainercache.Wording.bullets;
import static io.github.devcontainercache.Wording.count;
import static io.github.devcontainercache.engine.EngineMessages.PODMAN_LOCAL;
import static io.github.devcontainercache.engine.EngineMessages.PODMAN_OWNERS;

import io.github.devcontainercache.caches.ByteSize;
import io.github.devcontainercache.content.ReadPath;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.Collection;
import java.util.List;

/** What a user reads when models and files are preloaded into caches: what failed, why, and what to do. */
public final class PreloadMessages {

    private PreloadMessages() {}

    // ---- what to preload ----------------------------------------------------------------------------

    static String unknownWhisperModel(String item, Collection<String> names) {
        return "'" + item + "' is not a Whisper model: whisper.load_model knows " + String.join(", ", names)
                + ". Use one of them, such as whisper:base.";
    }

    static String badRepository(String item) {
        return "'" + item + "' does not name a Hugging Face repository: write hf:ORG/NAME, optionally @REVISION and"
                + " :PATTERN;PATTERN, such as hf:Systran/faster-whisper-base@main:model.bin;config.json.";
    }

    static String badRevision(String item, String revision) {
        return "'" + item + "' has the revision '" + revision + "', which is not a branch, tag or commit name:"
                + " use letters, digits, '.', '_', '-' and '/' only, such as @main or @v1.0.";
    }

    static String unknownItem(String item) {
        return "'" + item + "' is not something preload knows: write whisper:NAME (such as whisper:base) or"
                + " hf:ORG/NAME (such as hf:Systran/faster-whisper-base), or declare a <file> with <url>, <sha256>"
                + " and <path>.";
    }

    static String badFileUrl(String url) {
        return "The <file> URL '" + url + "' is not an http:// or https:// URL with a host: give the full address"
                + " of the file.";
    }

    static String badFileSha256(String url, String sha256) {
        return "The <file> " + url + " has " + (sha256 == null || sha256.isBlank() ? "no <sha256>" : "the <sha256> '"
                + sha256 + "', which is not 64 hexadecimal digits") + ": preload keeps only a file it can verify."
                + " Give the SHA-256 its publisher lists, or run sha256sum on a copy you trust.";
    }

    static String fileUrlWithCredentials(String url) {
        return "The <file> URL " + url + " holds credentials, which would be printed with it: put the file where it"
                + " needs none, such as a repository manager's proxy that holds them.";
    }

    static String badFilePath(String url, String path) {
        return "The <file> " + url + " has the <path> '" + path + "', which is not a plain path inside the cache:"
                + " use a relative path of letters, digits, spaces and '._+@=,-', without '..', such as models/x.bin.";
    }

    public static String badBaseUrl(String parameter, String url) {
        return parameter + " is '" + url + "', which is not an http:// or https:// URL with a host: give the full"
                + " address, such as https://mirror.example/whisper/models.";
    }

    public static String cacheFailed(String volume, Exception e) {
        return "Preloading into " + volume + " failed: " + (e instanceof IOException io ? reason(io) : e.getMessage())
                + ". What was verified is in place; run again to finish.";
    }

    /** A URL as messages show it: no credentials and no query, which may hold a signature (a CDN's, a token). */
    static String shown(URI uri) {
        if (uri == null) {
            return "";
        }
        String text = uri.getScheme() + "://" + uri.getHost() + (uri.getPort() >= 0 ? ":" + uri.getPort() : "")
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
        return uri.getRawQuery() == null ? text : text + "?…";
    }

    static String invalidItems(List<String> problems) {
        return "What to preload cannot be read:" + NL + bullets(problems);
    }

    public static String nothingToPreload() {
        return "Nothing to preload: no <cache> has a <preload>, and -Ddevcontainer-cache.preload is not set. Declare"
                + " <preload><model>whisper:base</model></preload> in a <cache>, or run with"
                + " -Ddevcontainer-cache.preload=whisper:base -Ddevcontainer-cache.volume=VOLUME.";
    }

    public static String noCacheFor(String item, String kinds) {
        return "-Ddevcontainer-cache.preload names " + item + ", and no declared cache is of the kind " + kinds
                + " to put it in: name the volume with -Ddevcontainer-cache.volume=VOLUME.";
    }

    public static String severalCachesFor(String item, List<String> volumes) {
        return "-Ddevcontainer-cache.preload names " + item + ", which could go into " + String.join(" or ", volumes)
                + ": name one with -Ddevcontainer-cache.volume=VOLUME.";
    }

    public static String summary(String volume, Preloader.Result result) {
        if (result.downloaded() == 0) {
            return volume + ": nothing to download" + (result.present() == 0 ? "."
                    : ", " + count(result.present(), "file") + " there already, verified.");
        }
        return volume + ": " + count(result.downloaded(), "file") + " downloaded (" + ByteSize.format(
                result.bytesDownloaded()) + ")" + (result.present() == 0 ? "." : ", " + result.present()
                        + " there already.");
    }

    public static String ownerUnknownOnPodman(String volume) {
        return "The files preloaded into " + volume + " are owned by root: " + PODMAN_OWNERS + ", so the owner of the"
                + " volume is unknown here. Declare the cache's <owner>, or " + PODMAN_LOCAL + ".";
    }

    // ---- requests -----------------------------------------------------------------------------------

    static String httpStatus(int status, URI uri) {
        return "HTTP " + status + " from " + shown(uri);
    }

    static String badRedirect(URI uri, String location) {
        return shown(uri) + " redirects to '" + location + "', which is not a URL";
    }

    static String tooManyRedirects(URI uri) {
        return shown(uri) + " redirects more than 10 times: a loop of the server's, or of a proxy's";
    }

    static String answerTooLarge(URI uri, int limit) {
        return "the answer of " + shown(uri) + " is larger than " + ByteSize.format(limit) + ": is it the hub's API?";
    }

    static String badRange(URI uri, String contentRange, long have) {
        return shown(uri) + " answered a request for the bytes from " + have + " on with Content-Range '" + contentRange
                + "'";
    }

    static String endedEarly(long done, long total) {
        return "the connection ended after " + done + " of " + total + " bytes";
    }

    static String retrying(String what, String why, int attempt, int retries) {
        return "Downloading " + what + " failed (" + why + "); trying again (" + attempt + " of " + retries + ").";
    }

    static String resuming(String what, IOException e, long kept, int attempt, int retries) {
        return "Downloading " + what + " broke off (" + reason(e) + ") with " + ByteSize.format(kept)
                + " received; resuming (" + attempt + " of " + retries + ").";
    }

    static String cannotWrite(java.nio.file.Path partial, IOException cause) {
        return "cannot write " + partial + " (" + (cause.getMessage() == null ? cause : cause.getMessage()) + ")";
    }

    static String downloadedElsewhere(java.nio.file.Path partial) {
        return "another build is downloading the same file into " + partial + "; let it finish, then run again";
    }

    static String keptForResume(String what, long kept) {
        return "The " + ByteSize.format(kept) + " of " + what + " received are kept: the next run resumes from them.";
    }

    static String resumingAt(String what, long start, long total) {
        return "Resuming " + what + " at " + ByteSize.format(start) + (total >= 0 ? " of " + ByteSize.format(total) : "")
                + ".";
    }

    static String wrongSize(URI uri, long size, long expected) {
        return "what " + shown(uri) + " serves is " + size + " bytes, where it must be " + expected + ": it is not that"
                + " file. Nothing was kept. Check the base URL: a mirror may serve another version.";
    }

    static String notVerified(URI uri, Expected expected) {
        return "what " + shown(uri) + " served does not have the " + expected.label() + " " + expected.hex()
                + ": it is not that file, or it was damaged on the way. Nothing was kept. Run again to download it"
                + " again; if it fails the same way, the server (or a mirror in between) serves another file.";
    }

    // ---- the hub ------------------------------------------------------------------------------------

    static String hubAnswerUnreadable(URI uri, String why) {
        return "the hub's answer at " + shown(uri) + " cannot be read (" + why + "): is the Hugging Face endpoint a hub?";
    }

    static String hubFileNameUnsafe(String repository, String name) {
        return repository + " lists the file '" + name + "', which cannot be written safely into a cache";
    }

    static String hubNoFiles(String repository) {
        return repository + " has no file that its patterns match: check the patterns against the repository's"
                + " files, or leave them out to take every file";
    }

    static String hubCommitMoved(String repository, String file, String commit, String repoCommit) {
        return repository + "'s " + file + " is served from the commit " + repoCommit + ", not " + commit
                + ": the revision moved while it was read. Run again, or pin a commit with @COMMIT";
    }

    static String hubFileMetadataMissing(String repository, String file, URI url) {
        return "the hub sent no ETag or size for " + repository + "'s " + file + " (" + shown(url) + "): is the"
                + " endpoint a hub, and does no proxy in between drop its headers?";
    }

    // ---- the cache ----------------------------------------------------------------------------------

    static String throughLink(String path) {
        return "'" + path + "' in the cache is a link: preload never writes through one. Remove it, or wipe the cache";
    }

    static String notAFolder(String path) {
        return "'" + path + "' in the cache is a file where preload needs a folder. Remove it, or wipe the cache";
    }

    // ---- what happened ------------------------------------------------------------------------------

    static String present(String what, String volume, String path) {
        return what + " is in " + volume + " already (" + path + ", verified): nothing to download.";
    }

    static String presentOffline(String repository, String volume, String commit) {
        return repository + " is in " + volume + " already (commit " + commit + "; offline, not compared with the"
                + " hub).";
    }

    static String downloaded(String what, String volume, String path, ReadPath via) {
        return "Preloaded " + what + " into " + volume + " as " + path + ", verified, " + via.written() + ".";
    }

    static String repositoryDone(String repository, String volume, String commit, int files, int downloaded,
            ReadPath via) {
        return downloaded == 0
                ? repository + " is in " + volume + " already at commit " + commit + ": " + count(files, "file")
                        + ", verified: nothing to download."
                : "Preloaded " + repository + " into " + volume + " at commit " + commit + ": " + count(files, "file")
                        + ", " + downloaded + " downloaded, " + via.written() + ".";
    }

    static String itemFailed(String item, IOException e) {
        return item + ": " + reason(e) + fix(e);
    }

    /** Every failure, then what offline Maven could not fetch; what was verified stays. */
    static String preloadFailed(String volume, List<String> failures, List<String> missingOffline) {
        StringBuilder message = new StringBuilder();
        if (!failures.isEmpty()) {
            message.append("Preloading into ").append(volume).append(" failed:").append(NL).append(bullets(failures))
                    .append(NL).append("What was verified is in place; nothing unverified is at a file's name (what a"
                            + " broken download received is kept aside, only to be resumed).");
        }
        if (!missingOffline.isEmpty()) {
            message.append(message.length() == 0 ? "" : NL).append("Maven is offline (-o), and ").append(volume)
                    .append(" lacks what it must hold:").append(NL).append(bullets(missingOffline)).append(NL)
                    .append("Run the build once without -o to download them.");
        }
        return message.toString();
    }

    /** Why a request failed, in a user's words. */
    private static String reason(IOException e) {
        if (e instanceof SocketTimeoutException) {
            return "no answer in time: " + e.getMessage();
        }
        if (e instanceof UnknownHostException) {
            return "the host " + e.getMessage() + " is unknown";
        }
        if (e instanceof ConnectException) {
            return "the connection was refused: " + e.getMessage();
        }
        return e.getMessage() == null ? e.toString() : e.getMessage();
    }

    private static String fix(IOException e) {
        if (e instanceof Download.NotVerified) {
            return "";
        }
        if (e instanceof Download.LocalFailure) {
            return ". Check the space and the permissions where it is written; nothing of it was kept.";
        }
        if (e.getMessage() != null && e.getMessage().contains("Unable to tunnel through proxy")
                && e.getMessage().contains("407")) {
            return ". The proxy wants credentials for an https:// URL, which the JDK sends only when MAVEN_OPTS has"
                    + " -Djdk.http.auth.tunneling.disabledSchemes= (the plugin changes no JVM-wide setting).";
        }
        if (e instanceof Fetcher.HttpStatusException status) {
            if (status.status == 404) {
                return ". Check the name, the revision and the base URL (whisperBaseUrl, huggingFaceEndpoint).";
            }
            if (status.status == 403) {
                return ". The server refuses: for a gated Hugging Face repository, accept its conditions on its page"
                        + " with the account of the token (the password of the settings.xml <server> that"
                        + " huggingFaceServerId names, or HF_TOKEN).";
            }
            if (status.status == 401) {
                return ". The server wants credentials: give the token as the password of the settings.xml <server>"
                        + " that huggingFaceServerId names (huggingface by default), or in HF_TOKEN.";
            }
            return ". Try again later, or check the server.";
        }
        if (e instanceof SocketTimeoutException) {
            return ". Check the network and the proxy in settings.xml, or raise devcontainer-cache.downloadTimeout.";
        }
        if (e.getMessage() != null && e.getMessage().startsWith("the connection ended after")) {
            return ". The server or the network broke off every time: run again to resume, or raise"
                    + " devcontainer-cache.downloadRetries.";
        }
        if (e instanceof UnknownHostException || e instanceof ConnectException) {
            return ". Check the URL, and the proxy in settings.xml if this network needs one.";
        }
        return ".";
    }
}
