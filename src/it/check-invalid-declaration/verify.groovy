def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            'The cache declarations cannot be used (3 problems):',
            "Cache volume name '-${itRun}-bad name'".replace("'-", "'-it-"),
            'is not a valid Docker volume name: it must match [a-zA-Z0-9][a-zA-Z0-9_.-]+',
            "Cache '${engine.name('budget')}' (pom) has <budget>lots</budget>, which is not a size. Write a number and a unit, such as 500MB, 2GB or 1.5GiB.",
            "Cache '${engine.name('budget')}' (pom) has <owner>vscode</owner>, which is not a numeric uid:gid.")
    // nothing was asked of the engine
    ItEngine.logLacks(basedir, '(API ')
    assert !engine.volumeExists(engine.name('budget'))
} finally {
    engine.cleanup()
}
return true
