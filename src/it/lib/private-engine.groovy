// A private dockerd of one integration test, which the test may kill and start again: the fault tests.
//   def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
//   def dockerd = PrivateEngine.start(basedir)      // in setup.groovy; stopped when the build's JVM exits
//   def dockerd = PrivateEngine.of(basedir)         // in verify.groovy: the same engine
// Its data-root, exec-root, socket and containerd namespace are its own, under a temporary folder; nothing of
// another engine is touched. Needs root and dockerd (scripts/with-engine.sh installs docker.io).
import java.nio.file.Files

class PrivateEngine {
    final File dir
    final File basedir

    PrivateEngine(File dir, File basedir) {
        this.dir = dir
        this.basedir = basedir
    }

    /** Starts a new private engine for the test in basedir, and registers its removal at the JVM's exit. */
    static PrivateEngine start(File basedir) {
        if (['bash', '-c', 'command -v dockerd'].execute().waitFor() != 0) {
            throw new IllegalStateException('the fault tests start a private dockerd: install docker.io (scripts/with-engine.sh does) and run as root')
        }
        // a short path: a unix socket path must stay under 108 bytes
        def dir = Files.createTempDirectory(new File('/tmp').toPath(), 'dcc-it-').toFile()
        new File(basedir, 'private-engine.dir').text = dir.path
        def engine = new PrivateEngine(dir, basedir)
        Runtime.runtime.addShutdownHook(new Thread({ engine.remove() } as Runnable))
        engine.launch()
        engine
    }

    /** The engine that setup.groovy started for the test in basedir. */
    static PrivateEngine of(File basedir) {
        new PrivateEngine(new File(new File(basedir, 'private-engine.dir').text.trim()), basedir)
    }

    String getHost() {
        "unix://${dir}/docker.sock"
    }

    /** The pid of the running dockerd. */
    long getPid() {
        Long.parseLong(new File(dir, 'started.pid').text.trim())
    }

    /** Starts dockerd (again, after a kill: same data) and waits until it answers. */
    void launch() {
        // A killed dockerd leaves its containerd running, which would keep a new one from starting: stop it, as
        // systemd stops the whole service before it starts it again.
        stopContainerd()
        def namespace = 'dcc-it-' + dir.name.toLowerCase().replaceAll(/[^a-z0-9]/, '')
        def command = ['dockerd', '--host', host, '--data-root', "${dir}/data", '--exec-root', "${dir}/exec",
                       '--pidfile', "${dir}/dockerd.pid", '--bridge=none', '--iptables=false', '--ip6tables=false',
                       '--containerd-namespace', namespace, '--containerd-plugins-namespace', namespace + '-plugins']
        def process = new ProcessBuilder(command*.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(new File(dir, 'dockerd.log'))).start()
        new File(dir, 'started.pid').text = process.pid().toString()
        for (int i = 0; i < 300 && !answers(); i++) {
            if (!process.alive) {
                throw new IllegalStateException("the private dockerd did not start: " + logTail())
            }
            Thread.sleep(100)
        }
        if (!answers()) {
            throw new IllegalStateException("the private dockerd did not answer within 30 s: " + logTail())
        }
    }

    private String logTail() {
        new File(dir, 'dockerd.log').readLines().takeRight(10).join('\n')
    }

    boolean answers() {
        ['curl', '-fsS', '--max-time', '2', '--unix-socket', "${dir}/docker.sock", 'http://localhost/_ping']
                .execute().waitFor() == 0
    }

    /**
     * Kills dockerd from a background thread as soon as ready() holds (and delayMillis more have passed), and notes
     * when in killed-at: the fault tests' setup arms it, the build under test trips it.
     */
    void killWhen(long delayMillis = 0, Closure<Boolean> ready) {
        Thread.startDaemon('it-engine-killer') {
            long deadline = System.currentTimeMillis() + 180_000
            while (System.currentTimeMillis() < deadline) {
                if (ready()) {
                    Thread.sleep(delayMillis)
                    kill()
                    new File(basedir, 'killed-at').text = System.currentTimeMillis().toString()
                    return
                }
                Thread.sleep(5)
            }
        }
    }

    /**
     * Fails unless the engine was killed and the build then failed within seconds (the last second started
     * counts), not after its response timeout of 600 s. why: what it means that the engine was never killed.
     */
    void assertBuildFailedSoonAfterKill(String why) {
        def killed = new File(basedir, 'killed-at')
        assert killed.exists(): "the engine was never killed: ${why}"
        def times = new File(basedir, 'build.log').getText('UTF-8').findAll(/Finished at: (\S+)/) { all, time -> time }
        assert times: 'build.log has no "Finished at:" line'
        long failedAfter = java.time.OffsetDateTime.parse(times.last()).toInstant().toEpochMilli() - Long.parseLong(killed.text)
        assert failedAfter < 30_000: "the build went on for ${failedAfter} ms after the engine died"
    }

    /**
     * With the engine back, runs the next build (the goal, on this engine) as a user would after the killed one,
     * and returns its log: it must succeed, and first remove the helper the killed build left on the volume.
     */
    String nextRun(def engine, File localRepositoryPath, String goal, String leftoverOn) {
        assert !engine.helpersUsing(leftoverOn).isEmpty(): 'the killed build left no helper: nothing to clean up was tested'
        int code = engine.mavenAgain(basedir, localRepositoryPath, 'next-run.log',
                [goal, "-Ddevcontainer-cache.dockerHost=${host}".toString()])
        String log = new File(basedir, 'next-run.log').getText('UTF-8')
        assert code == 0: log
        assert log =~ /Removed helper container .*, left behind by a build that was interrupted/
        assert engine.helpersUsing(leftoverOn).isEmpty()
        log
    }

    /** Removes what the test made (where the engine still answers), then the engine and every file of it. */
    void removeWith(def engine) {
        if (answers()) {
            engine.cleanup()
        }
        remove()
    }

    /** How many helper containers of the plugin the engine holds, asked with curl (quicker than the docker CLI). */
    int helperCount() {
        def filters = URLEncoder.encode('{"label":["io.github.devcontainercache.helper=true"]}', 'UTF-8')
        def out = ['curl', '-fsS', '--max-time', '2', '--unix-socket', "${dir}/docker.sock",
                   "http://localhost/containers/json?all=1&filters=${filters}"].execute().text
        out.trim().startsWith('[') ? new groovy.json.JsonSlurper().parseText(out).size() : 0
    }

    /** Kills dockerd by its pid (SIGKILL), as a crash or an out-of-memory kill would, and waits until it is gone. */
    void kill() {
        def handle = ProcessHandle.of(pid)
        handle.ifPresent { it.destroyForcibly() }
        handle.ifPresent { it.onExit().get() }
    }

    private void stopContainerd() {
        def pidFile = new File(dir, 'exec/containerd/containerd.pid')
        if (pidFile.exists()) {
            ProcessHandle.of(Long.parseLong(pidFile.text.trim())).ifPresent { it.destroyForcibly(); it.onExit().get() }
        }
    }

    /** Stops dockerd and its containerd, unmounts what they left and removes every file of the engine. */
    void remove() {
        ProcessHandle.of(pid).ifPresent { p -> p.destroy(); try { p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) } catch (e) { p.destroyForcibly() } }
        stopContainerd()
        ['bash', '-c', "grep -o ' ${dir}[^ ]*' /proc/mounts | sort -r | while read -r m; do umount -l \"\$m\"; done; rm -rf '${dir}'"]
                .execute().waitFor()
    }
}

PrivateEngine
