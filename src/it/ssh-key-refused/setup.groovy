// A user the sshd has no key for.
def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
def address = Ssh.address(basedir)
Ssh.dockerHost(basedir, "ssh://it-nobody@${address.host}:${address.port}")
return true
