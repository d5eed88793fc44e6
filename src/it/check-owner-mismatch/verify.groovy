def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            'Cache check failed (1 problem):',
            "Cache volume '${engine.name('pip')}' is owned by 0:0, but <owner> declares 1000:1000: the dev container's user cannot write to it.",
            "sudo chown 1000:1000 <target>",
            "or change <owner> to 0:0 if that is the user the dev container runs as.",
            "PROBLEM  ${engine.name('pip')}  owned by 0:0, not 1000:1000 (read through the archive API)",
            "ok       ${engine.name('whisper')}  owner 0:0 (read through the archive API)")
    // the check read the owner without changing it or the content
    assert engine.rootOwner(engine.name('pip')) == '0:0'
    assert engine.contents(engine.name('pip')) == ['wheels/x.whl': 'wheel']
    assert engine.helpersUsing(engine.name('pip')).isEmpty()
} finally {
    engine.cleanup()
}
return true
