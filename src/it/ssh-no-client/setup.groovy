// Runs against the sshd of scripts/with-engine.sh --ssh (scripts/test.sh's ssh run): DCC_SSH_HOST is its address,
// and the ssh on PATH uses the test's own keys and known_hosts, never ~/.ssh.
def sshHost = System.getenv('DCC_SSH_HOST')
if (!sshHost) {
    throw new IllegalStateException('ssh-no-client needs the sshd of scripts/with-engine.sh --ssh: run it through scripts/test.sh')
}
def address = new URI(sshHost)
// A PATH of every command but ssh (the Maven launcher needs the others), in target/no-ssh
def bin = new File(basedir, 'target/no-ssh')
bin.mkdirs()
System.getenv('PATH').split(File.pathSeparator).each { dir ->
    new File(dir).listFiles()?.each { command ->
        def link = new File(bin, command.name)
        if (command.name != 'ssh' && command.canExecute() && !command.directory && !java.nio.file.Files.exists(link.toPath(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            java.nio.file.Files.createSymbolicLink(link.toPath(), command.toPath())
        }
    }
}
new File(basedir, 'test.properties').text = "devcontainer-cache.dockerHost=${sshHost}\n"
return true
