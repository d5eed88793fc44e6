String text = new File(basedir, 'build.log').getText('UTF-8')
def properties = new Properties()
new File(basedir, 'test.properties').withReader { properties.load(it) }
String host = properties.getProperty('devcontainer-cache.dockerHost')
def address = new URI(System.getenv('DCC_SSH_HOST'))
String hostPort = "${address.host}:${address.port}"
assert text.contains('No container engine answered. Endpoints tried:')
assert text.contains("  - ${host} (devcontainer-cache.dockerHost): the ssh server at ${hostPort} refused every key offered (it-nobody@${address.host}: Permission denied (publickey).); add your public key to ~/.ssh/authorized_keys of it-nobody there, or load it into your agent (ssh-add): the plugin runs ssh with BatchMode=yes, so it never asks for a password or passphrase")
// one clear message: no stack trace, no transport chatter, and ssh asked nothing
assert !text.contains('\tat ')
assert !text.contains('recoverable I/O exception')
assert !text.toLowerCase().contains('password:')
return true
