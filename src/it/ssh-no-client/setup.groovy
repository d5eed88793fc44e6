// The sshd's own address, from a PATH of every command but ssh (the Maven launcher needs the others), in
// target/no-ssh: invoker.properties gives it to the build.
def Ssh = evaluate(new File(itLib, 'ssh.groovy'))
def address = Ssh.address(basedir)
def bin = new File(basedir, 'target/no-ssh')
bin.mkdirs()
System.getenv('PATH').split(File.pathSeparator).each { dir ->
    new File(dir).listFiles()?.each { command ->
        def link = new File(bin, command.name)
        if (command.name != 'ssh' && command.canExecute() && !command.directory
                && !java.nio.file.Files.exists(link.toPath(), java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            java.nio.file.Files.createSymbolicLink(link.toPath(), command.toPath())
        }
    }
}
Ssh.dockerHost(basedir, address.toString())
return true
