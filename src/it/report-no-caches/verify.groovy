import groovy.json.JsonSlurper

def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def dir = new File(basedir, 'target/devcontainer-cache')
// every report is written, though no cache remains
def json = new JsonSlurper().parse(new File(dir, 'report.json'))
assert json.engine.endpoint && json.engine.version && json.generatedAt
assert json.caches == []
def file = '.devcontainer/devcontainer.json'
assert json.skipped.collect { [it.origin, it.reason, it.source, it.target] } == [
        ["${file}:6", 'devcontainerId', 'history-${devcontainerId}', '/home/vscode/.history'],
        ["${file}:7", 'anonymous', null, '/home/vscode/.cache/scratch'],
        ["${file}:8", 'bind', '${localWorkspaceFolder}/data', '/data'],
        ["${file}:9", 'tmpfs', null, '/tmp']]
assert json.skipped.every { it.why }

String md = new File(dir, 'report.md').getText('UTF-8')
assert md.contains('No cache is declared or discovered.')
assert md.contains('## Mounts that are not caches')
assert md.contains("| ${file}:7 | (anonymous) | /home/vscode/.cache/scratch | an anonymous volume")

String html = new File(dir, 'report.html').getText('UTF-8')
assert html.contains('history-${devcontainerId}') && html.contains("${file}:8")
assert !html.contains('<script')

ItEngine.logContains(basedir,
        'Mounts that are not caches (4):',
        "  ${file}:6: history-\${devcontainerId} -> /home/vscode/.history: named after \${devcontainerId}",
        "  ${file}:9: tmpfs -> /tmp: a tmpfs mount",
        'Report written to ',
        'BUILD SUCCESS')
return true
