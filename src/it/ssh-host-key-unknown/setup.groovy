// Runs against the sshd of scripts/with-engine.sh --ssh (scripts/test.sh's ssh run): DCC_SSH_HOST is its address,
// and the ssh on PATH uses the test's own keys and known_hosts, never ~/.ssh.
def sshHost = System.getenv('DCC_SSH_HOST')
if (!sshHost) {
    throw new IllegalStateException('ssh-host-key-unknown needs the sshd of scripts/with-engine.sh --ssh: run it through scripts/test.sh')
}
def address = new URI(sshHost)
// it-unknown-host-key is the same sshd, under a name the test's known_hosts does not hold
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=ssh://root@it-unknown-host-key:${address.port}\n"
return true
