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
} finally {
    server?.stop()
    engine.cleanup()
}
return true
