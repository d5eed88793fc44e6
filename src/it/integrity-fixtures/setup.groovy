// Caches laid out as the tools' documentation describes them, a few entries broken
import java.security.MessageDigest
import java.util.zip.GZIPOutputStream
import java.util.zip.ZipEntry
import java.util.zip.ZipOutputStream

def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
def hex = { String algorithm, byte[] bytes -> MessageDigest.getInstance(algorithm).digest(bytes).encodeHex().toString() }
def write = { File file, byte[] bytes -> file.parentFile.mkdirs(); file.bytes = bytes; file }
def link = { File file, String target -> file.parentFile.mkdirs(); engine.sh("ln -s '${target}' '${file}'") }
def expected = new Properties()

// The Hugging Face hub: a whole repository, and one with a blob that is not what its name says and a dangling link
def hf = new File(basedir, 'fixtures/hf/hub')
byte[] weights = new byte[300_000]
new Random(7).nextBytes(weights)
byte[] config = '{"model_type": "whisper"}\n'.bytes
String commit = 'a' * 40
def repo = new File(hf, 'models--it-org--tiny')
String weightsBlob = hex('SHA-256', weights)
def gitBlob = MessageDigest.getInstance('SHA-1')
gitBlob.update("blob ${config.length}\0".bytes)
String configBlob = gitBlob.digest(config).encodeHex().toString()
write(new File(repo, "blobs/${weightsBlob}"), weights)
write(new File(repo, "blobs/${configBlob}"), config)
link(new File(repo, "snapshots/${commit}/model.bin"), "../../blobs/${weightsBlob}")
link(new File(repo, "snapshots/${commit}/config.json"), "../../blobs/${configBlob}")
write(new File(repo, 'refs/main'), commit.bytes)
def broken = new File(hf, 'models--it-org--broken')
String brokenBlob = hex('SHA-256', 'what the hub sent'.bytes)
write(new File(broken, "blobs/${brokenBlob}"), 'what the disk holds'.bytes)
link(new File(broken, "snapshots/${commit}/weights.bin"), "../../blobs/${brokenBlob}")
link(new File(broken, "snapshots/${commit}/gone.bin"), "../../blobs/${'c' * 64}")
write(new File(broken, 'refs/main'), commit.bytes)
write(new File(broken, "blobs/${'d' * 64}.incomplete"), new byte[1000])
expected.hfRemoved = ["hub/models--it-org--broken/blobs/${brokenBlob}", "hub/models--it-org--broken/snapshots/${commit}/weights.bin",
        "hub/models--it-org--broken/snapshots/${commit}/gone.bin", "hub/models--it-org--broken/blobs/${'d' * 64}.incomplete"].join(',')

// Go's module cache: a module zip with its .ziphash (go.sum's h1:), and one whose .ziphash it does not match
def go = new File(basedir, 'fixtures/go')
def moduleZip = { String module, Map<String, String> files ->
    def bytes = new ByteArrayOutputStream()
    new ZipOutputStream(bytes).withCloseable { zip ->
        files.each { name, text -> zip.putNextEntry(new ZipEntry("${module}/${name}")); zip.write(text.bytes); zip.closeEntry() }
    }
    // as Go's dirhash.Hash1: the files sorted by name, a line each
    def lines = files.keySet().sort().collect { name -> "${hex('SHA-256', files[name].bytes)}  ${module}/${name}\n" }
    [bytes.toByteArray(), 'h1:' + Base64.encoder.encodeToString(MessageDigest.getInstance('SHA-256').digest(lines.join('').bytes))]
}
def (toml, tomlHash) = moduleZip('github.com/!burnt!sushi/toml@v1.2.0', ['go.mod': 'module github.com/BurntSushi/toml\n', 'decode.go': 'package toml\n'])
write(new File(go, 'cache/download/github.com/!burnt!sushi/toml/@v/v1.2.0.zip'), toml)
write(new File(go, 'cache/download/github.com/!burnt!sushi/toml/@v/v1.2.0.ziphash'), tomlHash.bytes)
write(new File(go, 'cache/download/github.com/!burnt!sushi/toml/@v/v1.2.0.mod'), 'module github.com/BurntSushi/toml\n'.bytes)
write(new File(go, 'github.com/!burnt!sushi/toml@v1.2.0/decode.go'), 'package toml\n'.bytes)
def (text, textHash) = moduleZip('golang.org/x/text@v0.3.0', ['go.mod': 'module golang.org/x/text\n'])
write(new File(go, 'cache/download/golang.org/x/text/@v/v0.3.0.zip'), text)
write(new File(go, 'cache/download/golang.org/x/text/@v/v0.3.0.ziphash'), tomlHash.bytes)
expected.goRemoved = 'cache/download/golang.org/x/text/@v/v0.3.0.zip,cache/download/golang.org/x/text/@v/v0.3.0.ziphash'

// Cargo's registry: one crate whole, one cut short
def cargo = new File(basedir, 'fixtures/cargo')
def gzip = { String content -> def b = new ByteArrayOutputStream(); new GZIPOutputStream(b).withCloseable { it.write(content.bytes) }; b.toByteArray() }
String index = 'registry/cache/index.crates.io-6f17d22bba15001f'
write(new File(cargo, "${index}/serde-1.0.200.crate"), gzip('serde ' * 1000))
byte[] libc = gzip('libc ' * 5000 + new Random(3).nextInt())
write(new File(cargo, "${index}/libc-0.2.150.crate"), Arrays.copyOf(libc, libc.length - 20))
write(new File(cargo, 'registry/src/index.crates.io-6f17d22bba15001f/serde-1.0.200/Cargo.toml'), '[package]\n'.bytes)
expected.cargoRemoved = "${index}/libc-0.2.150.crate".toString()

// A uv cache that holds pip's layout, its files the declared owner's but one
def uv = new File(basedir, 'fixtures/uv')
write(new File(uv, 'http-v2/a/b/c.body'), 'cached response'.bytes)
write(new File(uv, 'selfcheck/x.json'), '{}'.bytes)
def rootOwned = new File(basedir, 'fixtures/uv-root')
write(new File(rootOwned, 'wheels/root-owned.json'), 'not a zip'.bytes)

[hf: new File(basedir, 'fixtures/hf'), go: go, cargo: cargo].each { name, dir ->
    engine.createVolume(engine.name(name))
    engine.withProbe(engine.name(name)) { container -> engine.sh("tar -cf - -C '${dir}' . | docker cp - '${container}:/probe'") }
}
engine.createVolume(engine.name('uv'))
engine.withProbe(engine.name('uv')) { container ->
    engine.sh("tar --numeric-owner --owner=1000 --group=1000 -cf - -C '${uv}' . | docker cp -a - '${container}:/probe'")
    engine.sh("tar --numeric-owner --owner=0 --group=0 -cf - -C '${rootOwned}' wheels | docker cp -a - '${container}:/probe'")
}
expected.commit = commit
new File(basedir, 'expected.properties').withOutputStream { expected.store(it, null) }
new File(basedir, 'repair.properties').text = "devcontainer-cache.helperImage=${engine.shellImage()}\n"
return true
