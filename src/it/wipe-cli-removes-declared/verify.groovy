def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "removed      ${engine.name('radio-pip-cache')} (",
            "removed      ${engine.name('whisper')} (",
            "absent       ${engine.name('gone')} (nothing to wipe)",
            'Freed ', 'BUILD SUCCESS')
    assert !engine.volumeExists(engine.name('radio-pip-cache'))
    assert !engine.volumeExists(engine.name('whisper'))
    // the decoy with a similar name and the undeclared volume keep every byte
    ['radio-pip-cache-keep', 'undeclared'].each {
        assert engine.contents(engine.name(it)) == ['data.bin': it * 100, '.hidden': 'dot']
    }
    assert ['radio-pip-cache-keep', 'undeclared'].collect { engine.inspectVolume(engine.name(it)).CreatedAt }.join(',') ==
            new File(basedir, 'before.txt').text
} finally {
    engine.cleanup()
}
return true
