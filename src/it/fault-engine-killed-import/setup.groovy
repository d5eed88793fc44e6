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
dockerd.killWhen {
    (data.isDirectory() ? (data.listFiles() ?: []).sum(0L) { it.length() } : 0L) > (1 << 20)
}
return true
