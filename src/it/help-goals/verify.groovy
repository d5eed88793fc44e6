String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('devcontainer-cache:check')
assert text.contains('devcontainer-cache:create')
assert text.contains('devcontainer-cache:help')
assert text.contains('User property: devcontainer-cache.createMissing')
assert text.contains('User property: devcontainer-cache.check.skip')
assert text.contains('User property: devcontainer-cache.failIfNoEngine')
return true
