// A loopback HTTP server that plays the places preload downloads from, for the preload-* tests: plain files (with
// Range), Whisper's model URLs, the Hugging Face hub's API and resolve URLs (LFS files behind a redirect, small
// files with git blob ETags), faults on request, and an HTTP proxy in front of it all. No test reaches the internet.
//   def Models = evaluate(new File(itLib, 'models.groovy'))
//   def server = Models.start(basedir)       // in setup.groovy; Models.of(basedir) finds it again in verify.groovy
//   server.file('/files/a.bin', bytes)       // served with Range support
//   server.dropHalfwayOnce('/files/a.bin')   // the first GET sends half the bytes, then breaks the connection
//   server.stall('/files/slow.bin')          // never answers
//   server.hubRepository('org/name', 'main', ['config.json': bytes, 'model.bin': bytes], ['model.bin'])
//   server.gatedHubRepository(..., 'token')  // the same, whose API and resolve URLs answer 401 without the token
//   server.requests                          // "GET /files/a.bin bytes=123- [Bearer x]", in order; via the proxy too
import com.sun.net.httpserver.HttpExchange
import com.sun.net.httpserver.HttpServer
import java.security.MessageDigest
import java.util.concurrent.Executors

class ModelServer {
    final HttpServer server
    final HttpServer proxy
    final List<String> requests = Collections.synchronizedList([])
    final Map<String, byte[]> files = [:].asSynchronized()
    final Set<String> dropOnce = Collections.synchronizedSet(new HashSet<String>())
    final Set<String> stalled = Collections.synchronizedSet(new HashSet<String>())
    final Map<String, Map> hubResolve = [:].asSynchronized()
    final Map<String, String> hubApi = [:].asSynchronized()

    private ModelServer() {
        server = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        server.executor = Executors.newCachedThreadPool { r -> def t = new Thread(r); t.daemon = true; t }
        server.createContext('/') { HttpExchange exchange -> serve(exchange, '') }
        server.start()
        proxy = HttpServer.create(new InetSocketAddress(InetAddress.loopbackAddress, 0), 0)
        proxy.executor = Executors.newCachedThreadPool { r -> def t = new Thread(r); t.daemon = true; t }
        proxy.createContext('/') { HttpExchange exchange -> relay(exchange) }
        proxy.start()
    }

    private String registeredAs

    static ModelServer start(File basedir) {
        def server = new ModelServer()
        server.registeredAs = key(basedir)
        System.properties.put(server.registeredAs, server)
        server
    }

    static def of(File basedir) {
        System.properties.get(key(basedir)) // another evaluation of this script: another class, so no cast
    }

    private static String key(File basedir) {
        'devcontainer-cache-it.models.' + basedir.canonicalPath
    }

    String url(String path = '') {
        "http://127.0.0.1:${server.address.port}${path}"
    }

    int proxyPort() {
        proxy.address.port
    }

    void stop() {
        server.stop(0)
        proxy.stop(0)
        System.properties.remove(registeredAs)
    }

    void file(String path, byte[] content) {
        files[path] = content
    }

    void dropHalfwayOnce(String path) {
        dropOnce << path
    }

    void stall(String path) {
        stalled << path
    }

    private String proxyAuthorization

    /** The proxy answers 407 to any request without these credentials (Basic). */
    void proxyCredentials(String user, String password) {
        proxyAuthorization = 'Basic ' + "${user}:${password}".toString().bytes.encodeBase64().toString()
    }

    /** The repositories that only answer with this token (gated ones), by their paths' prefix. */
    final Map<String, String> gated = [:].asSynchronized()

    /** A repository as {@link #hubRepository} serves it, whose API and resolve URLs want the token (not its CDN). */
    String gatedHubRepository(String repository, String revision, Map<String, byte[]> content, List<String> large,
                              String token) {
        gated["/api/models/${repository}/".toString()] = token
        gated["/${repository}/resolve/".toString()] = token
        hubRepository(repository, revision, content, large)
    }

    /**
     * A repository as the hub serves it at one commit: the API's revision answer, and a resolve URL per file; the
     * large ones are LFS files, which redirect to a CDN (here: this server under another host name).
     */
    String hubRepository(String repository, String revision, Map<String, byte[]> content, List<String> large) {
        String commit = sha1(repository + revision)
        def siblings = content.keySet().collect { "{\"rfilename\":\"${it}\"}" }.join(',')
        hubApi["/api/models/${repository}/revision/${revision}".toString()] = "{\"id\":\"${repository}\",\"sha\":\"${commit}\",\"siblings\":[${siblings}]}".toString()
        content.each { name, bytes ->
            String path = "/${repository}/resolve/${commit}/${name}".toString()
            if (name in large) {
                String sha256 = sha256(bytes)
                files["/cdn/${sha256}".toString()] = bytes
                hubResolve[path] = [commit: commit, location: "http://localhost:${server.address.port}/cdn/${sha256}".toString(),
                                    linkedEtag: sha256, size: bytes.length]
            } else {
                files[path] = bytes
                hubResolve[path] = [commit: commit, etag: gitBlob(bytes), size: bytes.length]
            }
        }
        commit
    }

    private void serve(HttpExchange exchange, String via) {
        String path = exchange.requestURI.rawPath
        String range = exchange.requestHeaders.getFirst('Range')
        String authorization = exchange.requestHeaders.getFirst('Authorization')
        requests << "${via}${exchange.requestMethod} ${path}${range ? ' ' + range : ''}${authorization ? ' [' + authorization + ']' : ''}".toString()
        try {
            String wanted = gated.find { prefix, token -> path.startsWith(prefix) }?.value
            if (wanted && authorization != "Bearer ${wanted}".toString()) {
                send(exchange, 401, '{"error":"Access to this model is restricted"}'.bytes, ['Content-Type': 'application/json'])
                return
            }
            if (path in stalled) {
                Thread.sleep(120_000)
                return
            }
            if (hubApi.containsKey(path)) {
                send(exchange, 200, hubApi[path].bytes, ['Content-Type': 'application/json'])
                return
            }
            Map resolve = hubResolve[path]
            if (resolve?.location) {
                exchange.responseHeaders.add('Location', resolve.location)
                exchange.responseHeaders.add('X-Repo-Commit', resolve.commit)
                exchange.responseHeaders.add('X-Linked-Etag', "\"${resolve.linkedEtag}\"".toString())
                exchange.responseHeaders.add('X-Linked-Size', resolve.size.toString())
                exchange.responseHeaders.add('ETag', '"not-the-content"')
                exchange.sendResponseHeaders(302, -1)
                return
            }
            byte[] content = files[path]
            if (content == null) {
                send(exchange, 404, 'not found'.bytes, [:])
                return
            }
            if (resolve) {
                exchange.responseHeaders.add('X-Repo-Commit', resolve.commit)
                exchange.responseHeaders.add('ETag', "\"${resolve.etag}\"".toString())
            }
            exchange.responseHeaders.add('Accept-Ranges', 'bytes')
            long start = 0
            def matcher = range =~ /bytes=(\d+)-/
            if (range && matcher.find()) {
                start = Long.parseLong(matcher.group(1))
                if (start >= content.length) {
                    exchange.responseHeaders.add('Content-Range', "bytes */${content.length}".toString())
                    send(exchange, 416, new byte[0], [:])
                    return
                }
                exchange.responseHeaders.add('Content-Range', "bytes ${start}-${content.length - 1}/${content.length}".toString())
            }
            long length = content.length - start
            if (exchange.requestMethod == 'HEAD') {
                exchange.responseHeaders.add('Content-Length', content.length.toString())
                exchange.sendResponseHeaders(200, -1)
                return
            }
            exchange.sendResponseHeaders(start > 0 ? 206 : 200, length)
            if (start == 0 && dropOnce.remove(path)) {
                exchange.responseBody.write(content, 0, (int) (content.length / 2))
                exchange.responseBody.flush()
                return // closing the exchange short of its Content-Length breaks the connection under the client
            }
            exchange.responseBody.write(content, (int) start, (int) length)
        } finally {
            exchange.close()
        }
    }

    /** The proxy: every request names its target in full; any host is this server, even one DNS does not know. */
    private void relay(HttpExchange exchange) {
        URI target = exchange.requestURI
        if (proxyAuthorization && exchange.requestHeaders.getFirst('Proxy-Authorization') != proxyAuthorization) {
            requests << "PROXY refused ${exchange.requestMethod} ${target} without its credentials".toString()
            exchange.responseHeaders.add('Proxy-Authenticate', 'Basic realm="it"')
            exchange.sendResponseHeaders(407, -1)
            exchange.close()
            return
        }
        requests << "PROXY ${exchange.requestMethod} ${target}".toString()
        def connection = (HttpURLConnection) new URL("http://127.0.0.1:${server.address.port}${target.rawPath}").openConnection(Proxy.NO_PROXY)
        connection.requestMethod = exchange.requestMethod
        connection.instanceFollowRedirects = false
        ['Range', 'Accept-Encoding', 'Authorization'].each { name ->
            def value = exchange.requestHeaders.getFirst(name)
            if (value) {
                connection.setRequestProperty(name, value)
            }
        }
        int status = connection.responseCode
        connection.headerFields.each { name, values ->
            if (name && !(name.equalsIgnoreCase('Transfer-Encoding') || name.equalsIgnoreCase('Content-Length'))) {
                values.each { exchange.responseHeaders.add(name, it) }
            }
        }
        byte[] body = (status >= 400 ? connection.errorStream : connection.inputStream)?.bytes ?: new byte[0]
        if (exchange.requestMethod == 'HEAD') {
            exchange.responseHeaders.add('Content-Length', connection.getHeaderField('Content-Length') ?: '0')
            exchange.sendResponseHeaders(status, -1)
        } else {
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length)
            exchange.responseBody.write(body)
        }
        exchange.close()
    }

    private static void send(HttpExchange exchange, int status, byte[] body, Map<String, String> headers) {
        headers.each { name, value -> exchange.responseHeaders.add(name, value) }
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length)
        if (body.length > 0) {
            exchange.responseBody.write(body)
        }
    }

    static String sha256(byte[] bytes) {
        MessageDigest.getInstance('SHA-256').digest(bytes).encodeHex().toString()
    }

    static String sha1(String text) {
        MessageDigest.getInstance('SHA-1').digest(text.bytes).encodeHex().toString()
    }

    static String gitBlob(byte[] bytes) {
        def digest = MessageDigest.getInstance('SHA-1')
        digest.update("blob ${bytes.length}\u0000".toString().getBytes('US-ASCII'))
        digest.digest(bytes).encodeHex().toString()
    }

    /** Bytes that differ from one test file to the next, reproducibly. */
    static byte[] bytes(int size, long seed) {
        def bytes = new byte[size]
        new Random(seed).nextBytes(bytes)
        bytes
    }
}
return ModelServer
