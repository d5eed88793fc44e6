def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    // the engine answered in its own API version, found through the real DOCKER_HOST
    def apiVersion = engine.ok(['docker', 'version', '--format', '{{.Server.APIVersion}}']).trim()
    ItEngine.logContains(basedir, "(API ${apiVersion}) at ", "ok       ${engine.name('pip')}", 'BUILD SUCCESS')
    ItEngine.logLacks(basedir, '1.987654', '127.0.0.1:1 ')
} finally {
    engine.cleanup()
}
return true
