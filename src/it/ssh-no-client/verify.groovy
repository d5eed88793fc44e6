def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
Ssh.refused(basedir) { host, sshd ->
    "no ssh client: could not run ssh (Cannot run program \"ssh\": error=2, No such file or directory); install" +
            " OpenSSH's client (openssh-client on Debian and Ubuntu, the OpenSSH Client feature on Windows) and put ssh" +
            " on the PATH"
}
return true
