// A cache of 60 MB on the engine of the suite, and the archive an export of yesterday left; the first build exports
// the cache through the archive API, and a watcher kills that build's JVM (SIGKILL, as an out-of-memory killer or a
// closed CI job would) once its export has written its first megabyte. The pid is the one on the build's helper
// container. Once the JVM is gone, before the second build starts, the watcher records what the export directory
// holds.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
def volume = engine.name('pip')
engine.createVolume(volume)
engine.fillRandom(volume, 30, 2 << 20)

def export = new File(basedir, 'target/devcontainer-cache/export')
export.mkdirs()
def older = new File(export, "${volume}.tar.zst")
older.bytes = new byte[300_000].tap { new Random(17).nextBytes(it) }
new File(basedir, 'older.bin').bytes = older.bytes
Thread.startDaemon('it-maven-killer') {
    long pid = engine.waitForHelperOf(volume)
    long deadline = System.currentTimeMillis() + 120_000
    while (System.currentTimeMillis() < deadline) {
        def staging = export.listFiles()?.find { it.name.startsWith('.dcc-export-') && it.name.contains("-${volume}.staging.tar") }
        // a zstd export writes its entries behind 2 MiB left for the manifest: past 3 MiB, its first megabyte is written
        if (staging != null && staging.length() > (3 << 20)) {
            ProcessHandle.of(pid).ifPresent { it.destroyForcibly(); it.onExit().get() }
            new File(basedir, 'after-kill.bin').bytes = older.bytes
            new File(basedir, 'killed-pid').text = pid.toString()
            return
        }
        Thread.sleep(10)
    }
}
return true
