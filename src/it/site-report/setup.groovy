def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['http-v2/a/b/c.body': 'x' * 3000, 'wheels/six.whl': 'w' * 20000])
engine.createVolume(engine.name('whisper'))
engine.fillSized(engine.name('whisper'), ['base.pt': 1000L])
return true
