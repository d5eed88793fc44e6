def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "Created cache volume '${engine.name('whisper')}' (driver local, owner 1000:1000).",
            "Created cache volume '${engine.name('pip')}' (driver local, owner 1234:5678).")
    // read with docker cp from a never-started container of the test's own image, not through the plugin
    assert engine.rootOwner(engine.name('whisper')) == '1000:1000'
    assert engine.rootOwner(engine.name('pip')) == '1234:5678'
    assert engine.contents(engine.name('whisper')).isEmpty()
    assert engine.helpersUsing(engine.name('whisper')).isEmpty()
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
} finally {
    engine.cleanup()
}
return true
