File log = new File(basedir, 'build.log')
String text = log.getText('UTF-8')
assert text.contains('No container engine answered. Endpoints tried:')
assert text.contains('  - unix:///nonexistent.sock (DOCKER_HOST): no such socket (No such file or directory)')
assert text.contains('To fix it: start Docker (or Podman\'s service: podman system service), or point the plugin at the engine with DOCKER_HOST or -Ddevcontainer-cache.dockerHost=unix:///path/to/docker.sock')
assert text.contains('-Ddevcontainer-cache.failIfNoEngine=false')
// one clear message: no stack trace, no transport chatter
assert !text.contains('\tat ')
assert !text.contains('recoverable I/O exception')
return true
