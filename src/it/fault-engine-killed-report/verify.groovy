def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // killed while it streamed the cache, or (on a busy machine) while the request for it was still on its way
    assert log.contains("the connection to the engine at ${dockerd.host} broke before it finished") ||
            log.contains("The engine at ${dockerd.host} did not complete 'GET /containers/")
    ItEngine.logContains(basedir, 'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ', 'Report written to')
    dockerd.assertBuildFailedSoonAfterKill('the report did not read the cache')
    // no report that looks complete
    assert !new File(basedir, 'target/devcontainer-cache/report.json').exists()

    dockerd.launch()
    String nextLog = dockerd.nextRun(engine, localRepositoryPath, 'devcontainer-cache:report', volume)
    assert nextLog.contains('Report written to')
} finally {
    dockerd.removeWith(engine)
}
return true
