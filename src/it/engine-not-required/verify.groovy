String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('[WARNING] No container engine answered. Endpoints tried:')
assert text.contains('Skipping devcontainer-cache:check because devcontainer-cache.failIfNoEngine = false.')
assert text.contains('BUILD SUCCESS')
return true
