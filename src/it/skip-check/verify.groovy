String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('Skipping devcontainer-cache:check because devcontainer-cache.check.skip = true.')
assert text.contains('BUILD SUCCESS')
return true
