import groovy.json.JsonSlurper
import java.nio.file.Files
import java.nio.file.attribute.FileTime

def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
String volume = engine.name('pip')
def store = new File(basedir, 'target/store/' + volume)
String hash = ItEngine.hashFiles(basedir, ['requirements.txt'])
def key = { String variant -> "pip-Linux-${variant}-${hash}".toString() }
def archive = { String variant -> new File(store, key(variant) + '.tar.zst') }
int builds = 0
// a build after the invoker's, offline as a user's next one; returns its log
def mvn = { List<String> arguments, int expected = 0 ->
    String log = "build-${++builds}.log"
    int code = engine.mavenAgain(basedir, localRepositoryPath, log, ['-Ddevcontainer-cache.store=target/store'] + arguments)
    String text = new File(basedir, log).getText('UTF-8')
    assert (expected == 0 ? code == 0 : code != 0) : "build ${log} ended with ${code}:\n${text}"
    text
}
def restored = { new JsonSlurper().parse(new File(basedir, 'target/devcontainer-cache/restore.json')).caches[0] }
try {
    // the first save: the key from the pom, its ${os} and ${hashFiles:requirements.txt} evaluated
    ItEngine.logContains(basedir, "Cache '${volume}' saved under key ${key('1')} in ", 'BUILD SUCCESS')
    assert archive('1').isFile()

    // two more keys with the same prefix, each of another content
    engine.fill(volume, ['wheels/numpy.whl': 'two' * 1000])
    assert mvn(['devcontainer-cache:save', '-DkeyVariant=2']).contains("saved under key ${key('2')}")
    engine.fill(volume, ['wheels/numpy.whl': 'three' * 1000])
    assert mvn(['devcontainer-cache:save', '-DkeyVariant=3']).contains("saved under key ${key('3')}")
    // the newest is the second, whatever the names' order
    long now = System.currentTimeMillis()
    [['1', 20], ['2', 0], ['3', 10]].each { variant, minutesAgo ->
        Files.setLastModifiedTime(archive(variant).toPath(), FileTime.fromMillis(now - minutesAgo * 60_000L))
    }

    // a key is saved once: a second save of it writes nothing
    long bytes = archive('1').length()
    long modified = archive('1').lastModified()
    assert mvn(['devcontainer-cache:save', '-DkeyVariant=1'])
            .contains("Cache '${volume}' is saved under key ${key('1')} in ${store.parentFile} already; a key's archive never changes, so nothing is written.")
    assert archive('1').length() == bytes && archive('1').lastModified() == modified

    // exact hit, into an absent volume
    engine.removeVolume(volume)
    String exact = mvn(['devcontainer-cache:restore', '-DkeyVariant=1'])
    assert exact.contains("Cache '${volume}': cacheHit=exact, key ${key('1')}, matchedKey ${key('1')}.")
    assert exact.contains("Cache '${volume}' restored from key ${key('1')}.")
    assert engine.contents(volume) == ['wheels/numpy.whl': 'one' * 1000, 'http-v2/a/b.body': 'response']
    assert restored() == [volume: volume, key: key('1'), cacheHit: 'exact', matchedKey: key('1'), restored: true,
                          store: store.parentFile.path]

    // partial hit: no key 9, the newest of the three with the prefix
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=9'])
            .contains("Cache '${volume}': cacheHit=partial, key ${key('9')}, matchedKey ${key('2')}.")
    assert engine.contents(volume)['wheels/numpy.whl'] == 'two' * 1000
    // the report of the same build says it
    mvn(['devcontainer-cache:report'])
    def reported = new JsonSlurper().parse(new File(basedir, 'target/devcontainer-cache/report.json')).caches[0]
    assert reported.restore == [key: key('9'), cacheHit: 'partial', matchedKey: key('2'), restored: true]

    // never into a cache that holds files
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=1'])
            .contains("Cache '${volume}' holds files already: restore fills only an absent or empty cache")
    assert engine.contents(volume)['wheels/numpy.whl'] == 'two' * 1000
    assert restored().restored == false

    // a miss is no failure, and makes nothing
    engine.removeVolume(volume)
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=9', '-DrestorePrefix=npm-'])
            .contains("Cache '${volume}': cacheHit=miss, key ${key('9')}.")
    assert !engine.volumeExists(volume)
    assert restored().cacheHit == 'miss' && restored().matchedKey == null
    // unless asked
    assert mvn(['devcontainer-cache:restore', '-DkeyVariant=9', '-DrestorePrefix=npm-',
                '-Ddevcontainer-cache.failOnCacheMiss=true'], 1)
            .contains("No stored key matches 1 cache: ${volume}. -Ddevcontainer-cache.failOnCacheMiss=false lets the build go on and fill them.")

    // retention: the newest key per prefix stays
    String dry = mvn(['devcontainer-cache:prune', '-Ddevcontainer-cache.keep=1', '-Ddevcontainer-cache.dryRun=true'])
    assert dry.contains("Would remove cache '${volume}' key ${key('3')}.") && dry.contains("Would remove cache '${volume}' key ${key('1')}.")
    assert archive('1').isFile() && archive('3').isFile()
    mvn(['devcontainer-cache:prune', '-Ddevcontainer-cache.keep=1'])
    assert store.list().sort() == [key('2') + '.tar.zst']

    // no store named: what to set
    String noStore = new File(basedir, 'no-store.log').with { log ->
        int code = engine.mavenAgain(basedir, localRepositoryPath, log.name, ['devcontainer-cache:save'])
        assert code != 0
        log.getText('UTF-8')
    }
    assert noStore.contains('devcontainer-cache:save needs a store for its keyed archives: set -Ddevcontainer-cache.store=/a/shared/folder')
} finally {
    engine.cleanup()
}
return true
