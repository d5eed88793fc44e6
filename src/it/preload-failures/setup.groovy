def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
def Models = evaluate(new File(itLib, 'models.groovy'))
def server = Models.start(basedir)
server.file('/files/w.bin', Models.bytes(512 * 1024, 7))
server.stall('/files/slow.bin')
// whisper:tiny as a mirror that serves something else would: 1000 bytes, not the model's 75572083
server.file('/whisper/65147644a518d12f04e32d6f3b26facc3f8dd46e5390956a9424a650c0ce22b9/tiny.pt', Models.bytes(1000, 8))
new File(basedir, 'models.properties').text = """modelServer=${server.url()}
devcontainer-cache.whisperBaseUrl=${server.url()}/whisper
"""
return true
