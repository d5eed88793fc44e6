def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.fillInPrefix(new File(basedir, '.devcontainer/devcontainer.json'))
['pip', 'whisper', 'npm'].each { engine.createVolume(engine.name(it)) }
engine.chown(engine.name('whisper'), '1000:1000')
return true
