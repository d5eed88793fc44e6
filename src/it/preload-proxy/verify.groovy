def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def Models = evaluate(new File(itLib, 'models.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def server = Models.of(basedir)
try {
    String port = new URI(server.url()).port
    String target = "http://models.preload-proxy.invalid:${port}/files/p.bin"
    // without the proxy, the host is unknown: said, with where to look
    ItEngine.logContains(basedir, "models/p.bin (${target}): the host models.preload-proxy.invalid is unknown. " +
            'Check the URL, and the proxy in settings.xml if this network needs one.')
    assert engine.tree(engine.name('models')).keySet() == ['.'] as Set
    // without the token, the gated repository is refused, with where a token goes
    ItEngine.logContains(basedir, "hf:it-org/gated-model@main: HTTP 401 from ${server.url()}/api/models/it-org/gated-model/revision/main. " +
            'The server wants credentials: give the token as the password of the settings.xml <server> that huggingFaceServerId names (huggingface by default), or in HF_TOKEN.')
    assert engine.tree(engine.name('gated')).keySet() == ['.'] as Set
    int before = server.requests.size()

    // with the proxy of settings.xml (and its credentials), the same build downloads through it
    def properties = new Properties()
    new File(basedir, 'models.properties').withReader { properties.load(it) }
    int exit = engine.mavenAgain(basedir, localRepositoryPath, 'proxied.log', ['-s', 'proxy-settings.xml'] +
            properties.collect { name, value -> "-D${name}=${value}".toString() } + ['devcontainer-cache:preload'], false)
    String proxied = new File(basedir, 'proxied.log').getText('UTF-8')
    assert exit == 0: proxied
    // the host is known to the proxy only: the download went through it, with the credentials settings.xml gives
    assert server.requests.contains("PROXY GET ${target}".toString()): server.requests
    assert !server.requests.any { it.startsWith('PROXY refused') }: 'the credentials went with the first request' 
    assert server.requests.count { it == 'GET /files/p.bin' } == 1
    def tree = engine.tree(engine.name('models'))
    assert tree['models/p.bin'].startsWith("file ${Models.sha256(Models.bytes(256 * 1024, 11))} ")
    assert proxied.contains("Preloaded models/p.bin (${target}) into ${engine.name('models')} as models/p.bin, verified")
    assert !proxied.contains('it-proxy-secret')
    assert !proxied.contains('it-hub-token')

    // the token of settings.xml went to the hub, and not to the CDN an LFS file redirects to
    String commit = new File(basedir, 'commit.txt').text
    def second = server.requests.drop(before)
    assert second.contains("GET /api/models/it-org/gated-model/revision/main [Bearer it-hub-token]".toString()): second
    assert second.contains("HEAD /it-org/gated-model/resolve/${commit}/model.bin [Bearer it-hub-token]".toString())
    def cdn = second.findAll { it.startsWith('GET /cdn/') }
    assert cdn.size() == 1 && !cdn[0].contains('Bearer'): cdn
    def gated = engine.tree(engine.name('gated'))
    assert gated["models--it-org--gated-model/snapshots/${commit}/model.bin".toString()]?.startsWith('link ../../blobs/')
    assert gated["models--it-org--gated-model/refs/main".toString()]
} finally {
    server?.stop()
    engine.cleanup()
}
return true
