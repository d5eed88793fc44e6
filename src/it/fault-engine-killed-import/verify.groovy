def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def copy = engine.name('copy')
try {
    assert new File(basedir, 'killed-at').exists(): 'the engine was never killed: the import did not start'
    long killedAt = Long.parseLong(new File(basedir, 'killed-at').text)
    // a clear failure that names the engine, and no stack trace
    ItEngine.logContains(basedir, "The engine at ${dockerd.host} did not complete", 'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ', "Imported target/devcontainer-cache/export/")
    // within seconds (the last second started counts), not after the 600 s response timeout
    long failedAfter = ItEngine.finishedAt(basedir) - killedAt
    assert failedAfter < 30_000: "the build went on for ${failedAfter} ms after the engine died"

    // The engine is back: the new volume holds part of the archive, and the killed build's helper says so.
    dockerd.launch()
    assert engine.volumeExists(copy)
    assert !engine.helpersUsing(copy).isEmpty(): 'the killed build left no helper: nothing to clean up was tested'
    // The next run, whatever its goal, removes the helper and the half-imported volume, which nothing else made.
    int next = engine.mavenAgain(basedir, localRepositoryPath, 'next-run.log',
            ['devcontainer-cache:check', "-Ddevcontainer-cache.dockerHost=${dockerd.host}".toString()])
    String nextLog = new File(basedir, 'next-run.log').getText('UTF-8')
    assert next == 0: nextLog
    assert nextLog =~ /Removed helper container .*, left behind by a build that was interrupted/
    assert nextLog.contains("Removed volume ${copy}: an import into it was interrupted, and it held only part of the archive. Import the archive again.")
    assert !engine.volumeExists(copy)
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
    // the original cache is untouched
    assert engine.volumeExists(engine.name('pip'))
} finally {
    if (dockerd.answers()) {
        engine.cleanup()
    }
    dockerd.remove()
}
return true
