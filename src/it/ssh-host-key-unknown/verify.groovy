String text = new File(basedir, 'build.log').getText('UTF-8')
def properties = new Properties()
new File(basedir, 'test.properties').withReader { properties.load(it) }
String host = properties.getProperty('devcontainer-cache.dockerHost')
def address = new URI(System.getenv('DCC_SSH_HOST'))
String hostPort = "${address.host}:${address.port}"
assert text.contains('No container engine answered. Endpoints tried:')
assert text.contains("  - ${host} (devcontainer-cache.dockerHost): ssh does not know the host key of it-unknown-host-key:${address.port} (Host key verification failed.), and does not accept one unasked; check it and accept it once with ssh -p ${address.port} root@it-unknown-host-key, or add it to ~/.ssh/known_hosts")
// one clear message: no stack trace, no transport chatter, and ssh asked nothing
assert !text.contains('\tat ')
assert !text.contains('recoverable I/O exception')
assert !text.toLowerCase().contains('password:')
return true
