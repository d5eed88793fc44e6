def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String volume = engine.name('whisper')
    ItEngine.logContains(basedir,
            "corrupt  ${volume}/tiny.en.pt (72.1 MiB)",
            "partial  ${volume}/small.pt (4.0 KiB)",
            'Cache check failed (2 problems):',
            "Cache '${volume}': tiny.en.pt is corrupt (its SHA-256 is not the expected one). Remove the file (in the dev container: rm /root/.cache/whisper/tiny.en.pt) so that it is downloaded again, or remove the whole cache (docker volume rm ${volume}).",
            "Cache '${volume}': small.pt is partial (4096 of 483617219 bytes), a download that stopped.")
    ItEngine.logLacks(basedir, 'notes.txt')
    // nothing was removed
    assert engine.helpersUsing(volume).isEmpty()
} finally {
    engine.cleanup()
}
return true
