def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String sshHost = System.getenv('DCC_SSH_HOST')
    ItEngine.logContains(basedir,
            " Engine ", "at ${sshHost} (context 'it-ssh')",
            'check works on 1 cache:',
            "ok       ${engine.name('pip')}",
            // a remote engine's mount points are not this machine's: its volumes are read through the archive API
            'Content read through the archive API',
            'BUILD SUCCESS')
    assert !new File(basedir, 'build.log').text.contains('(read on the mount point)')
    def report = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/devcontainer-cache/report.json'))
    def pip = report.caches.find { it.volume == engine.name('pip') }
    assert pip.sizeBytes == 'cached wheel'.length() + 'a wheel'.length()
    // the ssh connections and their private socket folder went with the build
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
} finally {
    engine.cleanup()
}
return true
