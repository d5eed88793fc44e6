def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volumes = (1..40).collect { engine.name(String.format('c%02d', it)) }
try {
    ItEngine.logContains(basedir, "The engine at ${dockerd.host} did not complete", 'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ')
    dockerd.assertBuildFailedSoonAfterKill('the wipe removed nothing')

    // The engine is back: some caches are gone, the others are intact; the next wipe removes those, and only those.
    dockerd.launch()
    def left = volumes.findAll { engine.volumeExists(it) }
    assert left.size() < 40 && left.size() > 0: "expected a wipe cut short, found ${left.size()} of 40 caches"
    engine.createVolume(engine.name('not-declared'))
    int next = engine.mavenAgain(basedir, localRepositoryPath, 'next-run.log',
            ['devcontainer-cache:wipe', "-Ddevcontainer-cache.dockerHost=${dockerd.host}".toString()])
    String nextLog = new File(basedir, 'next-run.log').getText('UTF-8')
    assert next == 0: nextLog
    left.each { assert nextLog.contains(String.format('  %-12s %s', 'removed', it)) }
    assert volumes.every { !engine.volumeExists(it) }
    assert engine.volumeExists(engine.name('not-declared'))
    assert dockerd.helperCount() == 0
} finally {
    dockerd.removeWith(engine)
}
return true
