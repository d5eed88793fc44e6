// Runs against the sshd of scripts/with-engine.sh --ssh (scripts/test.sh's ssh run): DCC_SSH_HOST is its address,
// and the ssh on PATH uses the test's own keys and known_hosts, never ~/.ssh.
def sshHost = System.getenv('DCC_SSH_HOST')
if (!sshHost) {
    throw new IllegalStateException('ssh-no-docker needs the sshd of scripts/with-engine.sh --ssh: run it through scripts/test.sh')
}
def address = new URI(sshHost)
// on this port of the sshd, the remote command finds no docker
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=ssh://root@${address.host}:${System.getenv('DCC_SSH_NO_DOCKER_PORT')}\n"
return true
