def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            'Wipe refused for 2 caches:',
            "Cache '${engine.name('running')}' is used by running container ${engine.name('dev-running')} (running): wiping it now would pull the files from under it. Stop it (docker stop ${engine.name('dev-running')}) and run again",
            "Cache '${engine.name('stopped')}' is referenced by stopped container ${engine.name('dev-stopped')} (created): removing the volume would break it.",
            "removed      ${engine.name('free')}",
            'BUILD FAILURE')
    // the refused caches keep every byte; the free one is gone
    assert engine.contents(engine.name('running')) == ['model.pt': 'weights of running']
    assert engine.contents(engine.name('stopped')) == ['model.pt': 'weights of stopped']
    assert !engine.volumeExists(engine.name('free'))
} finally {
    engine.cleanup()
}
return true
