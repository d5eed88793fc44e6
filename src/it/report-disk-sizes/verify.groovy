import groovy.json.JsonSlurper

def ItEngine = evaluate(new File(itLib, 'engine.groovy'))
def engine = ItEngine.forProject(itRun, basedir)
try {
    String volume = engine.name('pip')
    long content = new File(basedir, 'target/content-bytes').text as long
    def read = { String run -> new JsonSlurper().parse(new File(basedir, "target/${run}/report.json")).caches[0] }
    def direct = read('direct')
    def stream = read('stream')
    def byContent = read('content')
    // the bytes of the regular files, the hard-linked wheel once, as Docker counts a volume, whatever the path
    [direct, stream, byContent].each { assert it.sizeBytes == content }
    assert stream.files == 201

    // the blocks the volume takes, by du on its directory, where this build can read it
    boolean onMountPoint = engine.mountPointReadable(basedir, volume)
    long duBytes = -1
    if (onMountPoint) {
        def du = engine.sh("du -s -B1 '${engine.inspectVolume(volume).Mountpoint}'")
        duBytes = du.trim().split(/\s+/)[0] as long
        assert direct.diskSource == 'du on the mount point'
        assert Math.abs(direct.diskBytes - duBytes) <= duBytes * 0.01 : "diskBytes ${direct.diskBytes}, du -sB1 ${duBytes}"
        assert direct.budgetBasis == 'disk' && direct.overBudget == true
        assert byContent.diskSource == 'du on the mount point'
    } else {
        // the engine's df says the content alone: the budget is held against it, and the report says so
        assert direct.diskBytes == null && direct.diskSource == null
        assert direct.budgetBasis == 'content' && direct.overBudget == false
        ItEngine.logContains(basedir, 'Budgets held against the content: ' + volume)
    }
    // through the archive API, estimated from the entries: 200 files and a wheel in whole 4 KiB blocks (its second
    // name once), a block for each of the 219 folders (the root, http-v2, 16 and 200 below it, wheels)
    long estimate = 200 * 4096 + 53248 + 219 * 4096
    assert stream.diskSource == 'estimated from the archive API stream'
    assert stream.diskBytes == estimate
    if (duBytes > 0) {
        // on ext4, as here, the estimate is what du counts
        assert Math.abs(estimate - duBytes) <= duBytes * 0.01 : "estimate ${estimate}, du -sB1 ${duBytes}"
    }
    assert stream.budgetBasis == 'disk' && stream.overBudget == true
    // held against the content, as asked
    assert byContent.budgetBasis == 'content' && byContent.overBudget == false

    String log = new File(basedir, 'build.log').getText('UTF-8')
    assert log =~ /volume\s+kind\s+content\s+on disk\s+budget\s+in use by\s+state/
    ItEngine.logContains(basedir,
            "Sizes: 'content' is the bytes of the files (a hard-linked file once, as Docker counts a volume); 'on disk' is the blocks they take, as du counts them.",
            'Disk use estimated from the archive API stream (each file in whole 4 KiB blocks, a block per folder: the archive tells sizes, not blocks): ' + volume,
            'Budgets held against the disk use (-Ddevcontainer-cache.budgetSize=content for the content): ' + volume,
            "Cache '${volume}' takes ",
            'BUILD SUCCESS')
    if (onMountPoint) {
        ItEngine.logContains(basedir, 'Disk use measured by du on the mount point: ' + volume)
    }
} finally {
    engine.cleanup()
}
return true
