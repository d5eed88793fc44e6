// On this port of the sshd, the remote command finds no docker.
def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
def address = Ssh.address(basedir)
Ssh.dockerHost(basedir, "ssh://root@${address.host}:${System.getenv('DCC_SSH_NO_DOCKER_PORT')}")
return true
