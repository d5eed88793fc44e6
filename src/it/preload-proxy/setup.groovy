def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir).cleanupAtExit()
def Models = evaluate(new File(itLib, 'models.groovy'))
def server = Models.start(basedir)
def p = Models.bytes(256 * 1024, 11)
server.file('/files/p.bin', p)
server.proxyCredentials('it-user', 'it-proxy-secret')
def commit = server.gatedHubRepository('it-org/gated-model', 'main',
        ['config.json': '{"gated": true}\n'.bytes, 'model.bin': Models.bytes(300 * 1024, 12)], ['model.bin'], 'it-hub-token')
new File(basedir, 'commit.txt').text = commit
new File(basedir, 'models.properties').text = "modelPort=${new URI(server.url()).port}\npSha256=${Models.sha256(p)}\n" +
        "devcontainer-cache.huggingFaceEndpoint=${server.url()}\n"
// the invoker's settings (the repository of the plugin under test) and a proxy with credentials
String repository = localRepositoryPath.toURI().toString()
new File(basedir, 'proxy-settings.xml').text = """<settings>
  <proxies>
    <proxy>
      <id>it-proxy</id>
      <active>true</active>
      <protocol>http</protocol>
      <host>127.0.0.1</host>
      <port>${server.proxyPort()}</port>
      <username>it-user</username>
      <password>it-proxy-secret</password>
    </proxy>
  </proxies>
  <servers>
    <server>
      <id>huggingface</id>
      <password>it-hub-token</password>
    </server>
  </servers>
  <profiles>
    <profile>
      <id>it-repo</id>
      <activation><activeByDefault>true</activeByDefault></activation>
      <repositories><repository><id>local.central</id><url>${repository}</url></repository></repositories>
      <pluginRepositories><pluginRepository><id>local.central</id><url>${repository}</url></pluginRepository></pluginRepositories>
    </profile>
  </profiles>
</settings>
"""
return true
