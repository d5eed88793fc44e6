import groovy.json.JsonOutput
import groovy.json.JsonSlurper

def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    def dir = new File(basedir, 'target/devcontainer-cache')
    def report = new JsonSlurper().parse(new File(dir, 'report.json'))
    // what each bar must say: its cache's name and the size its budget is held against, as the JSON has them
    def format = { long bytes ->
        def units = ['B', 'KiB', 'MiB', 'GiB', 'TiB']
        if (bytes < 1024) return "${bytes} B"
        double value = bytes
        int unit = 0
        // a unit up also where one decimal would print 1024.0, as the plugin does
        while ((value >= 1024 || Math.round(value * 10) >= 10240) && unit < units.size() - 1) { value /= 1024; unit++ }
        String.format(Locale.ROOT, '%.1f %s', value, units[unit])
    }
    def bars = report.caches.collect { cache ->
        // the size the budget is held against; without a budget, the disk where known, else the content
        Long shown = cache.budgetBasis ? (cache.budgetBasis == 'disk' ? cache.diskBytes : cache.sizeBytes)
                : (cache.diskBytes != null ? cache.diskBytes : cache.sizeBytes)
        [volume: cache.volume, size: cache.exists ? format(shown) : 'missing', overBudget: cache.overBudget == true]
    }
    assert bars*.overBudget == [true, false, false]
    def expected = new File(basedir, 'target/expected-bars.json')
    expected.text = JsonOutput.toJson([bars: bars])

    // the page in Debian's Chromium, driven by playwright-core: scripts/browser-tools.sh installs both
    String playwright = System.getenv('DCC_PLAYWRIGHT_CORE')
    assert playwright : 'report-html needs a browser: run eval "$(scripts/browser-tools.sh)" first (it installs Debian\'s chromium and playwright-core)'
    def command = ['node', new File(itLib, 'report-page.cjs').path, new File(dir, 'report.html').path,
                   new File(basedir, 'target/report-html.png').path, expected.path]
    def process = new ProcessBuilder(command).redirectErrorStream(true).start()
    String output = process.inputStream.getText('UTF-8')
    int code = process.waitFor()
    println output
    assert code == 0 : "the browser check failed:\n${output}"
    assert output.contains('report page checked: 3 bars, 1 over budget')
    assert new File(basedir, 'target/report-html.png').length() > 0
} finally {
    engine.cleanup()
}
return true
