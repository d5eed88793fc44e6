def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert log.contains('All 200 caches exist and are usable.')
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/devcontainer-cache/report.json'))
    assert report.caches.size() == 200 && report.caches.every { it.exists }
    // A few requests whatever the number of caches: the version, the leftover helpers, the volumes (and for report
    // the containers and, where the volumes are not on this host, the sizes and one helper with its reads). Without
    // batching, check would send 200 inspections and report 400 requests.
    def sent = { String goal ->
        def matcher = log =~ /devcontainer-cache:${goal} sent (\d+) requests? to the engine\./
        assert matcher.find(): "no request count for ${goal}"
        matcher.group(1) as int
    }
    assert sent('check') <= 5
    boolean onMountPoints = engine.mountPointReadable(basedir, engine.name('c001'))
    assert sent('report') <= (onMountPoints ? 6 : 210)
} finally {
    engine.cleanup()
}
return true
