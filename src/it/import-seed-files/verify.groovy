def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "Seeded ${engine.name('whisper')} with seed: 2 files, ",
            'tiny.pt is not the Whisper model tiny: its SHA-256 is ',
            'Download it again; nothing was written.')
    assert engine.contents(engine.name('whisper')) == ['notes.txt': 'not a model', 'sub/vocab.json': '{}']
    def tree = engine.tree(engine.name('whisper'))
    if (engine.rootOwnerKnown(basedir, engine.name('whisper'))) {
        // seeded files belong to the cache's owner, so the dev container's user can read them
        assert tree['notes.txt'].contains(' 1000:1000 ')
    } else {
        // Podman's archive API cannot tell the owner: the plugin says the files are root's, and they are
        ItEngine.logContains(basedir, "The files seeded into ${engine.name('whisper')} are owned by root: ")
        assert tree['notes.txt'].contains(' 0:0 ')
    }
} finally {
    engine.cleanup()
}
return true
