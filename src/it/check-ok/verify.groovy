def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            ' Engine ', '(API ',
            'check works on 2 caches:',
            "${engine.name('pip')} (pip, /home/vscode/.cache/pip) from pom",
            "ok       ${engine.name('pip')}",
            "ok       ${engine.name('whisper')}  owner 1000:1000",
            'All 2 caches exist and are usable.',
            'BUILD SUCCESS')
    // where the engine runs here and its directories are readable, the owner is read straight from the mount point
    ItEngine.logContains(basedir, engine.mountPointReadable(basedir, engine.name('whisper'))
            ? "owner 1000:1000 (read on the mount point)"
            : "owner 1000:1000 (read through the archive API)")
    // check changes nothing: same volume, same content, same owner, no helper left
    assert engine.inspectVolume(engine.name('pip')).CreatedAt == new File(basedir, 'before.txt').text
    assert engine.contents(engine.name('pip')) == ['http-v2/a.body': 'cached wheel']
    assert engine.rootOwner(engine.name('whisper')) == '1000:1000'
    assert engine.helpersUsing(engine.name('whisper')).isEmpty()
} finally {
    engine.cleanup()
}
return true
