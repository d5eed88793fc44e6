def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def copy = engine.name('copy')
try {
    // a clear failure that names the engine, and no stack trace
    ItEngine.logContains(basedir, "The engine at ${dockerd.host} did not complete", 'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ', "Imported target/devcontainer-cache/export/")
    dockerd.assertBuildFailedSoonAfterKill('the import did not start')

    // The engine is back: the new volume holds part of the archive, and the killed build's helper says so.
    dockerd.launch()
    assert engine.volumeExists(copy)
    // The next run, whatever its goal, removes the helper and the half-imported volume, which nothing else made.
    String nextLog = dockerd.nextRun(engine, localRepositoryPath, 'devcontainer-cache:check', copy)
    assert nextLog.contains("Removed volume ${copy}: an import into it was interrupted, and it held only part of the archive. Import the archive again.")
    assert !engine.volumeExists(copy)
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
    // the original cache is untouched
    assert engine.volumeExists(engine.name('pip'))
} finally {
    dockerd.removeWith(engine)
}
return true
