def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def PrivateEngine = evaluate(new File(itLib, 'private-engine.groovy'))
def dockerd = PrivateEngine.of(basedir)
def engine = ItEngine.forProject(itRun, basedir).onHost(dockerd.host)
def volume = engine.name('pip')
try {
    // a clear failure, which names the engine and what it did not finish, and no stack trace
    ItEngine.logContains(basedir,
            "Exporting ${volume} (read through the archive API)",
            "Exporting ${volume} failed: the connection to the engine at ${dockerd.host} broke before it finished 'read /",
            'check that the engine is still running. The archive it had is left as it was: ',
            "${volume}.tar.zst, of 2026-11-30T14:02:11Z, 293.0 KiB.",
            'BUILD FAILURE')
    ItEngine.logLacks(basedir, '\tat ')
    dockerd.assertBuildFailedSoonAfterKill('the export did not start')
    // the archive of yesterday, byte for byte and with its date, and no temporary file left
    def export = new File(basedir, 'target/devcontainer-cache/export')
    def older = new File(export, "${volume}.tar.zst")
    assert export.list() as List == [older.name]
    assert older.bytes == new File(basedir, 'older.bin').bytes
    assert older.lastModified() == java.time.Instant.parse('2026-11-30T14:02:11Z').toEpochMilli()

    // The engine is back: the killed build's helper is still there, and the next run removes it and exports.
    dockerd.launch()
    String nextLog = dockerd.nextRun(engine, localRepositoryPath, 'devcontainer-cache:export', volume)
    assert nextLog.contains("Exported ${volume}")
    assert export.list() as List == ["${volume}.tar.zst".toString()]
} finally {
    dockerd.removeWith(engine)
}
return true
