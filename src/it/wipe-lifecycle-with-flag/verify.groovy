def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, "removed      ${engine.name('pip')} (5 B)", 'Freed 5 B (5 bytes).', 'BUILD SUCCESS')
    assert !engine.volumeExists(engine.name('pip'))
} finally {
    engine.cleanup()
}
return true
