def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('npm'))
engine.fillSized(engine.name('npm'), ['_cacache/index': 4096L])
return true
