def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "Cache '${engine.name('pip')}' is used by running container ${engine.name('dev-running')} (running): wiping it now would pull the files from under it. Stop it (docker stop ${engine.name('dev-running')}) and run again.",
            'BUILD FAILURE')
    assert engine.contents(engine.name('pip')) == ['wheels/a.whl': 'wheel']
} finally {
    engine.cleanup()
}
return true
