def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['wheels/a.whl': 'wheel'])
engine.createShellUser(engine.name('pip'), 'dev-running', true)
return true
