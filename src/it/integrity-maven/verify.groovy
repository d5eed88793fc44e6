def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String volume = engine.name('m2')
    def expected = new Properties()
    new File(basedir, 'expected.properties').withInputStream { expected.load(it) }
    List<String> removed = expected.removed.split(',') as List
    String log = new File(basedir, 'build.log').getText('UTF-8')
    // the check named exactly the broken artifact, the files that make it, and how to repair it
    String coordinates = "org.apache.commons:commons-compress:${expected.version}"
    assert log.contains("Cache '${volume}' (maven): ${coordinates} is broken: commons-compress-${expected.version}.jar")
    assert log.contains("mvn devcontainer-cache:repair -Ddevcontainer-cache.only=${volume}")
    assert log.findAll(/\(maven\): [^ ]+ is broken/).unique().size() == 1 : 'only the cut jar is broken'
    assert log.contains("${volume} (maven): ")
    // the dry run said what it would remove, and removed nothing; the repair removed exactly that
    assert log.contains("would remove ${volume}: ${coordinates} (${removed.join(', ')};")
    assert log.contains("removed      ${volume}: ${coordinates} (${removed.join(', ')};")
    assert log.contains('Removed 1 broken entry, ')
    def tree = engine.tree(volume)
    removed.each { assert !tree.containsKey(it): "${it} is still in the cache" }
    def original = new File(localRepositoryPath, expected.broken.replaceFirst('^repository/', ''))
    new File(basedir, 'm2').eachFileRecurse(groovy.io.FileType.FILES) { file ->
        String path = new File(basedir, 'm2').toPath().relativize(file.toPath()).toString()
        if (!removed.contains(path)) {
            assert tree[path]?.startsWith('file ' + ItEngine.sha256Of(file)): "${path} changed"
        }
    }
    // Maven, its local repository the cache's, resolves the removed jar anew and builds
    def copy = new File(basedir, 'cache-copy')
    copy.mkdirs()
    engine.withProbe(volume) { container -> engine.sh("docker cp '${container}:/probe/.' '${copy}'") }
    new File(basedir, 'resolve-settings.xml').text = """<settings><profiles><profile><id>it</id>
  <activation><activeByDefault>true</activeByDefault></activation>
  <repositories><repository><id>it-outer</id><url>${new File(outerRepository).toURI()}</url></repository></repositories>
  <pluginRepositories><pluginRepository><id>it-outer</id><url>${new File(outerRepository).toURI()}</url></pluginRepository></pluginRepositories>
</profile></profiles></settings>"""
    int exit = engine.mavenAgain(basedir, new File(copy, 'repository'), 'resolve.log',
            ['-s', 'resolve-settings.xml', '-f', 'resolve/pom.xml', "-DbrokenVersion=${expected.version}".toString(), 'compile'], false)
    assert exit == 0 : new File(basedir, 'resolve.log').text
    def resolved = new File(copy, expected.broken)
    assert resolved.isFile()
    assert ItEngine.sha256Of(resolved) == ItEngine.sha256Of(original)
} finally {
    engine.cleanup()
}
return true
