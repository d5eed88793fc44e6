def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    // the npm cache is missing, but only selects the pip cache by name and the whisper one by kind
    ItEngine.logContains(basedir,
            'check works on 2 caches:',
            "ok       ${engine.name('pip')}",
            "ok       ${engine.name('whisper')}",
            'BUILD SUCCESS')
    ItEngine.logLacks(basedir, engine.name('npm'))
} finally {
    engine.cleanup()
}
return true
