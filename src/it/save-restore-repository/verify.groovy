import groovy.json.JsonSlurper

def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def Httpd = evaluate(new File(itLib, 'httpd.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
String volume = engine.name('pip')
String artifactId = "save-restore-repository-cache-${volume}"
String hash = ItEngine.hashFiles(basedir, ['requirements.txt'])
def key = { String variant -> "pip-Linux-${variant}-${hash}".toString() }
def httpd = Httpd.start(new File(basedir, 'target/httpd'))
def settings = new File(basedir, 'target/settings.xml')
settings.text = """<settings><servers><server><id>secure-caches</id><username>${Httpd.USER}</username>
<password>${httpd.password}</password></server></servers></settings>"""
def plainRepository = "caches::${httpd.url()}"
int builds = 0
// a build after the invoker's, offline as a user's next one, but for the loopback repository and file:// ones
def start = { List<String> arguments ->
    engine.mavenStart(basedir, localRepositoryPath, "build-${++builds}.log", ['-s', settings.path,
            '-Daether.offline.hosts=127.0.0.1', '-Daether.offline.protocols=file',
            "-DcacheRepository=${plainRepository}".toString()] + arguments)
}
def mvn = { List<String> arguments, int expected = 0 ->
    String log = "build-${builds + 1}.log"
    int code = start(arguments).waitFor()
    String text = new File(basedir, log).getText('UTF-8')
    assert (expected == 0 ? code == 0 : code != 0) : "build ${log} ended with ${code}:\n${text}"
    text
}
def restored = { new JsonSlurper().parse(new File(basedir, 'target/devcontainer-cache/restore.json')).caches[0] }
def puts = { httpd.requests('PUT').size() }
try {
    // the invoker's save went to a file:// repository, as a version of the cache's artifact
    ItEngine.logContains(basedir, "Cache '${volume}' saved under key ${key('1')} in local-caches (file://", 'BUILD SUCCESS')
    def fileRepo = new File(basedir, "target/file-repo/it/devcontainercache/${artifactId}")
    assert new File(fileRepo, "${key('1')}/${artifactId}-${key('1')}.tar.zst").isFile()
    assert new File(fileRepo, 'maven-metadata.xml').text.contains("<version>${key('1')}</version>")
    // and comes back from it
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', "-DcacheRepository=local-caches::file://${basedir}/target/file-repo".toString()])
            .contains("Cache '${volume}': cacheHit=exact")
    assert engine.contents(volume)['wheels/numpy.whl'] == 'one' * 1000

    // httpd: a save is a deploy
    assert mvn(['devcontainer-cache:save']).contains("Cache '${volume}' saved under key ${key('1')} in caches (${httpd.url()})")
    int deployed = puts()
    assert httpd.requests('PUT').any { it.startsWith("PUT /it/devcontainercache/${artifactId}/${key('1')}/${artifactId}-${key('1')}.tar.zst 201") }
    assert httpd.requests('PUT').any { it.startsWith("PUT /it/devcontainercache/${artifactId}/maven-metadata.xml ") }
    // an immutable key is not uploaded again, and saying so costs one request
    int requestsBefore = new File(httpd.dir, 'access.log').readLines().size()
    assert mvn(['devcontainer-cache:save']).contains("is saved under key ${key('1')} in caches (${httpd.url()}) already")
    assert puts() == deployed
    assert new File(httpd.dir, 'access.log').readLines().size() - requestsBefore == 1

    // three keys of one prefix, deployed one after the other: the last is the newest
    engine.fill(volume, ['wheels/numpy.whl': 'two' * 1000])
    mvn(['devcontainer-cache:save', '-DkeyVariant=2'])
    engine.fill(volume, ['wheels/numpy.whl': 'three' * 1000])
    mvn(['devcontainer-cache:save', '-DkeyVariant=3'])
    assert httpd.file("it/devcontainercache/${artifactId}/maven-metadata.xml").text
            .findAll(/<version>[^<]+<\/version>/).size() == 3

    // exact hit
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=1']).contains("Cache '${volume}' restored from key ${key('1')}.")
    assert engine.contents(volume) == ['wheels/numpy.whl': 'one' * 1000, 'http-v2/a/b.body': 'response']
    assert restored().cacheHit == 'exact'
    // partial hit: the newest of the three with the prefix
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=9'])
            .contains("Cache '${volume}': cacheHit=partial, key ${key('9')}, matchedKey ${key('3')}.")
    assert engine.contents(volume)['wheels/numpy.whl'] == 'three' * 1000
    // miss, then miss with failOnCacheMiss
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=9', '-DrestorePrefix=npm-']).contains('cacheHit=miss')
    assert !engine.volumeExists(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=9', '-DrestorePrefix=npm-',
                '-Ddevcontainer-cache.failOnCacheMiss=true'], 1).contains('No stored key matches 1 cache')

    // two saves of one key at once: both end well, the key is listed once, and what is stored is whole
    engine.createVolume(volume)
    engine.fill(volume, ['wheels/numpy.whl': 'five' * 1000])
    def both = [start(['devcontainer-cache:save', '-DkeyVariant=5']), start(['devcontainer-cache:save', '-DkeyVariant=5'])]
    assert both*.waitFor() == [0, 0]
    assert httpd.file("it/devcontainercache/${artifactId}/maven-metadata.xml").text.count("<version>${key('5')}</version>") == 1
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=5']).contains("restored from key ${key('5')}.")
    assert engine.contents(volume)['wheels/numpy.whl'] == 'five' * 1000

    // a repository that needs credentials: the password from settings.xml, never printed
    def secure = "-DcacheRepository=secure-caches::${httpd.url('secure')}".toString()
    String savedSecure = mvn(['devcontainer-cache:save', '-DkeyVariant=5', secure])
    assert savedSecure.contains("saved under key ${key('5')} in secure-caches")
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=5', secure]).contains("restored from key ${key('5')}.")
    assert httpd.requests('PUT').any { it.startsWith('PUT /secure/') && it.endsWith(' 201') }
    // without them, refused with what to check
    settings.text = '<settings/>'
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=5', secure], 1)
            .contains("The keys of cache '${volume}' could not be read from secure-caches")
    basedir.eachFileMatch(~/build-\d+\.log/) { log -> assert !log.text.contains(httpd.password) }

    // an archive cut short in the repository: refused as import refuses it, and nothing written
    def stored = httpd.file("it/devcontainercache/${artifactId}/${key('1')}/${artifactId}-${key('1')}.tar.zst")
    new RandomAccessFile(stored, 'rw').withCloseable { it.setLength(stored.length().intdiv(2)) }
    String refused = mvn(['devcontainer-cache:restore', '-DkeyVariant=1'], 1)
    assert refused.contains("Restoring cache '${volume}' from key ${key('1')} of caches")
    assert !engine.volumeExists(volume)
} finally {
    httpd.stop()
    engine.cleanup()
}
return true
