def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['http-v2/a.body': 'cached wheel'])
engine.createVolume(engine.name('whisper'))
engine.chown(engine.name('whisper'), '1000:1000')
new File(basedir, 'before.txt').text = engine.inspectVolume(engine.name('pip')).CreatedAt
return true
