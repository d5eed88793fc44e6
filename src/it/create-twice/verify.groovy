def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // first run: creates the two missing caches
    ItEngine.logContains(basedir,
            "Created cache volume '${engine.name('pip')}' (driver local).",
            "Created cache volume '${engine.name('tmp')}' (driver local).",
            'Created 2 cache volumes; 1 already existed.')
    // second run: changes nothing, and says when each volume was made
    def pip = engine.inspectVolume(engine.name('pip'))
    ItEngine.logContains(basedir,
            "Cache volume '${engine.name('pip')}' already exists (created ${pip.CreatedAt}); left as it is.",
            'Created 0 cache volumes; 3 already existed.')
    assert log.count("Created cache volume '${engine.name('pip')}'") == 1
    assert pip.Labels == ['io.github.devcontainercache.managed': 'true',
                          'io.github.devcontainercache.project': 'it.devcontainercache:create-twice']
    assert pip.Driver == 'local'
    def tmp = engine.inspectVolume(engine.name('tmp'))
    assert tmp.Options == ['type': 'tmpfs', 'device': 'tmpfs', 'o': 'size=1m']
    // the volume that existed before is exactly as it was
    def existing = engine.inspectVolume(engine.name('existing'))
    assert existing.CreatedAt == new File(basedir, 'before.txt').text
    assert existing.Labels == ['owner': 'someone-else']
    assert engine.contents(engine.name('existing')) == ['model.pt': 'weights']
    assert engine.rootOwner(engine.name('existing')) == '0:0'
} finally {
    engine.cleanup()
}
return true
