// A loopback port nothing listens on.
def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
def address = Ssh.address(basedir)
def closed = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())
int port = closed.localPort
closed.close()
Ssh.dockerHost(basedir, "ssh://root@${address.host}:${port}")
return true
