package io.github.devcontainercache.engine;

import static io.github.devcontainercache.engine.EngineRequests.encode;
import static io.github.devcontainercache.engine.EngineRequests.expectJson;
import static io.github.devcontainercache.engine.EngineRequests.expectSuccess;
import static io.github.devcontainercache.engine.EngineRequests.plain;
import static io.github.devcontainercache.engine.EngineRequests.readAll;

import com.github.dockerjava.transport.DockerHttpClient;
import com.github.dockerjava.transport.DockerHttpClient.Request;
import com.github.dockerjava.transport.DockerHttpClient.Response;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * One connection to a Docker-compatible engine, used for the whole goal execution and closed at its end.
 * Speaks the Engine API directly through docker-java's {@link DockerHttpClient} and reads the answers with
 * Jackson's streaming parser: no API version is pinned (the engine answers in its own), and neither
 * docker-java's command and model layer nor Jackson's data binding is loaded, which keeps a goal's start-up
 * short.
 */
public final class DockerEngine implements AutoCloseable {

    private final EngineRequests requests;
    private final EngineEndpoint endpoint;
    private final EngineVersion version;

    DockerEngine(DockerHttpClient http, EngineEndpoint endpoint, EngineVersion version) {
        this.requests = new EngineRequests(http, endpoint);
        this.endpoint = endpoint;
        this.version = version;
    }

    public EngineEndpoint endpoint() {
        return endpoint;
    }

    /** Whether the engine is Podman's Docker-compatible service, which answers some requests differently. */
    public boolean isPodman() {
        return version != null && version.isPodman();
    }

    /** The requests sent through this connection so far, the first one (the version) included. */
    public int requestCount() {
        return requests.sent() + (version == null ? 0 : 1);
    }

    public EngineVersion version() {
        return version;
    }

    private Optional<IdMappings> rootlessPodmanIdMappings;

    /**
     * A rootless Podman's id mappings, from its own API ({@code GET /v4.0.0/libpod/info}, which Podman 4 and 5
     * answer): the ids in its volumes' directories on its host are shifted through them. Asked once; empty for
     * Docker, a rootful Podman, or an answer without them.
     */
    public Optional<IdMappings> rootlessPodmanIdMappings() {
        if (!isPodman()) {
            return Optional.empty();
        }
        if (rootlessPodmanIdMappings == null) {
            try (Response response = requests.send(Request.Method.GET, "/v4.0.0/libpod/info", null)) {
                Map<String, Object> host = Json.object(expectJson(response, "read Podman's info"), "host");
                boolean rootless = Boolean.TRUE.equals(Json.object(host, "security").get("rootless"));
                Map<String, Object> mappings = Json.object(host, "idMappings");
                List<IdMappings.Range> uids = ranges(mappings, "uidmap");
                List<IdMappings.Range> gids = ranges(mappings, "gidmap");
                rootlessPodmanIdMappings = rootless && !uids.isEmpty() && !gids.isEmpty()
                        ? Optional.of(new IdMappings(uids, gids))
                        : Optional.empty();
            } catch (EngineException e) {
                // an older Podman, or a service that does not serve its own API: owners stay unknown, as before
                rootlessPodmanIdMappings = Optional.empty();
            }
        }
        return rootlessPodmanIdMappings;
    }

    private static List<IdMappings.Range> ranges(Map<String, Object> mappings, String name) {
        List<IdMappings.Range> ranges = new ArrayList<>();
        for (Object range : Json.array(mappings, name)) {
            try {
                ranges.add(new IdMappings.Range(Long.parseLong(Json.text(range, "container_id", "")),
                        Long.parseLong(Json.text(range, "host_id", "")), Long.parseLong(Json.text(range, "size", ""))));
            } catch (NumberFormatException e) {
                return List.of(); // half a mapping would map wrong
            }
        }
        return ranges;
    }

    /** The line each goal logs first: which engine it works on. */
    public String describe() {
        return EngineMessages.engineLine(version, endpoint);
    }

    // ---- volumes -------------------------------------------------------------------------------------

    /**
     * Every volume of the engine, by name, in one request: what a goal over many caches asks once instead of
     * inspecting each ({@code GET /volumes} answers with what {@code GET /volumes/{name}} does).
     */
    public Map<String, VolumeInfo> volumesByName() {
        try (Response response = requests.send(Request.Method.GET, "/volumes", null)) {
            Map<String, VolumeInfo> volumes = new LinkedHashMap<>();
            for (Object volume : Json.array(expectJson(response, "list volumes"), "Volumes")) {
                VolumeInfo info = toVolume(volume);
                volumes.put(info.name(), info);
            }
            return volumes;
        }
    }

    public Optional<VolumeInfo> inspectVolume(String name) {
        try (Response response = requests.send(Request.Method.GET, "/volumes/" + encode(name), null)) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            return Optional.of(toVolume(expectJson(response, "inspect volume " + name)));
        }
    }

    public VolumeInfo createVolume(String name, String driver, Map<String, String> driverOpts, Map<String, String> labels) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("Name", name);
        body.put("Driver", driver);
        body.put("DriverOpts", driverOpts);
        body.put("Labels", labels);
        try (Response response = requests.send(Request.Method.POST, "/volumes/create", body)) {
            return toVolume(expectJson(response, "create volume " + name));
        }
    }

    /**
     * The sizes the engine computes for its volumes ({@code GET /system/df}, {@code type=volume} from API 1.42 on,
     * sparing it the images; once another client's df ends). A size the engine does not know (-1) is absent.
     */
    public Map<String, Long> volumeSizes() {
        return DiskUsage.whenFree(() -> {
            String path = apiAtLeast(1, 42) ? "/system/df?type=volume" : "/system/df";
            try (Response response = requests.send(Request.Method.GET, path, null)) {
                Map<String, Long> sizes = new LinkedHashMap<>();
                for (Object volume : Json.array(expectJson(response, "read the volumes' disk usage"), "Volumes")) {
                    long size = parseLong(Json.text(Json.object(volume, "UsageData"), "Size", "-1"));
                    if (size >= 0) {
                        sizes.put(Json.text(volume, "Name", ""), size);
                    }
                }
                return sizes;
            }
        });
    }

    /**
     * The containers, in any state, that mount the volume: its users. The plugin's own short-lived helper
     * containers are not users.
     */
    public List<ContainerInfo> containersUsing(String volume) {
        return listContainers(Map.of("volume", List.of(volume))).stream()
                .filter(container -> !HelperContainer.isHelper(container))
                .toList();
    }

    boolean apiAtLeast(int major, int minor) {
        String[] parts = version == null ? new String[0] : version.apiVersion().split("\\.");
        try {
            int actualMajor = Integer.parseInt(parts[0]);
            int actualMinor = Integer.parseInt(parts[1]);
            return actualMajor > major || actualMajor == major && actualMinor >= minor;
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Removes a volume; false when it did not exist. The engine refuses (409) a volume that a container uses. */
    public boolean removeVolume(String name) {
        try (Response response = requests.send(Request.Method.DELETE, "/volumes/" + encode(name), null)) {
            if (response.getStatusCode() == 404) {
                return false;
            }
            expectSuccess(response, "remove volume " + name);
            return true;
        }
    }

    // ---- containers ----------------------------------------------------------------------------------

    /** Every container, in any state, that matches the filters ({@code label}, {@code volume}, ...). */
    public List<ContainerInfo> listContainers(Map<String, List<String>> filters) {
        List<ContainerInfo> containers = new ArrayList<>();
        forEachContainer(filters, (container, json) -> containers.add(container));
        return containers;
    }

    /**
     * The containers that use each volume, helpers excluded, by volume name, in one request: what a goal over many
     * caches asks once instead of once per cache.
     */
    public Map<String, List<ContainerInfo>> containersByVolume() {
        Map<String, List<ContainerInfo>> users = new HashMap<>();
        forEachContainer(Map.of(), (container, json) -> {
            if (HelperContainer.isHelper(container)) {
                return;
            }
            for (Object mount : Json.array(json, "Mounts")) {
                if ("volume".equals(Json.text(mount, "Type", ""))) {
                    users.computeIfAbsent(Json.text(mount, "Name", ""), name -> new ArrayList<>()).add(container);
                }
            }
        });
        return users;
    }

    private void forEachContainer(Map<String, List<String>> filters, BiConsumer<ContainerInfo, Object> action) {
        String path = "/containers/json?all=1" + (filters.isEmpty() ? "" : "&filters=" + encode(Json.write(filters)));
        try (Response response = requests.send(Request.Method.GET, path, null)) {
            Object list = expectJson(response, "list containers");
            for (Object container : list instanceof List<?> items ? items : List.of()) {
                List<Object> names = Json.array(container, "Names");
                String name = names.isEmpty() ? "" : String.valueOf(names.get(0));
                action.accept(new ContainerInfo(
                        Json.text(container, "Id", ""),
                        name.startsWith("/") ? name.substring(1) : name,
                        Json.text(container, "Image", ""),
                        Json.text(container, "State", ""),
                        parseLong(Json.text(container, "Created", "0")),
                        Json.stringMap(container, "Labels")), container);
            }
        }
    }

    /** Creates a container from a {@code POST /containers/create} body and returns its id. */
    public String createContainer(String name, Map<String, Object> body) {
        String path = "/containers/create" + (name == null ? "" : "?name=" + encode(name));
        try (Response response = requests.send(Request.Method.POST, path, body)) {
            return Json.text(expectJson(response, "create container"), "Id", "");
        }
    }

    /** Starts a container and waits for it to end; returns its exit code. */
    public long runToCompletion(String id) {
        try (Response response = requests.send(Request.Method.POST, "/containers/" + encode(id) + "/start", null)) {
            expectSuccess(response, "start container " + id);
        }
        try (Response response = requests.send(Request.Method.POST, "/containers/" + encode(id) + "/wait", null)) {
            return parseLong(Json.text(expectJson(response, "wait for container " + id), "StatusCode", "-1"));
        }
    }

    /** Removes a container; its named volumes stay. Returns false when it was already gone. */
    public boolean removeContainer(String id) {
        try (Response response = requests.send(Request.Method.DELETE, "/containers/" + encode(id) + "?force=1", null)) {
            if (response.getStatusCode() == 404) {
                return false;
            }
            expectSuccess(response, "remove container " + id);
            return true;
        }
    }

    /** A tar stream of {@code path} in the container; close it to end the request early. */
    public InputStream getArchive(String containerId, String path) {
        String what = "read " + path + " of container " + containerId;
        Response response = requests.send(
                Request.Method.GET, "/containers/" + encode(containerId) + "/archive?path=" + encode(path), null);
        try {
            expectSuccess(response, what);
        } catch (RuntimeException e) {
            response.close();
            throw e;
        }
        return requests.stream(response, what);
    }

    /**
     * What the engine knows of {@code path} in the container, without its content ({@code HEAD} on the archive
     * endpoint, whose answer carries the stat in a header); empty when there is nothing at that path.
     */
    public Optional<PathStat> stat(String containerId, String path) {
        String request = "/containers/" + encode(containerId) + "/archive?path=" + encode(path);
        try (Response response = requests.execute(plain(Request.builder()).method("HEAD").path(request).build(),
                "HEAD " + request)) {
            if (response.getStatusCode() == 404) {
                return Optional.empty();
            }
            expectSuccess(response, "stat " + path + " of container " + containerId);
            String header = header(response, "X-Docker-Container-Path-Stat");
            if (header == null) {
                throw new EngineException(EngineMessages.engineAnswerUnreadable("stat " + path,
                        new IOException("no X-Docker-Container-Path-Stat header")), response.getStatusCode());
            }
            Object stat;
            try {
                stat = Json.read(new String(decodeBase64(header.trim()), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new EngineException(EngineMessages.engineAnswerUnreadable("stat " + path, e), response.getStatusCode());
            }
            return Optional.of(new PathStat(Json.text(stat, "name", ""), parseLong(Json.text(stat, "size", "0")),
                    parseLong(Json.text(stat, "mode", "0"))));
        }
    }

    private static byte[] decodeBase64(String text) throws IOException {
        try {
            return java.util.Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("the stat header is not base64: " + e.getMessage(), e);
        }
    }

    private static String header(Response response, String name) {
        for (Map.Entry<String, List<String>> header : response.getHeaders().entrySet()) {
            if (name.equalsIgnoreCase(header.getKey()) && !header.getValue().isEmpty()) {
                return header.getValue().get(0);
            }
        }
        return null;
    }

    /** Extracts a tar stream into {@code path} of the container, keeping the owners the tar names. */
    public void putArchive(String containerId, String path, InputStream tar) {
        // Docker keeps the tar's owners only with copyUIDGID; Podman keeps them without it, and with it gives every
        // file to the container's user
        String request = "/containers/" + encode(containerId) + "/archive?path=" + encode(path)
                + (isPodman() ? "" : "&copyUIDGID=true");
        try (Response response = requests.sendStream(Request.Method.PUT, request, tar, "application/x-tar")) {
            expectSuccess(response, "write into " + path + " of container " + containerId);
        }
    }

    // ---- images --------------------------------------------------------------------------------------

    public boolean imageExists(String reference) {
        try (Response response = requests.send(Request.Method.GET, "/images/" + reference + "/json", null)) {
            if (response.getStatusCode() == 404) {
                return false;
            }
            expectSuccess(response, "inspect image " + reference);
            return true;
        }
    }

    /**
     * Imports a root file system from a tar stream as {@code repository:tag}. A raw request, because
     * docker-java's {@code createImageCmd} sends the stream as JSON and the engine refuses it.
     */
    public void importImage(InputStream rootFs, String repository, String tag) {
        // the tag in repo: Podman ignores a separate tag parameter on an import and names the image :latest
        String path = "/images/create?fromSrc=-&repo=" + encode(repository + ":" + tag);
        try (Response response = requests.sendStream(Request.Method.POST, path, rootFs, "application/x-tar")) {
            expectSuccess(response, "import image " + repository + ":" + tag);
            // The engine streams progress as JSON lines; an error arrives as a line with "error" and status 200.
            String progress = readAll(response.getBody());
            int error = progress.indexOf("\"error\"");
            if (error >= 0) {
                throw new EngineException(
                        EngineMessages.engineRefused("import image " + repository + ":" + tag, progress.substring(error)),
                        response.getStatusCode());
            }
        }
    }

    private static VolumeInfo toVolume(Object volume) {
        return new VolumeInfo(
                Json.text(volume, "Name", ""),
                Json.text(volume, "Driver", ""),
                Json.text(volume, "Mountpoint", ""),
                Json.text(volume, "CreatedAt", ""),
                Json.stringMap(volume, "Labels"),
                Json.stringMap(volume, "Options"));
    }

    private static long parseLong(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** A request of the connector's handshake, before the engine's version is known. */
    Object getJson(String path, String what) {
        return requests.getJson(path, what);
    }

    @Override
    public void close() {
        requests.close();
    }
}
