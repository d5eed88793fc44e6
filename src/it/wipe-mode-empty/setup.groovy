def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['wheels/a.whl': 'wheel', '.hidden': 'dot', '..odd': 'odd', 'http-v2/x/y.body': 'body'])
engine.createShellUser(engine.name('pip'), 'devcontainer', false)
return true
