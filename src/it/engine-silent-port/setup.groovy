// An endpoint that accepts connections and never answers: the plugin must give up after its connect timeout.
def server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
def held = Collections.synchronizedList([])
Thread.startDaemon('it-silent-engine') {
    while (!server.closed) {
        try { held << server.accept() } catch (IOException closed) { }
    }
}
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=tcp://127.0.0.1:${server.localPort}\n"
return true
