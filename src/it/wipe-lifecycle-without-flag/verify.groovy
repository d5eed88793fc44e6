def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, 'devcontainer-cache:wipe is bound to this build but wipes nothing without -Ddevcontainer-cache.wipe=true (or run it alone: mvn devcontainer-cache:wipe).', 'BUILD SUCCESS')
    ItEngine.logLacks(basedir, '(API ')
    assert engine.contents(engine.name('pip')) == ['wheels/a.whl': 'wheel']
} finally {
    engine.cleanup()
}
return true
