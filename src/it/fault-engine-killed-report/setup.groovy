// A private engine holding a cache of 180 MB; report reads every entry of it through the archive API (content=full
// in the pom: one stream of the whole cache), and a watcher
// kills the engine (SIGKILL of dockerd) once the helper that reads it has been there for a moment.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.start(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
engine.createVolume(volume)
engine.fillRandom(volume, 60, 3 << 20)
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=${dockerd.host}\n"

dockerd.killWhen(300) {
    dockerd.helperCount() > 0 // then 300 ms more: the read is under way
}
return true
