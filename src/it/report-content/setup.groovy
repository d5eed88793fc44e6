def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
def pipFiles = ['http-v2/a/b/c.body': 'x' * 3000, 'http-v2/d.body': 'y' * 2000, 'http/old.body': 'z' * 100,
                'wheels/numpy.whl': 'w' * 50000, 'selfcheck/s.json': '{}']
engine.fill(engine.name('pip'), pipFiles)
new File(basedir, 'checksums.sha256').text =
        "${ItEngine.sha256(pipFiles['wheels/numpy.whl'])}  wheels/numpy.whl\n${ItEngine.sha256('{}')}  selfcheck/s.json\n"
engine.createVolume(engine.name('whisper'))
// a fake model of the right size (zeros: corrupt once hashed) and a truncated one (partial)
engine.fillSized(engine.name('whisper'), ['tiny.pt': 75572083L, 'base.pt': 1000L])
engine.createUser(engine.name('pip'), 'devcontainer')
return true
