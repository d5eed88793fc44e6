def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.fillInPrefix(new File(basedir, '.devcontainer/docker-compose.yml'))
def project = engine.prefix
// as compose creates them: <project>_<volume>, with its labels
engine.createVolume("${project}_pip-cache".toString(),
        ['com.docker.compose.project': project, 'com.docker.compose.volume': 'pip-cache'])
// made under another project name: found by its labels only
engine.createVolume(engine.name('renamed_models'),
        ['com.docker.compose.project': project, 'com.docker.compose.volume': 'models'])
engine.createVolume(engine.name('database'),
        ['com.docker.compose.project': project, 'com.docker.compose.volume': 'db-data'])
return true
