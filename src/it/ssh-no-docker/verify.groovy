String text = new File(basedir, 'build.log').getText('UTF-8')
def properties = new Properties()
new File(basedir, 'test.properties').withReader { properties.load(it) }
String host = properties.getProperty('devcontainer-cache.dockerHost')
def address = new URI(System.getenv('DCC_SSH_HOST'))
String hostPort = "${address.host}:${address.port}"
assert text.contains('No container engine answered. Endpoints tried:')
String noDocker = "${new URI(host).host}:${new URI(host).port}"
assert text.contains("  - ${host} (devcontainer-cache.dockerHost): ${noDocker} answers ssh but has no docker command (bash: line 1: docker: command not found); install the Docker CLI there, or put it on the PATH of non-interactive ssh sessions")
// one clear message: no stack trace, no transport chatter, and ssh asked nothing
assert !text.contains('\tat ')
assert !text.contains('recoverable I/O exception')
assert !text.toLowerCase().contains('password:')
return true
