def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
def volume = engine.name('pip')
engine.createVolume(volume)
engine.fillVaried(volume)
engine.fillRandom(volume, 30, 2 << 20)
return true
