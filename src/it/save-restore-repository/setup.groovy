def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
new File(basedir, 'requirements.txt').text = 'numpy==2.1.0\n'
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['wheels/numpy.whl': 'one' * 1000, 'http-v2/a/b.body': 'response'])
return true
