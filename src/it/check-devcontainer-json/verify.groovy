def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    ItEngine.logContains(basedir,
            'Read 1 dev container configuration in ',
            'check works on 3 caches:',
            "${engine.name('whisper')} (whisper, /home/vscode/.cache/whisper, owner 1000:1000) from pom, .devcontainer/devcontainer.json:9",
            "${engine.name('pip')} (pip, /home/vscode/.cache/pip) from .devcontainer/devcontainer.json:7",
            "${engine.name('npm')} (npm, /home/vscode/.npm) from .devcontainer/devcontainer.json:17",
            ".devcontainer/devcontainer.json:15: the volume '${engine.name('${devcontainerId}')}' is named after \${devcontainerId}",
            "ok       ${engine.name('whisper')}  owner 1000:1000",
            'All 3 caches exist and are usable.',
            'BUILD SUCCESS')
    ItEngine.logLacks(basedir, '/host-home', '/tmp)')
} finally {
    engine.cleanup()
}
return true
