def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['http-v2/a/b/c.body': 'x' * 3000, 'http-v2/d/e.body': 'y' * 2000,
                                 'wheels/six-1.16.0-py2.py3-none-any.whl': 'w' * 30000, 'selfcheck/s.json': '{}'])
engine.createVolume(engine.name('whisper'))
engine.fillSized(engine.name('whisper'), ['base.pt': 1000L])
engine.createUser(engine.name('pip'), 'devcontainer')
return true
