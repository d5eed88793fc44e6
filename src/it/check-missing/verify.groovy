def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            'Cache check failed (2 problems):',
            "Cache volume '${engine.name('pip')}' does not exist. Create it with 'mvn devcontainer-cache:create', or set <createMissing>true</createMissing> (-Ddevcontainer-cache.createMissing=true).",
            "Cache volume '${engine.name('whisper')}' does not exist.",
            "ok       ${engine.name('present')}")
    ItEngine.logLacks(basedir, "Cache volume '${engine.name('present')}' does not exist")
    // a check never creates anything
    assert !engine.volumeExists(engine.name('pip'))
    assert !engine.volumeExists(engine.name('whisper'))
} finally {
    engine.cleanup()
}
return true
