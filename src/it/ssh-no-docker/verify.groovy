def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
Ssh.refused(basedir) { host, sshd ->
    "${host.host}:${host.port} answers ssh but has no docker command (bash: line 1: docker: command not found);" +
            " install the Docker CLI there, or put it on the PATH of non-interactive ssh sessions"
}
return true
