import groovy.json.JsonSlurper
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    def direct = new JsonSlurper().parse(new File(basedir, 'target/direct/report.json'))
    def viaEngine = new JsonSlurper().parse(new File(basedir, 'target/engine/report.json'))
    assert new File(basedir, 'target/direct/report.md').text.contains('| volume | kind | size | budget | in use by | state |')
    assert direct.engine.endpoint && direct.engine.version && direct.generatedAt
    // keys in a stable order
    assert direct.caches[0].keySet() as List == ['volume', 'kind', 'exists', 'sizeBytes', 'sizeSource', 'files',
            'budgetBytes', 'overBudget', 'inUseBy', 'containers', 'owner', 'models', 'checksums', 'pip', 'largestFiles',
            'source']

    long pipBytes = 3000 + 2000 + 100 + 50000 + 2
    [direct, viaEngine].each { report ->
        def pip = report.caches.find { it.volume == engine.name('pip') }
        assert pip.exists
        // within 1% of du -sb: the apparent size of the files written
        assert Math.abs(pip.sizeBytes - pipBytes) <= pipBytes * 0.01
        assert pip.files == 5
        assert pip.inUseBy == [engine.name('devcontainer')]
        assert pip.containers == [[name: engine.name('devcontainer'), state: 'created']]
        assert pip.owner == '0:0'
        assert pip.pip['http-v2'] == [sizeBytes: 5000, files: 2]
        assert pip.pip['http'] == [sizeBytes: 100, files: 1]
        assert pip.pip['wheels'] == [sizeBytes: 50000, files: 1]
        assert pip.pip['selfcheck'] == [sizeBytes: 2, files: 1]
        assert pip.largestFiles[0] == [file: 'wheels/numpy.whl', sizeBytes: 50000]
        assert pip.budgetBytes == 1000 && pip.overBudget == true
        assert pip.checksums == [[file: 'wheels/numpy.whl', sizeBytes: null, status: 'ok'],
                                 [file: 'selfcheck/s.json', sizeBytes: null, status: 'ok']]

        def whisper = report.caches.find { it.volume == engine.name('whisper') }
        assert whisper.models.find { it.file == 'tiny.pt' }.status == 'corrupt'
        assert whisper.models.find { it.file == 'base.pt' } == [file: 'base.pt', sizeBytes: 1000, status: 'partial']
        assert whisper.overBudget == false

        def missing = report.caches.find { it.volume == engine.name('missing') }
        assert missing.exists == false && missing.sizeBytes == null
    }
    assert direct.caches.find { it.volume == engine.name('pip') }.sizeSource == 'mount point' ||
           !engine.mountPointReadable(basedir, engine.name('pip'))
    assert viaEngine.caches.find { it.volume == engine.name('pip') }.sizeSource in ['engine df', 'archive API']
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // the table: volume, kind, size, budget, in use by, state
    assert log =~ /${engine.name('pip')}\s+pip\s+53\.8 KiB\s+1000 B\s+${engine.name('devcontainer')} \(created\)\s+over budget/
    assert log =~ /${engine.name('whisper')}\s+whisper\s+72\.1 MiB\s+953\.7 MiB\s+-\s+corrupt file/
    assert log =~ /${engine.name('missing')}\s+generic\s+-\s+-\s+-\s+missing/
    ItEngine.logContains(basedir,
            "Cache '${engine.name('whisper')}': tiny.pt is corrupt (its SHA-256 is not the expected one). Remove the file (in the dev container: rm /home/vscode/.cache/whisper/tiny.pt)",
            "Cache '${engine.name('whisper')}': base.pt is partial (1000 of 145262807 bytes)",
            "Caches over budget (1 cache):",
            "Cache '${engine.name('pip')}' holds ",
            'Sizes measured by the engine (GET /system/df)',
            'BUILD SUCCESS')
} finally {
    engine.cleanup()
}
return true
