def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('whisper'))
engine.fillSized(engine.name('whisper'), ['tiny.en.pt': 75571315L, 'small.pt': 4096L, 'notes.txt': 5L])
return true
