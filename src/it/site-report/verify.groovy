def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    def page = new File(basedir, 'target/site/devcontainer-caches.html')
    assert page.isFile() : 'mvn site wrote no Dev container caches page'
    String html = page.getText('UTF-8')
    // a page of the site, in its skin, with the caches in it
    assert html.contains('<title>') && html.contains('Dev container caches')
    assert html.contains('class="dcc-chart"')
    [engine.name('pip'), engine.name('whisper')].each { volume ->
        assert html.contains("data-volume=\"${volume}\"") : "no bar for ${volume}"
        assert html.contains(volume)
    }
    // the pip cache is over its 1 KB budget, whichever size judges it
    assert html =~ /<g class="[^"]*dcc-over[^"]*"[^>]*data-volume="${engine.name('pip')}"/
    assert !html.contains('<script src="http')
    // the site's reports page lists it by its name
    assert new File(basedir, 'target/site/project-reports.html').getText('UTF-8')
            .contains('devcontainer-caches.html">Dev container caches</a>')
    ItEngine.logContains(basedir, "Site page 'Dev container caches' rendered (devcontainer-caches.html).", "BUILD SUCCESS")
} finally {
    engine.cleanup()
}
return true
