def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir, 'Caches over budget (1 cache):', 'BUILD FAILURE')
    // held against the disk it takes where that is known (du on the mount point), else against its content (the
    // engine's df through the archive API)
    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert log =~ /Cache '${engine.name('npm')}' (takes [0-9.]+ KiB \([0-9]+ bytes on disk\)|holds 4\.0 KiB \(4096 bytes of content\)), over its budget of 1\.0 KiB \(1024 bytes\)\./
    // the report is written before the build fails
    assert new File(basedir, 'target/devcontainer-cache/report.json').text.contains('"overBudget" : true')
} finally {
    engine.cleanup()
}
return true
