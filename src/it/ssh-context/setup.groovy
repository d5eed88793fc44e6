// Runs against the sshd of scripts/with-engine.sh --ssh (scripts/test.sh's ssh run): DCC_SSH_HOST is its address,
// and the ssh on PATH uses the test's own keys and known_hosts, never ~/.ssh. A docker configuration of the test's
// own selects a context whose endpoint is that address, as `docker context create --docker host=ssh://...` makes.
import groovy.json.JsonOutput
import java.security.MessageDigest

String sshHost = evaluate(new File(itLib, 'ssh.groovy')).address(basedir)
def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
engine.createVolume(engine.name('pip'))
engine.fill(engine.name('pip'), ['http-v2/a.body': 'cached wheel', 'wheels/x.whl': 'a wheel'])

def config = new File(basedir, 'target/docker-config')
String id = MessageDigest.getInstance('SHA-256').digest('it-ssh'.getBytes('UTF-8')).encodeHex().toString()
def meta = new File(config, "contexts/meta/${id}")
meta.mkdirs()
new File(meta, 'meta.json').text = JsonOutput.toJson([Name: 'it-ssh', Metadata: [Description: 'a remote engine over ssh'],
        Endpoints: [docker: [Host: sshHost, SkipTLSVerify: false]]])
new File(config, 'config.json').text = JsonOutput.toJson([currentContext: 'it-ssh'])
return true
