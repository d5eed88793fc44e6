def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            "would remove ${engine.name('pip')} (2.0 KiB)",
            "would remove ${engine.name('whisper')} (1.0 KiB)",
            'Dry run: would free 3.0 KiB (3072 bytes). Nothing was changed.',
            'BUILD SUCCESS')
    assert engine.contents(engine.name('pip')) == ['a.whl': 'x' * 2048]
    assert engine.contents(engine.name('whisper')) == ['tiny.pt': 'y' * 1024]
} finally {
    engine.cleanup()
}
return true
