String text = new File(basedir, 'build.log').getText('UTF-8')
def properties = new Properties()
new File(basedir, 'test.properties').withReader { properties.load(it) }
String host = properties.getProperty('devcontainer-cache.dockerHost')
assert text.contains('No container engine answered. Endpoints tried:')
assert text.contains("  - ${host} (devcontainer-cache.dockerHost): no answer within 2.0 s; is a Docker engine listening there?")
// one clear message: no stack trace, no transport chatter
assert !text.contains('\tat ')
assert !text.contains('recoverable I/O exception')
return true
