def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['wheels/a.whl': 'wheel', '.hidden': 'dot'])
new File(basedir, 'image.properties').text = "devcontainer-cache.helperImage=${engine.shellImage()}\n"
return true
