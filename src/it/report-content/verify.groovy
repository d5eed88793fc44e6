import groovy.json.JsonSlurper
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    def direct = new JsonSlurper().parse(new File(basedir, 'target/direct/report.json'))
    def viaEngine = new JsonSlurper().parse(new File(basedir, 'target/engine/report.json'))
    def summary = new JsonSlurper().parse(new File(basedir, 'target/summary/report.json'))
    assert new File(basedir, 'target/direct/report.md').text.contains('| volume | kind | content | on disk | budget | in use by | state |')
    assert direct.engine.endpoint && direct.engine.version && direct.generatedAt
    // keys in a stable order
    assert direct.caches[0].keySet() as List == ['volume', 'kind', 'exists', 'sizeBytes', 'sizeSource', 'diskBytes',
            'diskSource', 'contentSource', 'files', 'budgetBytes', 'budgetBasis', 'overBudget', 'inUseBy', 'containers', 'owner', 'models', 'checksums', 'pip', 'largestFiles',
            'source', 'insight', 'restore']
    // the pip cache in pip's terms; its wheel, which is no zip, is a broken entry
    assert direct.caches[0].insight.items*.name == ['wheels built here (wheels)', 'HTTP cache (http-v2)',
            'legacy HTTP cache (http)', "pip's self-check"]
    assert direct.caches[0].insight.broken*.files == [['wheels/numpy.whl']]

    long pipBytes = 3000 + 2000 + 100 + 50000 + 2
    String pipOwner = engine.rootOwner(engine.name('pip'))
    // what every report says, whatever it read
    [direct, viaEngine, summary].each { report ->
        def pip = report.caches.find { it.volume == engine.name('pip') }
        assert pip.exists
        // within 1% of du -sb: the apparent size of the files written
        assert Math.abs(pip.sizeBytes - pipBytes) <= pipBytes * 0.01
        assert pip.inUseBy == [engine.name('devcontainer')]
        assert pip.containers == [[name: engine.name('devcontainer'), state: 'created']]
        // as read independently of the plugin; Podman's archive API names root as every owner, so through it the
        // owner is unknown, but on a rootless Podman here, whose volume directory the first report reads and maps back
        assert pip.owner == (engine.isPodman() && !report.is(direct) ? null : pipOwner)
        assert pip.budgetBytes == 1000 && pip.overBudget == true

        def whisper = report.caches.find { it.volume == engine.name('whisper') }
        assert whisper.models.find { it.file == 'tiny.pt' } == [file: 'tiny.pt', sizeBytes: 75572083, status: 'corrupt']
        assert whisper.models.find { it.file == 'base.pt' } == [file: 'base.pt', sizeBytes: 1000, status: 'partial']
        assert whisper.models.size() == 2
        assert whisper.overBudget == false

        def missing = report.caches.find { it.volume == engine.name('missing') }
        assert missing.exists == false && missing.sizeBytes == null && missing.contentSource == null
    }
    // the first report reads the mount point where it can; elsewhere (a user without access to it, a remote or
    // rootless engine) it takes the archive API's default, as the third does
    def pipOf = { report -> report.caches.find { it.volume == engine.name('pip') } }
    boolean directReadAll = pipOf(direct).contentSource != 'archive API stat'
    // what a report that read every entry says besides
    (directReadAll ? [direct, viaEngine] : [viaEngine]).each { report ->
        def pip = report.caches.find { it.volume == engine.name('pip') }
        assert pip.files == 5
        assert pip.pip['http-v2'] == [sizeBytes: 5000, files: 2]
        assert pip.pip['http'] == [sizeBytes: 100, files: 1]
        assert pip.pip['wheels'] == [sizeBytes: 50000, files: 1]
        assert pip.pip['selfcheck'] == [sizeBytes: 2, files: 1]
        assert pip.largestFiles[0] == [file: 'wheels/numpy.whl', sizeBytes: 50000]
        assert pip.checksums == [[file: 'wheels/numpy.whl', sizeBytes: null, status: 'ok'],
                                 [file: 'selfcheck/s.json', sizeBytes: null, status: 'ok']]
    }
    assert viaEngine.caches.findAll { it.exists }*.contentSource == ['archive API stream', 'archive API stream']
    // by default through the archive API: the engine's size and the stat of the files that have an expected
    // content; with verifyIntegrity (this pom's), a cache whose format carries checks (pip's wheels) is streamed
    (directReadAll ? [summary] : [summary, direct]).each { report ->
        def pipSummary = pipOf(report)
        def whisperSummary = report.caches.find { it.volume == engine.name('whisper') }
        assert pipSummary.contentSource == 'archive API stream' && pipSummary.files == 5
        assert pipSummary.insight.broken*.files == [['wheels/numpy.whl']]
        if (whisperSummary.sizeSource == 'engine df') {
            assert whisperSummary.contentSource == 'archive API stat'
            assert whisperSummary.files == null && whisperSummary.largestFiles == [] && whisperSummary.insight == null
            assert whisperSummary.models*.file == ['base.pt', 'tiny.pt']
            ItEngine.logContains(basedir, "Content read through the archive API, only the root's owner and the stat" +
                    " of known files (file counts, largest files and pip's layout with -Ddevcontainer-cache.content=full): " +
                    "${engine.name('whisper')}")
        } else {
            // an engine that does not say a volume's size: every entry is read to measure it
            assert whisperSummary.contentSource == 'archive API stream' && whisperSummary.files == 2
        }
    }
    assert direct.caches.find { it.volume == engine.name('pip') }.sizeSource == 'mount point' ||
           !engine.mountPointReadable(basedir, engine.name('pip'))
    assert viaEngine.caches.find { it.volume == engine.name('pip') }.sizeSource in ['engine df', 'archive API']
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // over its budget: the disk it takes where du measured it, else its content
    assert log =~ /Cache '${engine.name('pip')}' (takes|holds) [0-9.]+ KiB/
    // the table: volume, kind, content, on disk (du's, an estimate (~), or unknown), budget, in use by, state
    assert log =~ /volume\s+kind\s+content\s+on disk\s+budget\s+in use by\s+state/
    assert log =~ /${engine.name('pip')}\s+pip\s+53\.8 KiB\s+(~?96\.0 KiB|-)\s+1000 B\s+${engine.name('devcontainer')} \(created\)\s+over budget/
    assert log =~ /${engine.name('whisper')}\s+whisper\s+72\.1 MiB\s+(~?72\.1 MiB|-)\s+953\.7 MiB\s+-\s+corrupt file/
    assert log =~ /${engine.name('missing')}\s+generic\s+-\s+-\s+-\s+-\s+missing/
    ItEngine.logContains(basedir,
            "Cache '${engine.name('whisper')}': tiny.pt is corrupt (its SHA-256 is not the expected one). Remove the file (in the dev container: rm /home/vscode/.cache/whisper/tiny.pt)",
            "Cache '${engine.name('whisper')}': base.pt is partial (1000 of 145262807 bytes)",
            "Caches over budget (1 cache):",
            'Sizes measured by the engine (GET /system/df)',
            'Content read through the archive API, every entry: ',
            'BUILD SUCCESS')
} finally {
    engine.cleanup()
}
return true
