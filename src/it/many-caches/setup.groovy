def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
def volumes = (1..200).collect { engine.name(String.format('c%03d', it)) }
// four at a time: 200 docker commands one after the other would take a while
volumes.collate(50).collect { batch -> Thread.start { batch.each { engine.createVolume(it) } } }*.join()
def pom = new File(basedir, 'pom.xml')
pom.text = pom.text.replace('@CACHES@', volumes.collect { "<cache><volume>${it}</volume></cache>" }.join('\n            '))
return true
