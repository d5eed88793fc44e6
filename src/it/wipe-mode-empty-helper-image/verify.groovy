def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, "emptied      ${engine.name('pip')}", 'BUILD SUCCESS')
    assert engine.volumeExists(engine.name('pip'))
    assert engine.contents(engine.name('pip')).isEmpty()
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
} finally {
    engine.cleanup()
}
return true
