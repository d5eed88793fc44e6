def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
['running', 'stopped', 'free'].each {
    engine.createVolume(engine.name(it))
    engine.fill(engine.name(it), ['model.pt': "weights of ${it}"])
}
engine.createShellUser(engine.name('running'), 'dev-running', true)
engine.createShellUser(engine.name('stopped'), 'dev-stopped', false)
return true
