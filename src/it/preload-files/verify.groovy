def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def Models = evaluate(new File(itLib, 'models.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def server = Models.of(basedir)
try {
    def expected = new Properties()
    new File(basedir, 'expected.properties').withReader { expected.load(it) }
    String commit = expected.commit
    String models = engine.name('models')
    String hf = engine.name('hf')
    String log = new File(basedir, 'build.log').getText('UTF-8')
    String written = engine.mountPointReadable(basedir, models) ? 'written on the mount point' : 'written through the archive API'

    // 1. every file verified and in place, in the hub's layout, owned by the cache's owner
    def tree = engine.tree(models)
    String repo = 'models--it-org--tiny-whisper'
    String modelBlob = Models.sha256(Models.bytes(1024 * 1024 + 3, 3))
    String configBlob = Models.gitBlob('{"model_type": "whisper"}\n'.bytes)
    assert tree['a.bin'].startsWith("file ${expected.a} ")
    assert tree['sub/dropped.bin'].startsWith("file ${expected.dropped} ")
    assert tree["${repo}/blobs/${modelBlob}".toString()].startsWith("file ${modelBlob} ")
    assert tree["${repo}/snapshots/${commit}/model.bin".toString()].startsWith("link ../../blobs/${modelBlob} ")
    assert tree["${repo}/snapshots/${commit}/config.json".toString()].startsWith("link ../../blobs/${configBlob} ")
    assert tree["${repo}/refs/main".toString()].startsWith("file ${ItEngine.sha256(commit)} ")
    assert !tree.keySet().any { it.endsWith('README.md') }: 'the patterns leave README.md out'
    assert !tree.keySet().any { it.endsWith('.part') || it.endsWith('.incomplete') }: "nothing partial is left: ${tree.keySet()}"
    if (engine.ownersKnown(basedir, models)) {
        assert tree.findAll { path, entry -> path != '.' }.every { path, entry -> entry.contains(' 1000:1000 ') }: tree
        assert tree['a.bin'].endsWith(' 644')
    }
    def hubTree = engine.tree(hf)
    assert hubTree["hub/${repo}/snapshots/${commit}/README.md".toString()].startsWith('link ../../blobs/')
    assert hubTree["hub/${repo}/refs/main".toString()]
    ItEngine.logContains(basedir,
            "Preloaded a.bin (${server.url()}/files/a.bin) into ${models} as a.bin, verified, ${written}.",
            "Preloaded hf:it-org/tiny-whisper@main:model.bin;config.json;vocabulary.* into ${models} at commit ${commit}: 3 files, 3 downloaded, ${written}.",
            written)

    // the download that broke off halfway resumed where it stopped, with Range
    def dropped = server.requests.findAll { it.startsWith('GET /files/dropped.bin') }
    assert dropped == ['GET /files/dropped.bin', "GET /files/dropped.bin bytes=${(int) ((2 * 1024 * 1024 + 5) / 2)}-".toString()]
    assert log.contains('Downloading sub/dropped.bin (' + server.url() + '/files/dropped.bin) broke off (')
    assert log.contains('Resuming sub/dropped.bin (' + server.url() + '/files/dropped.bin) at ')

    // 2. the second run verified what is there and downloaded nothing
    assert server.requests.count { it.startsWith('GET /files/a.bin') } == 1
    assert server.requests.count { it.startsWith('GET /cdn/') } == 2: 'the LFS file once for each cache'
    ItEngine.logContains(basedir, "${models}: nothing to download, 5 files there already, verified.",
            "${hf}: nothing to download, 4 files there already, verified.")

    // 2. then check with verifyIntegrity and report pass on what preload wrote
    assert log.count('BUILD SUCCESS') == 2
    ItEngine.logContains(basedir, "ok       ${models}  owner 1000:1000")
    assert new File(basedir, 'target/devcontainer-cache/report.json').text.contains(models)

    // 3. offline: what is there is said to be there, and what is missing is refused by name
    ItEngine.logContains(basedir, 'Maven is offline (-o), and ' + models + ' lacks what it must hold:',
            '  - whisper:tiny (tiny.pt)', 'Run the build once without -o to download them.',
            "hf:it-org/tiny-whisper@main:model.bin;config.json;vocabulary.* is in ${models} already (commit ${commit}; offline, not compared with the hub).")
    assert !engine.tree(models).containsKey('tiny.pt')
    assert !server.requests.any { it.contains('tiny.pt') }
} finally {
    server?.stop()
    engine.cleanup()
}
return true
