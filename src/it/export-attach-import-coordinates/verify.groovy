def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, "into new volume ${engine.name('restored')}: 4 files")
    // installed like any artifact
    def installed = new File(localRepositoryPath,
            "it/devcontainercache/export-attach-import-coordinates/1.0/export-attach-import-coordinates-1.0-cache-${engine.name('models')}.tar.zst")
    assert installed.isFile()
    assert engine.tree(engine.name('restored')) == engine.tree(engine.name('models'))
} finally {
    engine.cleanup()
}
return true
