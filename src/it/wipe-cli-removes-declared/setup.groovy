def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
['radio-pip-cache', 'whisper', 'radio-pip-cache-keep', 'undeclared'].each {
    engine.createVolume(engine.name(it))
    engine.fill(engine.name(it), ['data.bin': it * 100, '.hidden': 'dot'])
}
new File(basedir, 'before.txt').text = ['radio-pip-cache-keep', 'undeclared'].collect { engine.inspectVolume(engine.name(it)).CreatedAt }.join(',')
return true
