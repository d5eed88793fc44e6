def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def Models = evaluate(new File(itLib, 'models.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def server = Models.of(basedir)
try {
    String url = server.url()
    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert log.count('BUILD FAILURE') == 5
    assert !log.contains('\tat '): 'no stack trace'

    // 1. a wrong checksum: refused, and nothing kept anywhere
    ItEngine.logContains(basedir, "Preloading into ${engine.name('wrongsum')} failed:",
            "w.bin (${url}/files/w.bin): what ${url}/files/w.bin served does not have the SHA-256 " +
                    '0000000000000000000000000000000000000000000000000000000000000000: it is not that file, or it was damaged on the way. Nothing was kept.',
            "What was verified is in place; nothing unverified is at a file's name (what a broken download received is kept aside, only to be resumed).")
    // 2. a 404, with what to check
    ItEngine.logContains(basedir, "none.bin (${url}/files/none.bin): HTTP 404 from ${url}/files/none.bin. Check the name, the revision and the base URL")
    // 3. a server that never answers: given up after the read timeout, not hung
    ItEngine.logContains(basedir, "slow.bin (${url}/files/slow.bin): no answer in time: Read timed out. Check the network and the proxy in settings.xml, or raise devcontainer-cache.downloadTimeout.")
    // 4. a mirror that serves another file for a catalogued model: refused on its size, before its content
    ItEngine.logContains(basedir, "whisper:tiny: what ${url}/whisper/65147644a518d12f04e32d6f3b26facc3f8dd46e5390956a9424a650c0ce22b9/tiny.pt serves is 1000 bytes, where it must be 75572083: it is not that file.")
    // 5. a model whisper does not know, refused before anything is fetched
    ItEngine.logContains(basedir, "'whisper:huge' is not a Whisper model: whisper.load_model knows tiny.en, tiny, base.en, base,")
    assert !server.requests.any { it.contains('huge') }

    // nothing left behind: the volumes hold nothing, and neither does the staging folder of the archive path
    ['wrongsum', 'missing', 'stalled', 'whisper'].each { name ->
        assert engine.tree(engine.name(name)).keySet() == ['.'] as Set: "${name} holds ${engine.tree(engine.name(name))}"
    }
    def staging = new File(basedir, 'target/devcontainer-cache/downloads')
    def left = staging.exists() ? staging.listFiles().collectMany { dir -> dir.isDirectory() ? (dir.listFiles() as List) : [dir] } : []
    assert left.isEmpty(): "the staging folder keeps ${left}"
} finally {
    server?.stop()
    engine.cleanup()
}
return true
