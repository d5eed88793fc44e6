def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, "removed      ${engine.name('whisper')}", 'BUILD SUCCESS')
    ItEngine.logLacks(basedir, "removed      ${engine.name('pip')}")
    assert !engine.volumeExists(engine.name('whisper'))
    assert engine.contents(engine.name('pip')) == ['f': 'pip']
} finally {
    engine.cleanup()
}
return true
