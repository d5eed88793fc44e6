// Export A starts, and is paused (SIGSTOP) once it has written its first megabyte, as a slow export would be.
// While it is under way: export B of the same cache into the same directory runs from start to end, then a wipe
// (remove, then empty) is tried. Then A goes on. Both archives must be complete, and the cache untouched.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def volume = engine.name('pip')
def dir = new File(basedir, 'target/shared-export')
def exportArgs = ['devcontainer-cache:export', "-Ddevcontainer-cache.directory=${dir}".toString()]
def signal = { String name, long pid -> assert ['kill', "-${name}", pid.toString()].execute().waitFor() == 0 }
try {
    def original = engine.tree(volume)
    def exportA = engine.mavenStart(basedir, localRepositoryPath, 'export-a.log', exportArgs)
    long pidA = engine.waitForHelperOf(volume)
    long deadline = System.currentTimeMillis() + 120_000
    // past 3 MiB (the entries go behind 2 MiB left for the manifest), its first megabyte is written
    while (!(dir.listFiles()?.find { it.name.startsWith(".dcc-export-${pidA}-") && it.name.contains("-${volume}.staging.tar") && it.length() > (3 << 20) })) {
        assert System.currentTimeMillis() < deadline: 'export A never started writing'
        assert exportA.alive: 'export A ended before it could be paused: ' + new File(basedir, 'export-a.log').text
        Thread.sleep(5)
    }
    signal('STOP', pidA)
    try {
        assert engine.mavenAgain(basedir, localRepositoryPath, 'export-b.log', exportArgs) == 0: new File(basedir, 'export-b.log').text
        def archiveB = new File(basedir, 'target/archive-b.tar.zst')
        archiveB.bytes = new File(dir, "${volume}.tar.zst").bytes

        def refusal = "Cache '${volume}' is being exported or imported by another build (pid ${pidA} on host "
        assert engine.mavenAgain(basedir, localRepositoryPath, 'wipe.log', ['devcontainer-cache:wipe']) != 0
        assert new File(basedir, 'wipe.log').text.contains(refusal)
        assert engine.mavenAgain(basedir, localRepositoryPath, 'wipe-empty.log',
                ['devcontainer-cache:wipe', '-Ddevcontainer-cache.mode=empty', "-Ddevcontainer-cache.helperImage=${engine.shellImage()}".toString()]) != 0
        assert new File(basedir, 'wipe-empty.log').text.contains(refusal)
        assert engine.tree(volume) == original
    } finally {
        signal('CONT', pidA)
    }
    assert exportA.waitFor() == 0: new File(basedir, 'export-a.log').text
    // only A's archive is left in the shared directory: no temporary file of either build
    assert dir.list() as List == ["${volume}.tar.zst".toString()]

    // both archives are complete: each imports into a new volume that holds every file, owner and mode
    [a: new File(dir, "${volume}.tar.zst"), b: new File(basedir, 'target/archive-b.tar.zst')].each { name, archive ->
        def copy = engine.name("copy-${name}")
        assert engine.mavenAgain(basedir, localRepositoryPath, "import-${name}.log", ['devcontainer-cache:import',
                "-Ddevcontainer-cache.from=${archive}".toString(), "-Ddevcontainer-cache.volume=${copy}".toString()]) == 0
        assert engine.tree(copy) == original
    }
    assert engine.helpersUsing(volume).isEmpty()
} finally {
    engine.cleanup()
}
return true
