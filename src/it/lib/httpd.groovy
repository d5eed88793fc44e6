/**
 * A Maven repository served by Apache httpd with mod_dav (Debian's apache2-bin), on a loopback port, with a config
 * this file writes: GET, PUT and MKCOL, which Maven's deploy and resolver use, under /repo/ for anyone and under
 * /secure/ for one user with basic auth. Every request is logged as "METHOD PATH STATUS" in access.log.
 */
class Httpd {
    static final String USER = 'deployer'
    final File dir
    final int port
    final String password
    Process process

    Httpd(File dir, int port, String password) {
        this.dir = dir
        this.port = port
        this.password = password
    }

    static Httpd start(File dir) {
        def binary = new File('/usr/sbin/apache2')
        assert binary.canExecute(): 'the repository tests need Apache httpd: apt-get install apache2-bin'
        dir.mkdirs()
        int port = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()).withCloseable { it.localPort }
        String password = 'pw-' + UUID.randomUUID()
        def httpd = new Httpd(dir, port, password)
        ['repo', 'secure', 'run'].each { new File(dir, it).mkdirs() }
        String sha1 = java.security.MessageDigest.getInstance('SHA-1').digest(password.getBytes('UTF-8')).encodeBase64().toString()
        new File(dir, 'htpasswd').text = "${USER}:{SHA}${sha1}\n"
        boolean root = ['id', '-u'].execute().text.trim() == '0'
        if (root) {
            // httpd will not serve as root: its workers run as www-data, who must write the repositories
            ['chown', '-R', 'www-data:www-data', new File(dir, 'repo').path, new File(dir, 'secure').path,
             new File(dir, 'run').path].execute().waitFor()
        }
        String modules = '/usr/lib/apache2/modules'
        new File(dir, 'httpd.conf').text = """
ServerRoot "${dir}"
ServerName 127.0.0.1
Listen 127.0.0.1:${port}
PidFile "${dir}/run/httpd.pid"
DefaultRuntimeDir "${dir}/run"
Mutex file:${dir}/run default
ErrorLog "${dir}/error.log"
${root ? 'User www-data\nGroup www-data' : ''}
LoadModule mpm_event_module ${modules}/mod_mpm_event.so
LoadModule authz_core_module ${modules}/mod_authz_core.so
LoadModule authz_user_module ${modules}/mod_authz_user.so
LoadModule authn_core_module ${modules}/mod_authn_core.so
LoadModule authn_file_module ${modules}/mod_authn_file.so
LoadModule auth_basic_module ${modules}/mod_auth_basic.so
LoadModule alias_module ${modules}/mod_alias.so
LoadModule dav_module ${modules}/mod_dav.so
LoadModule dav_fs_module ${modules}/mod_dav_fs.so
DavLockDB "${dir}/run/davlock"
LogFormat "%m %U %>s" dcc
CustomLog "${dir}/access.log" dcc
# archives of any size, as a repository manager takes them (httpd refuses bodies over 1 GiB by default)
LimitRequestBody 0
DocumentRoot "${dir}/repo"
Alias /secure "${dir}/secure"
<Directory "${dir}/repo">
  Dav On
  Require all granted
</Directory>
<Directory "${dir}/secure">
  Dav On
  AuthType Basic
  AuthName "caches"
  AuthBasicProvider file
  AuthUserFile "${dir}/htpasswd"
  Require valid-user
</Directory>
"""
        httpd.process = new ProcessBuilder('/usr/sbin/apache2', '-f', new File(dir, 'httpd.conf').path, '-DFOREGROUND')
                .redirectErrorStream(true).redirectOutput(new File(dir, 'httpd.out')).start()
        long deadline = System.currentTimeMillis() + 20_000
        while (true) {
            try {
                new Socket('127.0.0.1', port).close()
                break
            } catch (IOException notYet) {
                assert httpd.process.alive: "httpd did not start: ${new File(dir, 'httpd.out').text}${new File(dir, 'error.log').with { it.exists() ? it.text : '' }}"
                assert System.currentTimeMillis() < deadline: 'httpd did not listen within 20 s'
                Thread.sleep(50)
            }
        }
        httpd
    }

    String url(String path = 'repo') {
        path == 'repo' ? "http://127.0.0.1:${port}/" : "http://127.0.0.1:${port}/${path}/"
    }

    /** The requests of a method logged so far, as "METHOD PATH STATUS" lines. */
    List<String> requests(String method) {
        def log = new File(dir, 'access.log')
        log.exists() ? log.readLines().findAll { it.startsWith(method + ' ') } : []
    }

    /** The file a path of the plain repository is stored in. */
    File file(String path) {
        new File(new File(dir, 'repo'), path)
    }

    void stop() {
        process?.destroy()
        process?.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)
        process?.destroyForcibly()
    }
}
return Httpd
