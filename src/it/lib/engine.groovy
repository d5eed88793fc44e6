// Shared by the integration tests' setup.groovy and verify.groovy:
//   def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir)
// Everything a test makes is named "it-<run>-<project>-..." and removed by cleanup(), which setup also
// registers to run when the build's JVM exits, so a failed test leaves nothing behind either. Nothing else
// on the engine is ever touched.
import groovy.json.JsonSlurper

class ItEngine {
    final String run
    final String prefix
    final File workDir
    /** The engine this test's own docker commands reach; null for the one the environment names. */
    String dockerHost

    ItEngine(String run, File basedir) {
        this.run = run
        this.prefix = "it-${run}-${basedir.name}".toLowerCase()
        this.workDir = new File(basedir, 'target/it-engine')
        workDir.mkdirs()
    }

    static ItEngine forProject(String run, File basedir) {
        new ItEngine(run, basedir)
    }

    private Boolean podman

    /**
     * Whether the engine is Podman's service. Its archive API names root as every file's owner and the entries
     * "/..." instead of "probe/...", and it copies into a volume only when the path names the mount point: the
     * tests then read volumes on the host (they run beside the engine) and copy into the mount point itself.
     */
    boolean isPodman() {
        if (podman == null) {
            podman = ok(['docker', 'version', '--format', '{{range .Server.Components}}{{.Name}} {{end}}']).contains('Podman')
        }
        podman
    }

    private Boolean podmanOfThisUser

    /**
     * Whether the engine is a rootless Podman of this (non-root) user: its storage is this user's, and the owners on
     * the host are the user's subordinate ids, not the container's, in files the user may not read. The tests then
     * read its volumes inside the user's namespaces ({@code podman unshare}, which finds the same storage through
     * XDG_CONFIG_HOME and XDG_RUNTIME_DIR), where the ids are the container's and every file is readable.
     */
    boolean isPodmanOfThisUser() {
        if (podmanOfThisUser == null) {
            podmanOfThisUser = isPodman() && System.getProperty('user.name') != 'root' &&
                    ownerUid(new File(ok(['docker', 'info', '--format', '{{.DockerRootDir}}']).trim())) != 0
        }
        podmanOfThisUser
    }

    private static long ownerUid(File file) {
        (java.nio.file.Files.getAttribute(file.toPath(), 'unix:uid') as Number).longValue()
    }

    /** Runs a shell script on the host as the Podman that holds the volumes: in its namespaces when rootless. */
    String onPodmanHost(String script) {
        isPodmanOfThisUser() ? ok(['podman', 'unshare', 'bash', '-c', 'set -o pipefail; ' + script]) : sh(script)
    }

    /** The volume's directory on this host, where the tests read a Podman volume (see {@link #onPodmanHost}). */
    File hostDirectory(String volume) {
        def dir = new File(inspectVolume(volume).Mountpoint as String)
        if (!isPodmanOfThisUser()) {
            assert dir.isDirectory() && dir.canRead(): "on Podman the tests read volumes on the host, as root: ${dir} is not readable here"
        }
        dir
    }

    /**
     * What tar archives of dir/probe, for {@link #copyInto}: Docker sets the owner of the volume's root only from
     * an entry named after the mount point ("probe/"), copied into the directory above; Podman copies into a volume
     * only when the path names its mount point, and sets the root's owner from "./".
     */
    String copyRoot(File dir) {
        isPodman() ? "'${dir}/probe' ." : "'${dir}' probe"
    }

    /** docker cp of a tar made with {@link #copyRoot}, owners kept: -a on Docker; Podman keeps them without it. */
    String copyInto(String container) {
        isPodman() ? "docker cp - '${container}:/probe'" : "docker cp -a - '${container}:/'"
    }

    /** This test's docker commands go to the engine at host (a private one the test started) from now on. */
    ItEngine onHost(String host) {
        dockerHost = host
        this
    }

    /** The unique name of a volume, container or image this test makes. */
    String name(String suffix) {
        "${prefix}-${suffix}"
    }

    /** Writes this test's unique prefix where a fixture file says @IT_PREFIX@. */
    void fillInPrefix(File file) {
        file.setText(file.getText('UTF-8').replace('@IT_PREFIX@', prefix), 'UTF-8')
    }

    /** Removes what this test made when the build's JVM exits, whatever happened. */
    ItEngine cleanupAtExit() {
        Runtime.runtime.addShutdownHook(new Thread({ cleanup() } as Runnable))
        this
    }

    Map run(List<String> command, byte[] input = null) {
        def builder = new ProcessBuilder(command).redirectErrorStream(false)
        // Where the plugin finds its engine without DOCKER_HOST (a well-known socket), the tests' own docker
        // commands are told where it is.
        String host = dockerHost ?: System.getenv('DCC_IT_DOCKER_HOST')
        if (host) {
            builder.environment().put('DOCKER_HOST', host)
            builder.environment().remove('DOCKER_TLS_VERIFY')
            builder.environment().remove('DOCKER_CERT_PATH')
        }
        def process = builder.start()
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def outPump = Thread.start { out << process.inputStream }
        def errPump = Thread.start { err << process.errorStream }
        if (input != null) {
            process.outputStream.withStream { it.write(input) }
        } else {
            process.outputStream.close()
        }
        int code = process.waitFor()
        outPump.join()
        errPump.join()
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    String ok(List<String> command, byte[] input = null) {
        def result = run(command, input)
        if (result.code != 0) {
            throw new IllegalStateException("${command.join(' ')} failed (${result.code}): ${result.err}${result.out}")
        }
        result.out
    }

    String sh(String script) {
        ok(['bash', '-c', 'set -o pipefail; ' + script])
    }

    void createVolume(String volume, Map<String, String> labels = [:]) {
        def command = ['docker', 'volume', 'create']
        labels.each { k, v -> command += ['--label', "${k}=${v}".toString()] }
        ok(command + [volume])
    }

    /** Removes a volume of this test's. */
    void removeVolume(String volume) {
        assert volume.startsWith(prefix + '-'): "${volume} is not this test's"
        ok(['docker', 'volume', 'rm', volume])
    }

    boolean volumeExists(String volume) {
        run(['docker', 'volume', 'inspect', volume]).code == 0
    }

    Map inspectVolume(String volume) {
        new JsonSlurper().parseText(ok(['docker', 'volume', 'inspect', volume]))[0] as Map
    }

    /** A tiny image of this test's own, made with docker import: nothing can be pulled. */
    String probeImage() {
        String image = name('probe')
        if (run(['docker', 'image', 'inspect', image]).code != 0) {
            def rootFs = new File(workDir, 'probe-rootfs')
            rootFs.mkdirs()
            new File(rootFs, 'probe-image').text = 'probe image of the integration tests\n'
            sh("tar -cf - -C '${rootFs}' . | docker import - '${image}' >/dev/null")
        }
        image
    }

    /** Runs body with a never-started container of the probe image that mounts the volume at /probe. */
    def withProbe(String volume, Closure body) {
        String container = name('probe-' + System.nanoTime())
        ok(['docker', 'create', '--name', container, '--network', 'none', '-v', "${volume}:/probe".toString(),
            probeImage(), '/probe-image'])
        try {
            body(container)
        } finally {
            run(['docker', 'rm', '-f', container])
        }
    }

    /** The uid:gid of the volume's root directory, read with docker cp, independently of the plugin. */
    String rootOwner(String volume) {
        if (isPodman()) {
            return onPodmanHost("stat -c '%u:%g' '${hostDirectory(volume)}'").trim()
        }
        withProbe(volume) { container ->
            String listing = sh("docker cp '${container}:/probe' - | tar -tvf - --numeric-owner | awk 'NR == 1'")
            listing.trim().split(/\s+/)[1].replace('/', ':')
        }
    }

    /** Gives the volume's root directory an owner with docker cp -a, independently of the plugin. */
    void chown(String volume, String owner) {
        def (uid, gid) = owner.split(':')
        def dir = new File(workDir, 'chown-' + System.nanoTime())
        new File(dir, 'probe').mkdirs()
        withProbe(volume) { container ->
            sh("tar --numeric-owner --owner=${uid} --group=${gid} -cf - -C ${copyRoot(dir)} | ${copyInto(container)}")
        }
    }

    /** Writes files (name to text) into the volume with docker cp. */
    void fill(String volume, Map<String, String> files) {
        copyIn(volume, files) { file, text -> file.text = text }
    }

    /** Writes files of the given sizes (zero bytes) into the volume with docker cp. */
    void fillSized(String volume, Map<String, Long> sizes) {
        copyIn(volume, sizes) { file, size -> new RandomAccessFile(file, 'rw').withCloseable { it.setLength(size) } }
    }

    /** Writes count files of random bytes, size bytes each, into the volume with docker cp: a cache that takes time. */
    void fillRandom(String volume, int count, long size) {
        def dir = new File(workDir, 'random-' + System.nanoTime())
        dir.mkdirs()
        sh("for i in \$(seq 1 ${count}); do head -c ${size} /dev/urandom > '${dir}'/file-\$i.bin; done")
        withProbe(volume) { container -> copyTree(dir, container) }
        dir.deleteDir()
    }

    /** Copies a directory of the test's into the volume as it is: folders, files, hard links (tar keeps them). */
    void fillFrom(String volume, File dir) {
        withProbe(volume) { container -> copyTree(dir, container) }
    }

    /** Makes each file with write(file, value) in a directory of the test's, then copies them in with docker cp. */
    private void copyIn(String volume, Map files, Closure write) {
        def dir = new File(workDir, 'fill-' + System.nanoTime())
        dir.mkdirs()
        files.each { path, value ->
            def file = new File(dir, path as String)
            file.parentFile.mkdirs()
            write(file, value)
        }
        withProbe(volume) { container -> copyTree(dir, container) }
    }

    /**
     * Copies a directory's files into the probe's volume. Podman 4.3 extracts in a child process that, on a loaded
     * machine, now and then goes before it has read the whole stream ("passing bulk input to subprocess: write |1:
     * broken pipe"): the same copy again then goes through, and writes the same files.
     */
    private void copyTree(File dir, String container) {
        String copy = "tar -cf - -C '${dir}' . | docker cp - '${container}:/probe'"
        for (int attempt = 1; ; attempt++) {
            def result = run(['bash', '-c', 'set -o pipefail; ' + copy])
            if (result.code == 0) {
                return
            }
            if (attempt == 3 || !String.valueOf(result.err).contains('passing bulk input to subprocess')) {
                throw new IllegalStateException("${copy} failed (${result.code}): ${result.err}")
            }
        }
    }

    /** An image of the test's own with a shell (busybox from Debian's busybox-static), made with docker import. */
    String shellImage() {
        String image = name('shell')
        if (run(['docker', 'image', 'inspect', image]).code != 0) {
            def busybox = new File('/bin/busybox')
            assert busybox.exists(): 'the wipe tests need /bin/busybox: apt-get install busybox-static'
            def rootFs = new File(workDir, 'shell-rootfs')
            new File(rootFs, 'bin').mkdirs()
            sh("cp /bin/busybox '${rootFs}/bin/busybox' && for a in sh rm sleep ls true cat; do ln -sf busybox '${rootFs}/bin/'\$a; done")
            sh("tar -cf - -C '${rootFs}' . | docker import -c 'ENV PATH=/bin' - '${image}' >/dev/null")
        }
        image
    }

    /** A container of the shell image that mounts the volume at /cache: running (sleeping) or created only. */
    String createShellUser(String volume, String suffix, boolean running) {
        String container = name(suffix)
        def command = ['docker', running ? 'run' : 'create'] + (running ? ['-d'] : []) +
                ['--name', container, '--network', 'none', '-v', "${volume}:/cache".toString(), shellImage()] +
                (running ? ['sleep', '600'] : ['ls', '-a', '/cache'])
        ok(command)
        container
    }

    /** A never-started container of the test's own that mounts the volume, as a dev container would. */
    String createUser(String volume, String suffix) {
        String container = name(suffix)
        ok(['docker', 'create', '--name', container, '--network', 'none', '-v', "${volume}:/cache".toString(),
            probeImage(), '/probe-image'])
        container
    }

    static String sha256(String text) {
        java.security.MessageDigest.getInstance('SHA-256').digest(text.getBytes('UTF-8')).encodeHex().toString()
    }

    /** ${hashFiles:...} of these files below base, computed here as the plugin documents it, for expected keys. */
    static String hashFiles(File base, List<String> files) {
        def all = java.security.MessageDigest.getInstance('SHA-256')
        files.sort().each { name ->
            all.update(name.getBytes('UTF-8'))
            all.update((byte) 0)
            all.update(java.security.MessageDigest.getInstance('SHA-256').digest(new File(base, name).bytes))
        }
        all.digest().encodeHex().toString()
    }

    static String sha256Of(File file) {
        java.security.MessageDigest.getInstance('SHA-256').digest(file.bytes).encodeHex().toString()
    }

    /**
     * Every entry of the volume, read with docker cp and tar, independently of the plugin: path to
     * "type uid:gid mode sha256-or-link-target".
     */
    Map<String, String> tree(String volume) {
        def dir = new File(workDir, 'tree-' + System.nanoTime())
        dir.mkdirs()
        if (isPodman()) {
            onPodmanHost("tar --numeric-owner -cf '${dir}/volume.tar' -C '${hostDirectory(volume).parent}' '${hostDirectory(volume).name}'")
        } else {
            withProbe(volume) { container ->
                sh("docker cp '${container}:/probe' - > '${dir}/volume.tar'")
            }
        }
        String listing = sh("""python3 - '${dir}/volume.tar' <<'PY'
import hashlib, sys, tarfile
with tarfile.open(sys.argv[1]) as tar:
    for m in tar.getmembers():
        name = m.name.split('/', 1)[1] if '/' in m.name else '.'
        if m.isfile():
            what = 'file ' + hashlib.sha256(tar.extractfile(m).read()).hexdigest()
        elif m.issym():
            what = 'link ' + m.linkname
        elif m.isdir():
            what = 'dir'
        else:
            what = 'other'
        print('%s\t%s %d:%d %o' % (name, what, m.uid, m.gid, m.mode & 0o7777))
PY""")
        def tree = new TreeMap<String, String>()
        listing.readLines().each { line -> def (path, rest) = line.split('\t', 2); tree[path] = rest }
        tree
    }

    /** Fills a volume with a small cache of every kind of entry, owners and modes included, with docker cp -a. */
    void fillVaried(String volume) {
        def dir = new File(workDir, 'varied-' + System.nanoTime())
        sh("""set -e; mkdir -p '${dir}/probe/http-v2/a/b' '${dir}/probe/wheels'
            printf 'cached response' > '${dir}/probe/http-v2/a/b/c.body'
            head -c 300000 /dev/urandom > '${dir}/probe/wheels/numpy.whl'
            printf 'dot' > '${dir}/probe/.hidden'
            : > '${dir}/probe/empty'
            ln -s ../wheels/numpy.whl '${dir}/probe/http-v2/link'
            chmod 600 '${dir}/probe/.hidden'; chmod 750 '${dir}/probe/wheels'""")
        withProbe(volume) { container ->
            sh("tar --numeric-owner --owner=1000 --group=1000 -cf - -C ${copyRoot(dir)} | ${copyInto(container)}")
        }
    }

    /** Every file of the volume with its content, as docker cp reads them. */
    Map<String, String> contents(String volume) {
        def dir = new File(workDir, 'read-' + System.nanoTime())
        dir.mkdirs()
        if (isPodman()) {
            // -R, not -a: copies owned by whoever copies, readable here where the owners are a rootless Podman's
            onPodmanHost("cp -R '${hostDirectory(volume)}' '${dir}/probe'")
        } else {
            withProbe(volume) { container ->
                sh("docker cp '${container}:/probe' - | tar -xf - -C '${dir}'")
            }
        }
        def root = new File(dir, 'probe')
        def files = [:]
        root.eachFileRecurse(groovy.io.FileType.FILES) { files[root.toPath().relativize(it.toPath()).toString()] = it.text }
        files
    }

    /** Helper containers of the plugin that still mount the volume. */
    List<String> helpersUsing(String volume) {
        ok(['docker', 'ps', '-a', '-q', '--filter', 'label=io.github.devcontainercache.helper=true',
            '--filter', "volume=${volume}".toString()]).readLines().findAll { it.trim() }
    }

    /**
     * Removes every container, volume and image whose name starts with this test's prefix, and the plugin's
     * helper containers that still mount one of its volumes (they would keep the volume from being removed).
     */
    void cleanup() {
        def mine = { String name -> name.startsWith(prefix + '-') || name.startsWith(prefix + '_') }
        def containers = ok(['docker', 'ps', '-a', '--format', '{{.Names}}']).readLines().findAll(mine)
        containers.each { run(['docker', 'rm', '-f', it]) }
        def volumes = ok(['docker', 'volume', 'ls', '-q']).readLines().findAll(mine)
        volumes.each { volume -> helpersUsing(volume).each { run(['docker', 'rm', '-f', it]) } }
        volumes.each { run(['docker', 'volume', 'rm', '-f', it]) }
        def images = ok(['docker', 'images', '--format', '{{.Repository}}']).readLines().findAll(mine)
        images.each { run(['docker', 'rmi', '-f', it]) }
    }

    /**
     * Whether the plugin can know who owns the volume's files: everywhere but on Podman through its archive API,
     * which names the container's user (root) as the owner of every file it reads (rootless Podman always takes it).
     */
    boolean ownersKnown(File basedir, String volume) {
        !isPodman() || mountPointReadable(basedir, volume)
    }

    /**
     * Whether the plugin can know who owns the volume's root (what check compares and seeding gives): as
     * {@link #ownersKnown}, and also on a rootless Podman of this user reached here, whose volume directories the
     * plugin stats and maps back through the engine's own id mappings.
     */
    boolean rootOwnerKnown(File basedir, String volume) {
        ownersKnown(basedir, volume) || (isPodmanOfThisUser() && new File(basedir, 'build.log').getText('UTF-8').contains(') at unix://'))
    }

    /**
     * Whether the plugin may read this volume straight on its mount point: the build reached a local engine over
     * a unix socket, the volume's directory is readable here, and the engine's volumes directory is root's (under
     * rootless Docker or Podman, the ids on the host are not the container's). Elsewhere it reads through the
     * archive API.
     */
    boolean mountPointReadable(File basedir, String volume) {
        String log = new File(basedir, 'build.log').getText('UTF-8')
        def dir = new File(inspectVolume(volume).Mountpoint as String)
        log.contains(') at unix://') && dir.canRead() && dir.parentFile?.parentFile != null &&
                ownerUid(dir.parentFile.parentFile) == 0
    }

    /**
     * Runs Maven again in the test's project, after its invocations, as the next build of a user would: offline,
     * from the invoker's local repository. Its output goes to logName in basedir; returns its exit code.
     */
    int mavenAgain(File basedir, File localRepositoryPath, String logName, List<String> arguments, boolean offline = true) {
        mavenStart(basedir, localRepositoryPath, logName, arguments, offline).waitFor()
    }

    /** Starts Maven as {@link #mavenAgain} does, without waiting for it: a second build running beside another. */
    Process mavenStart(File basedir, File localRepositoryPath, String logName, List<String> arguments, boolean offline = true) {
        // the Maven the invoker runs the tests' builds under, where scripts/test.sh names another than its own
        def mvn = new File(System.getenv('DCC_IT_MAVEN_HOME') ?: System.getProperty('maven.home'), 'bin/mvn').path
        // -llr: the local repository's artifacts came from the invoker's repository, which this build does not name
        def command = [mvn, '-B'] + (offline ? ['-o'] : []) + ['-llr', '-Dstyle.color=never', "-Dmaven.repo.local=${localRepositoryPath}".toString(),
                       "-DitRun=${run}".toString()] + arguments
        def builder = new ProcessBuilder(command*.toString()).directory(basedir).redirectErrorStream(true)
                .redirectOutput(new File(basedir, logName))
        if (dockerHost) {
            builder.environment().put('DOCKER_HOST', dockerHost)
            builder.environment().remove('DOCKER_TLS_VERIFY')
            builder.environment().remove('DOCKER_CERT_PATH')
        }
        builder.start()
    }

    /** The pids of the builds whose helpers mount the volume (from the helpers' labels). */
    List<Long> helperPids(String volume) {
        ok(['docker', 'ps', '-a', '--filter', 'label=io.github.devcontainercache.helper=true',
            '--filter', "volume=${volume}".toString(),
            '--format', '{{.Label "io.github.devcontainercache.helper.pid"}}']).readLines()
                .findAll { it.trim() }.collect { Long.parseLong(it.trim()) }
    }

    /** Waits until a helper of a build other than those given mounts the volume; returns that build's pid. */
    long waitForHelperOf(String volume, List<Long> except = [], long timeoutMillis = 120_000) {
        long deadline = System.currentTimeMillis() + timeoutMillis
        while (System.currentTimeMillis() < deadline) {
            def pid = helperPids(volume).find { !(it in except) }
            if (pid != null) {
                return pid
            }
            Thread.sleep(20)
        }
        throw new AssertionError("no helper of the plugin mounted ${volume} within ${timeoutMillis} ms")
    }

    /** Fails unless build.log contains every text. */
    static void logContains(File basedir, String... texts) {
        String log = new File(basedir, 'build.log').getText('UTF-8')
        texts.each { text ->
            assert log.contains(text): "build.log should contain: ${text}"
        }
    }

    static void logLacks(File basedir, String... texts) {
        String log = new File(basedir, 'build.log').getText('UTF-8')
        texts.each { text ->
            assert !log.contains(text): "build.log should not contain: ${text}"
        }
    }
}

ItEngine
