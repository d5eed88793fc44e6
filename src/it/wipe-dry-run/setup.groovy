def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['a.whl': 'x' * 2048])
engine.createVolume(engine.name('whisper'))
engine.fill(engine.name('whisper'), ['tiny.pt': 'y' * 1024])
return true
