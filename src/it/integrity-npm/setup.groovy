// A real npm cache, made by npm from the registry, with one byte of is-number's tarball flipped
def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
String volume = engine.name('npm')
def npm = new File(basedir, 'npm-cache')
def made = engine.run(['npm', 'cache', 'add', 'is-number@7.0.0', 'ms@2.1.3', '--cache', npm.path])
assert made.code == 0 : "npm cache add failed (npm and its registry are needed): ${made.err}"
// the content the tarball's index entry names
String integrity = null
new File(npm, '_cacache/index-v5').eachFileRecurse(groovy.io.FileType.FILES) { bucket ->
    bucket.readLines().findAll { it.contains('\t') }.each { line ->
        def entry = new groovy.json.JsonSlurper().parseText(line.split('\t', 2)[1])
        if (entry.key == 'pacote:tarball:is-number@7.0.0') {
            integrity = entry.integrity
        }
    }
}
assert integrity?.startsWith('sha512-')
String hex = Base64.decoder.decode(integrity.substring(7)).encodeHex().toString()
String content = "_cacache/content-v2/sha512/${hex[0..1]}/${hex[2..3]}/${hex.substring(4)}"
def file = new File(npm, content)
def bytes = file.bytes
bytes[bytes.length.intdiv(2)] ^= 0x01
file.bytes = bytes
new File(npm, '_logs').deleteDir()
// npm itself finds exactly one corrupt content in a copy of that cache
def copy = new File(basedir, 'npm-damaged-copy')
engine.sh("cp -R '${npm}' '${copy}'")
def verified = engine.run(['npm', 'cache', 'verify', '--cache', copy.path])
assert verified.code == 0 && verified.out.contains('Corrupted content removed: 1') : verified.out + verified.err
engine.createVolume(volume)
engine.withProbe(volume) { container -> engine.sh("tar -cf - -C '${npm}' . | docker cp - '${container}:/probe'") }
new File(basedir, 'expected.properties').text = "content=${content}\n"
new File(basedir, 'repair.properties').text = "devcontainer-cache.helperImage=${engine.shellImage()}\n"
return true
