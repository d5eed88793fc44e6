// Shared by the ssh-* tests, which run against the sshd of scripts/with-engine.sh --ssh (scripts/test.sh's ssh run):
// DCC_SSH_HOST is its address, and the ssh on PATH uses the test's own keys and known_hosts, never ~/.ssh.
//   def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
//   def address = Ssh.address(basedir)                      // in setup.groovy: the sshd's ssh:// address
//   Ssh.dockerHost(basedir, "ssh://...")                     // the address the test's build reaches for
//   Ssh.refused(basedir) { host, sshd -> "the message" }     // in verify.groovy: the build failed with it, and only it
class Ssh {
    static URI address(File basedir) {
        def host = System.getenv('DCC_SSH_HOST')
        if (!host) {
            throw new IllegalStateException("${basedir.name} needs the sshd of scripts/with-engine.sh --ssh: run it through scripts/test.sh")
        }
        new URI(host)
    }

    /** Makes the build reach for the address (test.properties, which the invoker passes as properties). */
    static void dockerHost(File basedir, String address) {
        new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=${address}\n"
    }

    /**
     * Asserts that the build found no engine, for the reason the closure gives from the address the build reached for
     * and the sshd's: one clear message, no stack trace, no transport chatter, and no prompt of ssh's.
     */
    static void refused(File basedir, Closure<String> reason) {
        String text = new File(basedir, 'build.log').getText('UTF-8')
        def properties = new Properties()
        new File(basedir, 'test.properties').withReader { properties.load(it) }
        String host = properties.getProperty('devcontainer-cache.dockerHost')
        assert text.contains('No container engine answered. Endpoints tried:')
        String expected = "  - ${host} (devcontainer-cache.dockerHost): ${reason(new URI(host), address(basedir))}"
        assert text.contains(expected)
        assert !text.contains('\tat ')
        assert !text.contains('recoverable I/O exception')
        assert !text.toLowerCase().contains('password:')
    }
}
return Ssh
