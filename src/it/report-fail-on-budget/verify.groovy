def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            'Caches over budget (1 cache):',
            "Cache '${engine.name('npm')}' holds 4.0 KiB (4096 bytes), over its budget of 1.0 KiB (1024 bytes).",
            'BUILD FAILURE')
    // the report is written before the build fails
    assert new File(basedir, 'target/devcontainer-cache/report.json').text.contains('"overBudget" : true')
} finally {
    engine.cleanup()
}
return true
