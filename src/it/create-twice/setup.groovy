def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('existing'), ['owner': 'someone-else'])
engine.fill(engine.name('existing'), ['model.pt': 'weights'])
new File(basedir, 'before.txt').text = engine.inspectVolume(engine.name('existing')).CreatedAt
return true
