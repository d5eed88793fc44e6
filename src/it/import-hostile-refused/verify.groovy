def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            'Archive escape.tar is refused, and nothing was written (3 problems):',
            "'../escape.txt' is an absolute path, climbs out with '..' or is no path",
            "'etc' links outside the volume (to /etc)",
            "'null' is a device or FIFO",
            'Archive flipped.tar is refused, and nothing was written (1 problem):',
            "'fine.txt' does not have the SHA-256 the manifest gives")
    ItEngine.logLacks(basedir, '\tat ')
    // the existing target is exactly as it was, the absent one was not created
    assert engine.contents(engine.name('target')) == ['keep.txt': 'precious']
    assert !engine.volumeExists(engine.name('absent'))
    assert engine.helpersUsing(engine.name('target')).isEmpty()
} finally {
    engine.cleanup()
}
return true
