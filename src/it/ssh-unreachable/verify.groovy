def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
Ssh.refused(basedir) { host, sshd ->
    "cannot reach ${host.host}:${host.port} over ssh (ssh: connect to host ${host.host} port ${host.port}: Connection" +
            " refused); check the host name and port, and that an ssh server runs there"
}
return true
