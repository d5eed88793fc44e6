def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
def project = engine.prefix
try {
    ItEngine.logContains(basedir,
            'check works on 3 caches:',
            "${project}_pip-cache (pip, /root/.cache/pip) from .devcontainer/docker-compose.yml:7",
            "${project}_models (huggingface, /root/.cache/huggingface) from .devcontainer/docker-compose.yml:9",
            "${project}-database (generic, /var/lib/postgresql/data) from .devcontainer/docker-compose.yml:14",
            "Volume '${project}_models' does not exist, but '${engine.name('renamed_models')}' carries compose's labels for project '${project}', volume 'models': using it.",
            "ok       ${project}_pip-cache",
            "ok       ${engine.name('renamed_models')}",
            'All 3 caches exist and are usable.',
            'BUILD SUCCESS')
    ItEngine.logLacks(basedir, '/workspace (')
    // a check creates nothing
    assert !engine.volumeExists("${project}_models".toString())
} finally {
    engine.cleanup()
}
return true
