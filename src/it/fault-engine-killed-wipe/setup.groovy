// A private engine holding 40 caches; wipe removes them one by one, and a watcher kills the engine (SIGKILL of
// dockerd) as soon as the first is gone.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.start(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volumes = (1..40).collect { engine.name(String.format('c%02d', it)) }
volumes.each { engine.createVolume(it) }
engine.fill(volumes[0], ['a.txt': 'cached'])
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('@CACHES@', volumes.collect { "<cache><volume>${it}</volume></cache>" }.join('\n            '))
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=${dockerd.host}\n"

def data = new File(dockerd.dir, 'data/volumes')
dockerd.killWhen {
    volumes.any { !new File(data, it).exists() }
}
return true
