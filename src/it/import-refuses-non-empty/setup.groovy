def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('source'))
engine.fill(engine.name('source'), ['new.txt': 'new'])
engine.createVolume(engine.name('target'))
engine.fill(engine.name('target'), ['old.txt': 'old'])
new File(basedir, 'export.properties').text = "devcontainer-cache.volume=${engine.name('source')}\ndevcontainer-cache.only=${engine.name('source')}\n"
// export needs the cache declared: through a devcontainer.json of the test's own
new File(basedir, '.devcontainer').mkdirs()
new File(basedir, '.devcontainer/devcontainer.json').text =
        """{ "mounts": ["source=${engine.name('source')},target=/cache,type=volume"] }"""
new File(basedir, 'import.properties').text =
        "devcontainer-cache.from=target/devcontainer-cache/export/${engine.name('source')}.tar.zst\ndevcontainer-cache.volume=${engine.name('target')}\ndevcontainer-cache.discover=false\n"
return true
