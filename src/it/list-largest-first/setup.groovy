def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('models'))
engine.fillSized(engine.name('models'), ['small.bin': 10L, 'big/model.pt': 3145728L, 'medium.bin': 2048L])
new File(basedir, 'test.properties').text = "devcontainer-cache.volume=${engine.name('models')}\n"
return true
