def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
def Models = evaluate(new File(itLib, 'models.groovy'))
def server = Models.start(basedir)
def a = Models.bytes(3 * 1024 * 1024 + 17, 1)
def dropped = Models.bytes(2 * 1024 * 1024 + 5, 2)
server.file('/files/a.bin', a)
server.file('/files/dropped.bin', dropped)
server.dropHalfwayOnce('/files/dropped.bin')
def commit = server.hubRepository('it-org/tiny-whisper', 'main', [
        'config.json'   : '{"model_type": "whisper"}\n'.bytes,
        'model.bin'     : Models.bytes(1024 * 1024 + 3, 3),
        'vocabulary.txt': 'a\nb\nc\n'.bytes,
        'README.md'     : '# tiny whisper\n'.bytes], ['model.bin'])
new File(basedir, 'models.properties').text = """modelServer=${server.url()}
devcontainer-cache.huggingFaceEndpoint=${server.url()}
aSha256=${Models.sha256(a)}
droppedSha256=${Models.sha256(dropped)}
"""
new File(basedir, 'expected.properties').text = "commit=${commit}\na=${Models.sha256(a)}\ndropped=${Models.sha256(dropped)}\n"
return true
