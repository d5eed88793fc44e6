def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def volume = engine.name('pip')
try {
    assert new File(basedir, 'killed-pid').exists(): 'the build was never killed: the export did not start'
    String pid = new File(basedir, 'killed-pid').text
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // the first build died without a word; the second removed what it left, then exported
    int second = log.indexOf("Exporting ${volume} (read through the archive API)", log.indexOf("Exporting ${volume}") + 1)
    assert second > 0: 'the second build did not export'
    assert log.indexOf("Removed helper container devcontainer-cache-helper-${pid}-") > 0
    assert log.contains("Exported ${volume} to ")
    assert engine.helpersUsing(volume).isEmpty()
    // the killed build's temporary files are gone too: only the complete archive is left
    assert new File(basedir, 'target/devcontainer-cache/export').list() as List == ["${volume}.tar.zst".toString()]
} finally {
    engine.cleanup()
}
return true
