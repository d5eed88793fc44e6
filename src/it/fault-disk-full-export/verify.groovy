// The export that fitted made the archive of "yesterday". The cache then grows to 12 MiB, more than the disk holds,
// and two more exports fail, one on the mount point and one through the archive API: each says why and names the
// older archive, which stays byte for byte, with no temporary file beside it.
def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def volume = engine.name('pip')
def export = new File(basedir, 'target/devcontainer-cache/export')
try {
    ItEngine.logContains(basedir, "Exported ${volume} to ")
    def older = new File(export, "${volume}.tar.zst")
    byte[] olderBytes = older.bytes
    long olderModified = older.lastModified()
    assert olderBytes.length > (1 << 20)
    String olderNamed = "The archive it had is left as it was: ${older}, of " +
            java.time.Instant.ofEpochMilli(olderModified).truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + ', '

    engine.fillRandom(volume, 12, 1 << 20)
    [['mount-point.log', []], ['archive-api.log', ['-Ddevcontainer-cache.readMountPoints=false']]].each { run ->
        int code = engine.mavenAgain(basedir, localRepositoryPath, run[0], ['devcontainer-cache:export'] + run[1])
        String log = new File(basedir, run[0]).getText('UTF-8')
        assert code != 0: log
        assert log.contains("Exporting ${volume} failed: No space left on device. ${olderNamed}"): log
        assert !log.contains('\tat '): log
        assert older.bytes == olderBytes
        assert older.lastModified() == olderModified
        assert export.list() as List == [older.name]
    }
    // the lanes of root read the first two on the mount point (the engine's own host); the third went through the API
    String firstPath = engine.mountPointReadable(basedir, volume) ? 'read on the mount point' : 'read through the archive API'
    ItEngine.logContains(basedir, "Exporting ${volume} (${firstPath})")
    assert new File(basedir, 'mount-point.log').text.contains("Exporting ${volume} (${firstPath})")
    assert new File(basedir, 'archive-api.log').text.contains("Exporting ${volume} (read through the archive API)")
} finally {
    ['umount', export.path].execute().waitFor()
    engine.cleanup()
}
return true
