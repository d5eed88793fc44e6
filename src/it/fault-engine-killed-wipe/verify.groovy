def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volumes = (1..40).collect { engine.name(String.format('c%02d', it)) }
try {
    assert new File(basedir, 'killed-at').exists(): 'the engine was never killed: the wipe removed nothing'
    long killedAt = Long.parseLong(new File(basedir, 'killed-at').text)
    ItEngine.logContains(basedir, "The engine at ${dockerd.host} did not complete", 'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ')
    // within seconds (the last second started counts), not after the 600 s response timeout
    long failedAfter = ItEngine.finishedAt(basedir) - killedAt
    assert failedAfter < 30_000: "the build went on for ${failedAfter} ms after the engine died"

    // The engine is back: some caches are gone, the others are intact; the next wipe removes those, and only those.
    dockerd.launch()
    def left = volumes.findAll { engine.volumeExists(it) }
    assert left.size() < 40 && left.size() > 0: "expected a wipe cut short, found ${left.size()} of 40 caches"
    engine.createVolume(engine.name('not-declared'))
    int next = engine.mavenAgain(basedir, localRepositoryPath, 'next-run.log',
            ['devcontainer-cache:wipe', "-Ddevcontainer-cache.dockerHost=${dockerd.host}".toString()])
    String nextLog = new File(basedir, 'next-run.log').getText('UTF-8')
    assert next == 0: nextLog
    left.each { assert nextLog.contains("removed") && nextLog.contains(it) }
    assert volumes.every { !engine.volumeExists(it) }
    assert engine.volumeExists(engine.name('not-declared'))
    assert dockerd.helperCount() == 0
} finally {
    if (dockerd.answers()) {
        engine.cleanup()
    }
    dockerd.remove()
}
return true
