def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "Seeded ${engine.name('whisper')} with seed: 2 files, ",
            'tiny.pt is not the Whisper model tiny: its SHA-256 is ',
            'Download it again; nothing was written.')
    assert engine.contents(engine.name('whisper')) == ['notes.txt': 'not a model', 'sub/vocab.json': '{}']
    // seeded files belong to the cache's owner, so the dev container's user can read them
    def tree = engine.tree(engine.name('whisper'))
    assert tree['notes.txt'].contains(' 1000:1000 ')
} finally {
    engine.cleanup()
}
return true
