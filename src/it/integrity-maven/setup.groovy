// A cache holding part of a real Maven local repository, the one this test's builds use, with one jar cut in half
def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
String volume = engine.name('m2')
engine.createVolume(volume)
def m2 = new File(basedir, 'm2')
['org/apache/commons/commons-compress', 'com/fasterxml/jackson/core/jackson-core'].each { artifact ->
    def from = new File(localRepositoryPath, artifact)
    assert from.isDirectory(): "${from} is not in the test's local repository"
    engine.sh("mkdir -p '${m2}/repository/${artifact}' && cp -R '${from}/.' '${m2}/repository/${artifact}/'")
}
// a version whose jar is there: a local repository may also hold versions of which only the POM was needed
def jar = new File(m2, 'repository/org/apache/commons/commons-compress').listFiles().findAll { it.isDirectory() }
        .sort { it.name }.collectMany { (it.listFiles() ?: []).findAll { f -> f.name.endsWith('.jar') } as List }
        .find { true }
assert jar: "no jar of commons-compress in the test's local repository"
String version = jar.parentFile.name
new RandomAccessFile(jar, 'rw').withCloseable { it.setLength(it.length().intdiv(2)) }
String broken = m2.toPath().relativize(jar.toPath()).toString()
def sidecars = jar.parentFile.listFiles().findAll { it.name == jar.name + '.sha1' || it.name == jar.name + '.sha256' }
engine.withProbe(volume) { container -> engine.sh("tar -cf - -C '${m2}' . | docker cp - '${container}:/probe'") }
new File(basedir, 'expected.properties').text = "version=${version}\nbroken=${broken}\n" +
        "removed=${([broken] + sidecars.collect { m2.toPath().relativize(it.toPath()).toString() }).join(',')}\n"
// the archive API cannot delete: there, the repair's rm runs in a container of the test's shell image
new File(basedir, 'repair.properties').text = "devcontainer-cache.helperImage=${engine.shellImage()}\n"
return true
