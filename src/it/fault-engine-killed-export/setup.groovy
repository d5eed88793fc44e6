// A private engine holding a cache of 60 MB; the build exports it through the archive API, and a watcher kills
// the engine (SIGKILL of dockerd) once the export has written its first megabyte.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.start(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
engine.createVolume(volume)
engine.fillRandom(volume, 30, 2 << 20)
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=${dockerd.host}\n"

def export = new File(basedir, 'target/devcontainer-cache/export')
dockerd.killWhen {
    def staging = export.listFiles()?.find { it.name.startsWith('.dcc-export-') && it.name.contains("-${volume}.staging.tar") }
    staging != null && staging.length() > (1 << 20)
}
return true
