def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String volume = engine.name('npm')
    def expected = new Properties()
    new File(basedir, 'expected.properties').withInputStream { expected.load(it) }
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // exactly is-number@7.0.0, by the name npm gives it, with its content and the index entries that name it
    assert log.contains("Cache '${volume}' (npm): is-number@7.0.0 is broken: ") : log
    assert log.findAll(/\(npm\): [^ ]+ is broken/).unique() == ["(npm): is-number@7.0.0 is broken"]
    // the report lists the packages, and report.json carries them
    assert log.contains("What takes the room in ${volume} (packages")
    def json = new groovy.json.JsonSlurper().parse(new File(basedir, 'target/devcontainer-cache/report.json'))
    def names = json.caches[0].insight.items*.name
    assert names.containsAll(['is-number@7.0.0', 'ms@2.1.3', 'is-number (metadata)', 'ms (metadata)']) : names
    // the repair removed the content and the index buckets of its entries, nothing else
    def removedLine = log.readLines().find { it.contains("removed      ${volume}: is-number@7.0.0 (") }
    assert removedLine?.contains(expected.content) : log
    def removed = (removedLine =~ /\((.*); [^;]*\)$/)[0][1].split(', ') as List
    assert removed.size() >= 2 && removed.findAll { it.startsWith('_cacache/index-v5/') }.size() == removed.size() - 1
    def tree = engine.tree(volume)
    removed.each { assert !tree.containsKey(it) }
    new File(basedir, 'npm-cache').eachFileRecurse(groovy.io.FileType.FILES) { file ->
        String path = new File(basedir, 'npm-cache').toPath().relativize(file.toPath()).toString()
        assert removed.contains(path) || tree[path]?.startsWith('file ' + ItEngine.sha256Of(file)) : "${path} changed"
    }
    // npm's own check of the repaired cache finds nothing wrong, and npm fetches the package again
    def copy = new File(basedir, 'npm-repaired-copy')
    copy.mkdirs()
    engine.withProbe(volume) { container -> engine.sh("docker cp '${container}:/probe/.' '${copy}'") }
    def verified = engine.run(['npm', 'cache', 'verify', '--cache', copy.path])
    assert verified.code == 0 && !verified.out.contains('Corrupted') && !verified.out.contains('Missing content') : verified.out
    def added = engine.run(['npm', 'cache', 'add', 'is-number@7.0.0', '--cache', copy.path])
    assert added.code == 0 : added.err
    def again = engine.run(['npm', 'cache', 'verify', '--cache', copy.path])
    assert (again.out =~ /Content verified: (\d+) /)[0][1] as int >= 4 && !again.out.contains("Corrupted") : again.out
} finally {
    engine.cleanup()
}
return true
