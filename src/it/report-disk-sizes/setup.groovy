import java.nio.file.Files

def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir).cleanupAtExit()
String volume = engine.name('pip')
engine.createVolume(volume)
// pip's http-v2 layout: many folders for few small files, which is where content and disk differ most
def tree = new File(basedir, 'target/tree')
long content = 0
for (int i = 0; i < 200; i++) {
    def file = new File(tree, String.format('http-v2/%x/%x/%02x.body', i % 16, i, i))
    file.parentFile.mkdirs()
    file.text = 'b' * (100 + i)
    content += 100 + i
}
def wheel = new File(tree, 'wheels/numpy.whl')
wheel.parentFile.mkdirs()
wheel.bytes = new byte[50000]
content += 50000
// a second name of the wheel: Docker and du count its bytes once
Files.createLink(new File(tree, 'wheels/numpy-link.whl').toPath(), wheel.toPath())
engine.fillFrom(volume, tree)
new File(basedir, 'target/content-bytes').text = String.valueOf(content)
return true
