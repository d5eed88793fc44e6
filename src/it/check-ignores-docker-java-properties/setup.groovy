def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
def home = new File(basedir, 'fake-home')
home.mkdirs()
new File(home, '.docker-java.properties').text = '''api.version=1.987654
DOCKER_HOST=tcp://127.0.0.1:1
'''
return true
