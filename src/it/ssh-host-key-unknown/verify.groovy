def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
Ssh.refused(basedir) { host, sshd ->
    "ssh does not know the host key of it-unknown-host-key:${sshd.port} (Host key verification failed.), and does not" +
            " accept one unasked; check it and accept it once with ssh -p ${sshd.port} root@it-unknown-host-key, or add" +
            " it to ~/.ssh/known_hosts"
}
return true
