def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'), ['purpose': 'pip downloads'])
engine.fillVaried(engine.name('pip'))
new File(basedir, 'import-direct.properties').text =
        "devcontainer-cache.from=target/devcontainer-cache/export/${engine.name('pip')}.tar.zst\ndevcontainer-cache.volume=${engine.name('copy')}\n"
new File(basedir, 'import-api.properties').text =
        "devcontainer-cache.from=target/export-api/${engine.name('pip')}.tar.gz\ndevcontainer-cache.volume=${engine.name('copy-api')}\ndevcontainer-cache.readMountPoints=false\n"
return true
