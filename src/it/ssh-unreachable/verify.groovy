String text = new File(basedir, 'build.log').getText('UTF-8')
def properties = new Properties()
new File(basedir, 'test.properties').withReader { properties.load(it) }
String host = properties.getProperty('devcontainer-cache.dockerHost')
def address = new URI(System.getenv('DCC_SSH_HOST'))
String hostPort = "${address.host}:${address.port}"
assert text.contains('No container engine answered. Endpoints tried:')
def unreachable = new URI(host)
assert text.contains("  - ${host} (devcontainer-cache.dockerHost): cannot reach ${unreachable.host}:${unreachable.port} over ssh (ssh: connect to host ${unreachable.host} port ${unreachable.port}: Connection refused); check the host name and port, and that an ssh server runs there")
// one clear message: no stack trace, no transport chatter, and ssh asked nothing
assert !text.contains('\tat ')
assert !text.contains('recoverable I/O exception')
assert !text.toLowerCase().contains('password:')
return true
