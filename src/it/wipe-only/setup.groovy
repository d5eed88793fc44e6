def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
['pip', 'whisper'].each { engine.createVolume(engine.name(it)); engine.fill(engine.name(it), ['f': it]) }
return true
