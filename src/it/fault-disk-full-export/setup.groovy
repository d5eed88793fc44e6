// A cache of 1 MiB of random bytes (it does not compress), and the export directory on a tmpfs of 8 MiB of its own:
// the first export fits, and the cache then grows past what the disk holds. Mounting needs root: this test runs in
// the lanes of root only.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
def volume = engine.name('pip')
engine.createVolume(volume)
engine.fillRandom(volume, 2, 512 << 10)

def export = new File(basedir, 'target/devcontainer-cache/export')
export.mkdirs()
def mount = ['mount', '-t', 'tmpfs', '-o', 'size=8m', "it-${itRun}-disk-full".toString(), export.path].execute()
mount.waitFor()
assert mount.exitValue() == 0: "cannot mount a tmpfs on ${export} (this test needs root): ${mount.err.text}"
return true
