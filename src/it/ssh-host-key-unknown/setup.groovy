// it-unknown-host-key is the same sshd, under a name the test's known_hosts does not hold.
def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
def address = Ssh.address(basedir)
Ssh.dockerHost(basedir, "ssh://root@it-unknown-host-key:${address.port}")
return true
