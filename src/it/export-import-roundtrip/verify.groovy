def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            engine.mountPointReadable(basedir, engine.name('pip'))
                    ? "Exporting ${engine.name('pip')} (read on the mount point)"
                    : "Exporting ${engine.name('pip')} (read through the archive API)",
            "Exporting ${engine.name('pip')} (read through the archive API)",
            "Imported target/devcontainer-cache/export/${engine.name('pip')}.tar.zst into new volume ${engine.name('copy')}: 4 files",
            "Imported target/export-api/${engine.name('pip')}.tar.gz into new volume ${engine.name('copy-api')}: 4 files, 293.0 KiB (written through the archive API).")
    def original = engine.tree(engine.name('pip'))
    assert original['wheels/numpy.whl'].startsWith('file ')
    assert original['http-v2/link'] == 'link ../wheels/numpy.whl 1000:1000 777'
    assert original['.hidden'].endsWith('1000:1000 600')
    // Podman's archive API names root as every file's owner: the plugin says so, and such an archive keeps none
    def rootOwned = original.collectEntries { path, entry -> [path, entry.replaceFirst(/ \d+:\d+ /, ' 0:0 ')] }
    if (engine.isPodman()) {
        ItEngine.logContains(basedir, "The archive of ${engine.name('pip')} records root as the owner of every file")
    }
    // every entry's bytes, owner and mode, read independently of the plugin
    assert engine.tree(engine.name('copy')) == (engine.ownersKnown(basedir, engine.name('pip')) ? original : rootOwned)
    assert engine.tree(engine.name('copy-api')) == (engine.isPodman() ? rootOwned : original)
    // the new volumes carry the manifest's labels
    assert engine.inspectVolume(engine.name('copy')).Labels.purpose == 'pip downloads'
    // only complete archives are left
    assert new File(basedir, 'target/devcontainer-cache/export').list().toList() == ["${engine.name('pip')}.tar.zst".toString()]
} finally {
    engine.cleanup()
}
return true
