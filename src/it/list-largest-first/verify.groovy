def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String log = new File(basedir, 'build.log').getText('UTF-8')
    String volume = engine.name('models')
    assert log.contains("Content of ${volume}, largest first (read through the archive API):")
    def lines = log.readLines().findAll { it.startsWith('[INFO]   ') || it.startsWith('[INFO]  ') }
    int big = log.indexOf('   3.0 MiB  big/model.pt')
    int medium = log.indexOf('   2.0 KiB  medium.bin')
    assert big > 0 && medium > big
    assert !log.contains('small.bin')
    assert log.contains('   3.0 MiB  total, 3 files (the largest 2 shown; -Ddevcontainer-cache.limit shows more)')
} finally {
    engine.cleanup()
}
return true
