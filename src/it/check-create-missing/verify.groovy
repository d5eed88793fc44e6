def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "Created cache volume '${engine.name('pip')}' (driver local, owner 1000:1000).",
            "ok       ${engine.name('present')}",
            'BUILD SUCCESS')
    def created = engine.inspectVolume(engine.name('pip'))
    assert created.Labels['io.github.devcontainercache.managed'] == 'true'
    assert created.Labels['io.github.devcontainercache.project'] == 'it.devcontainercache:check-create-missing'
    assert engine.rootOwner(engine.name('pip')) == '1000:1000'
    assert engine.inspectVolume(engine.name('present')).Labels == ['keep': 'me']
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
} finally {
    engine.cleanup()
}
return true
