def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "Cache volume '${engine.name('target')}' is not empty: importing into it would mix two caches. Wipe it first (mvn devcontainer-cache:wipe -Ddevcontainer-cache.only=${engine.name('target')}), import into another volume (-Ddevcontainer-cache.volume=NAME), or set -Ddevcontainer-cache.overwrite=true.")
    assert engine.contents(engine.name('target')) == ['old.txt': 'old']
} finally {
    engine.cleanup()
}
return true
