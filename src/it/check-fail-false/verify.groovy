def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            '[WARNING] Cache check failed (1 problem):',
            "Cache volume '${engine.name('pip')}' does not exist.",
            'devcontainer-cache.fail = false: the build goes on.',
            'BUILD SUCCESS')
    assert !engine.volumeExists(engine.name('pip'))
} finally {
    engine.cleanup()
}
return true
