// A private engine holding a cache of 60 MB, and the archive an export of yesterday left; the build exports the
// cache through the archive API, and a watcher kills the engine (SIGKILL of dockerd) once the export has written
// its first megabyte.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.start(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
engine.createVolume(volume)
engine.fillRandom(volume, 30, 2 << 20)
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=${dockerd.host}\n"

def export = new File(basedir, 'target/devcontainer-cache/export')
export.mkdirs()
def older = new File(export, "${volume}.tar.zst")
older.bytes = new byte[300_000].tap { new Random(13).nextBytes(it) }
older.setLastModified(java.time.Instant.parse('2026-11-30T14:02:11Z').toEpochMilli())
new File(basedir, 'older.bin').bytes = older.bytes
dockerd.killWhen {
    def staging = export.listFiles()?.find { it.name.startsWith('.dcc-export-') && it.name.contains("-${volume}.staging.tar") }
    // a zstd export writes its entries behind 2 MiB left for the manifest: past 3 MiB, its first megabyte is written
    staging != null && staging.length() > (3 << 20)
}
return true
