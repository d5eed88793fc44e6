def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            ' Engine ', '(API ',
            'check works on 2 caches:',
            "${engine.name('pip')} (pip, /home/vscode/.cache/pip) from pom",
            "ok       ${engine.name('pip')}",
            'All 2 caches exist and are usable.',
            'BUILD SUCCESS')
    if (engine.rootOwnerKnown(basedir, engine.name('whisper'))) {
        // where the engine runs here and its directories are readable, the owner is read straight from the mount
        // point; a rootless Podman's directory holds shifted ids, mapped back
        ItEngine.logContains(basedir, "ok       ${engine.name('whisper')}  owner 1000:1000",
                engine.mountPointReadable(basedir, engine.name('whisper'))
                        ? "owner 1000:1000 (read on the mount point)"
                        : engine.isPodman()
                                ? "owner 1000:1000 (read on the volume's directory, its ids mapped back through rootless Podman's)"
                                : "owner 1000:1000 (read through the archive API)")
    } else {
        // Podman's archive API cannot tell: the plugin says so rather than guess
        ItEngine.logContains(basedir, "Owner of ${engine.name('whisper')} not checked: Podman's archive API names")
    }
    // check changes nothing: same volume, same content, same owner, no helper left
    assert engine.inspectVolume(engine.name('pip')).CreatedAt == new File(basedir, 'before.txt').text
    assert engine.contents(engine.name('pip')) == ['http-v2/a.body': 'cached wheel']
    assert engine.rootOwner(engine.name('whisper')) == '1000:1000'
    assert engine.helpersUsing(engine.name('whisper')).isEmpty()
} finally {
    engine.cleanup()
}
return true
