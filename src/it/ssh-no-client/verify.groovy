String text = new File(basedir, 'build.log').getText('UTF-8')
def properties = new Properties()
new File(basedir, 'test.properties').withReader { properties.load(it) }
String host = properties.getProperty('devcontainer-cache.dockerHost')
def address = new URI(System.getenv('DCC_SSH_HOST'))
String hostPort = "${address.host}:${address.port}"
assert text.contains('No container engine answered. Endpoints tried:')
assert text.contains("  - ${host} (devcontainer-cache.dockerHost): no ssh client: could not run ssh (Cannot run program \"ssh\": error=2, No such file or directory); install OpenSSH's client (openssh-client on Debian and Ubuntu, the OpenSSH Client feature on Windows) and put ssh on the PATH")
// one clear message: no stack trace, no transport chatter, and ssh asked nothing
assert !text.contains('\tat ')
assert !text.contains('recoverable I/O exception')
assert !text.toLowerCase().contains('password:')
return true
