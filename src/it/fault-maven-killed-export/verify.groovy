def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def volume = engine.name('pip')
try {
    assert new File(basedir, 'killed-pid').exists(): 'the build was never killed: the export did not start'
    String pid = new File(basedir, 'killed-pid').text
    // the killed export left the archive of yesterday byte for byte
    assert new File(basedir, 'after-kill.bin').bytes == new File(basedir, 'older.bin').bytes
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // the first build died without a word; the second removed what it left, then exported
    int second = log.indexOf("Exporting ${volume} (read through the archive API)", log.indexOf("Exporting ${volume}") + 1)
    assert second > 0: 'the second build did not export'
    // the next goal on this engine removes it: this build's, or one of a test running beside it that came first
    String removed = "Removed helper container devcontainer-cache-helper-${pid}-"
    // (any log of a test beside: some run Maven again, into logs of their own)
    assert log.indexOf(removed) > 0 || basedir.parentFile.listFiles().findAll { it.isDirectory() && it != basedir }.any { dir ->
        dir.listFiles().any { it.name.endsWith('.log') && it.getText('UTF-8').contains(removed) }
    }: "no build removed the helper of the killed build (pid ${pid})"
    assert log.contains("Exported ${volume} to ")
    assert engine.helpersUsing(volume).isEmpty()
    // the killed build's temporary files are gone too: only the complete archive is left
    assert new File(basedir, 'target/devcontainer-cache/export').list() as List == ["${volume}.tar.zst".toString()]
} finally {
    engine.cleanup()
}
return true
