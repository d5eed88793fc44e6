def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
try {
    assert new File(basedir, 'killed-at').exists(): 'the engine was never killed: the report did not read the cache'
    long killedAt = Long.parseLong(new File(basedir, 'killed-at').text)
    ItEngine.logContains(basedir, "the connection to the engine at ${dockerd.host} broke before it finished", 'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ', 'Report written to')
    // within seconds (the last second started counts), not after the 600 s response timeout
    long failedAfter = ItEngine.finishedAt(basedir) - killedAt
    assert failedAfter < 30_000: "the build went on for ${failedAfter} ms after the engine died"
    // no report that looks complete
    assert !new File(basedir, 'target/devcontainer-cache/report.json').exists()

    dockerd.launch()
    assert !engine.helpersUsing(volume).isEmpty(): 'the killed build left no helper: nothing to clean up was tested'
    int next = engine.mavenAgain(basedir, localRepositoryPath, 'next-run.log',
            ['devcontainer-cache:report', "-Ddevcontainer-cache.dockerHost=${dockerd.host}".toString()])
    String nextLog = new File(basedir, 'next-run.log').getText('UTF-8')
    assert next == 0: nextLog
    assert nextLog =~ /Removed helper container .*, left behind by a build that was interrupted/
    assert nextLog.contains('Report written to')
    assert engine.helpersUsing(volume).isEmpty()
} finally {
    if (dockerd.answers()) {
        engine.cleanup()
    }
    dockerd.remove()
}
return true
