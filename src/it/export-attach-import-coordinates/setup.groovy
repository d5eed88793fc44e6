def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('models'))
engine.fillVaried(engine.name('models'))
new File(basedir, 'import.properties').text =
        "devcontainer-cache.from=it.devcontainercache:export-attach-import-coordinates:1.0:cache-${engine.name('models')}\n" +
        "devcontainer-cache.volume=${engine.name('restored')}\n"
return true
