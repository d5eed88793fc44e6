def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
Ssh.refused(basedir) { host, sshd ->
    "the ssh server at ${sshd.host}:${sshd.port} refused every key offered (it-nobody@${sshd.host}: Permission denied" +
            " (publickey).); add your public key to ~/.ssh/authorized_keys of it-nobody there, or load it into your" +
            " agent (ssh-add): the plugin runs ssh with BatchMode=yes, so it never asks for a password or passphrase"
}
return true
