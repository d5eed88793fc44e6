// A cache of 60 MB on the engine of the suite; the first build exports it through the archive API, and a watcher
// kills that build's JVM (SIGKILL, as an out-of-memory killer or a closed CI job would) once its export has
// written its first megabyte. The pid is the one on the build's helper container.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
def volume = engine.name('pip')
engine.createVolume(volume)
engine.fillRandom(volume, 30, 2 << 20)

def export = new File(basedir, 'target/devcontainer-cache/export')
Thread.startDaemon('it-maven-killer') {
    long pid = engine.waitForHelperOf(volume)
    long deadline = System.currentTimeMillis() + 120_000
    while (System.currentTimeMillis() < deadline) {
        def staging = export.listFiles()?.find { it.name.startsWith('.dcc-export-') && it.name.contains("-${volume}.staging.tar") }
        if (staging != null && staging.length() > (1 << 20)) {
            ProcessHandle.of(pid).ifPresent { it.destroyForcibly() }
            new File(basedir, 'killed-pid').text = pid.toString()
            return
        }
        Thread.sleep(10)
    }
}
return true
