def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
def seed = new File(basedir, 'seed')
new File(seed, 'sub').mkdirs()
new File(seed, 'notes.txt').text = 'not a model'
new File(seed, 'sub/vocab.json').text = '{}'
new File(basedir, 'tiny.pt').text = 'certainly not the tiny model'
engine.createVolume(engine.name('whisper'))
engine.chown(engine.name('whisper'), '1000:1000')
new File(basedir, 'seed.properties').text = "devcontainer-cache.from=seed\ndevcontainer-cache.volume=${engine.name('whisper')}\n"
new File(basedir, 'fake-model.properties').text = "devcontainer-cache.from=tiny.pt\ndevcontainer-cache.volume=${engine.name('whisper')}\n"
return true
