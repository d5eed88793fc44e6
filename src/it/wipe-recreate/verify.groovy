def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, "removed      ${engine.name('pip')}", "recreated    ${engine.name('pip')}", 'BUILD SUCCESS')
    def volume = engine.inspectVolume(engine.name('pip'))
    assert volume.Labels == ['team': 'radio', 'purpose': 'pip downloads']
    assert volume.Driver == 'local'
    assert engine.contents(engine.name('pip')).isEmpty()
    assert engine.rootOwner(engine.name('pip')) == '1000:1000'
} finally {
    engine.cleanup()
}
return true
