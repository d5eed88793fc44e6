def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    def expected = new Properties()
    new File(basedir, 'expected.properties').withInputStream { expected.load(it) }
    String log = new File(basedir, 'build.log').getText('UTF-8')
    def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/devcontainer-cache/report.json'))
    def cache = { String name -> json.caches.find { it.volume == engine.name(name) } }
    // each kind inferred from its target, and named in its tool's terms
    assert json.caches*.kind == ['huggingface', 'go', 'cargo', 'uv']
    assert cache('hf').insight.items*.name.containsAll(['model it-org/tiny @ main', 'model it-org/broken @ main'])
    assert cache('go').insight.items*.name.containsAll(['github.com/BurntSushi/toml@v1.2.0', 'golang.org/x/text@v0.3.0'])
    assert cache('cargo').insight.items*.name.containsAll(['serde 1.0.200', 'libc 0.2.150'])
    // exactly the broken entries, each by its tool's name
    def brokenOf = { String name -> cache(name).insight.broken.collect { it.entry + ': ' + it.problem } }
    assert brokenOf('hf') == ['model it-org/broken gone.bin: the link\'s blob ' + 'c' * 64 + ' is missing',
                              'model it-org/broken weights.bin: blob ' + expected.hfRemoved.split(',')[0].tokenize('/').last() + ' does not hash to its name']
    assert brokenOf('go').size() == 1 && brokenOf('go')[0].startsWith('golang.org/x/text@v0.3.0: v0.3.0.zip hashes to h1:')
    assert brokenOf('cargo').size() == 1 && brokenOf('cargo')[0].startsWith('libc 0.2.150: libc-0.2.150.crate is not whole gzip')
    assert brokenOf('uv').isEmpty()
    assert log =~ /(?m)^\[INFO\] ${engine.name('hf')} +huggingface .* broken entry$/
    assert log =~ /(?m)^\[INFO\] ${engine.name('uv')} +uv .* ok$/
    // what a user would want flagged: pip's layout in the uv cache, a download left unfinished, a file of another owner
    assert cache('uv').insight.otherLayout == 'pip'
    assert log.contains("Cache '${engine.name('uv')}' is a uv cache (mounted at /root/.cache/uv) but holds pip's layout")
    assert cache('hf').insight.unfinishedDownloads*.file == ["hub/models--it-org--broken/blobs/${'d' * 64}.incomplete"]
    assert log.contains("Cache '${engine.name('hf')}' holds 1 unfinished download (hub/models--it-org--broken/blobs/")
    if (engine.ownersKnown(basedir, engine.name('uv'))) {
        assert cache('uv').insight.foreignOwners.files == 1
        assert cache('uv').insight.foreignOwners.examples == ['wheels/root-owned.json']
        assert log.contains("holds 1 file (9 B) owned by 0:0, not by its declared owner 1000:1000, such as wheels/root-owned.json")
    }
    // the repair removed exactly those files, and left every other entry as it was
    def removed = [hf: expected.hfRemoved, go: expected.goRemoved, cargo: expected.cargoRemoved]
    assert log.contains('Removed 5 broken entries, ')
    removed.each { name, files ->
        def tree = engine.tree(engine.name(name))
        def fixture = new File(basedir, "fixtures/${name}")
        files.split(',').each { assert !tree.containsKey(it): "${it} is still in ${name}" }
        fixture.eachFileRecurse { file ->
            String path = fixture.toPath().relativize(file.toPath()).toString()
            if (!files.split(',').contains(path)) {
                assert tree.containsKey(path): "${path} was removed from ${name}"
            }
        }
    }
} finally {
    engine.cleanup()
}
return true
