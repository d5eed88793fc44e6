// A private engine holding a cache of 60 MB. The first build exports it; the second imports the archive into a
// new volume through the archive API, and a watcher kills the engine (SIGKILL of dockerd) once the new volume
// holds its first megabyte.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.start(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
def copy = engine.name('copy')
engine.createVolume(volume)
engine.fillRandom(volume, 30, 2 << 20)
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=${dockerd.host}\n"
new File(basedir, 'import.properties').text = """devcontainer-cache.dockerHost=${dockerd.host}
devcontainer-cache.from=target/devcontainer-cache/export/${volume}.tar.zst
devcontainer-cache.volume=${copy}
"""

// the new volume's directory in the private engine's data-root
def data = new File(dockerd.dir, "data/volumes/${copy}/_data")
Thread.startDaemon('it-engine-killer') {
    long deadline = System.currentTimeMillis() + 180_000
    while (System.currentTimeMillis() < deadline) {
        long bytes = data.isDirectory() ? (data.listFiles() ?: []).sum(0L) { it.length() } : 0L
        if (bytes > (1 << 20)) {
            dockerd.kill()
            new File(basedir, 'killed-at').text = System.currentTimeMillis().toString()
            return
        }
        Thread.sleep(10)
    }
}
return true
