def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, "emptied      ${engine.name('pip')}", 'BUILD SUCCESS')
    assert engine.volumeExists(engine.name('pip'))
    assert engine.contents(engine.name('pip')).isEmpty()
    // the dev container that references the cache still starts
    def started = engine.run(['docker', 'start', '-a', engine.name('devcontainer')])
    assert started.code == 0 : started.err
    // and the short-lived container that emptied it is gone
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
} finally {
    engine.cleanup()
}
return true
