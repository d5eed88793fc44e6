def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
try {
    assert new File(basedir, 'killed-at').exists(): 'the engine was never killed: the export did not start'
    long killedAt = Long.parseLong(new File(basedir, 'killed-at').text)
    // a clear failure, which names the engine and what it did not finish, and no stack trace
    ItEngine.logContains(basedir,
            "Exporting ${volume} (read through the archive API)",
            "Exporting ${volume} failed: the connection to the engine at ${dockerd.host} broke before it finished 'read /",
            'check that the engine is still running. No archive of it is left in the export directory',
            'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ', "${volume}.tar.zst: ")
    // within seconds (the last second started counts), not after the 600 s response timeout
    long failedAfter = ItEngine.finishedAt(basedir) - killedAt
    assert failedAfter < 30_000: "the build went on for ${failedAfter} ms after the engine died"
    // nothing that looks like an archive, and no temporary file left
    def export = new File(basedir, 'target/devcontainer-cache/export')
    assert (export.list() ?: []) as List == []

    // The engine is back: the killed build's helper is still there, and the next run removes it and exports.
    dockerd.launch()
    assert !engine.helpersUsing(volume).isEmpty(): 'the killed build left no helper: nothing to clean up was tested'
    int next = engine.mavenAgain(basedir, localRepositoryPath, 'next-run.log',
            ['devcontainer-cache:export', "-Ddevcontainer-cache.dockerHost=${dockerd.host}".toString()])
    String nextLog = new File(basedir, 'next-run.log').getText('UTF-8')
    assert next == 0: nextLog
    assert nextLog =~ /Removed helper container .*, left behind by a build that was interrupted/
    assert nextLog.contains("Exported ${volume}")
    assert engine.helpersUsing(volume).isEmpty()
    assert export.list() as List == ["${volume}.tar.zst".toString()]
} finally {
    if (dockerd.answers()) {
        engine.cleanup()
    }
    dockerd.remove() // and every file of the engine with it
}
return true
