String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('Skipping devcontainer-cache:create because devcontainer-cache.skip = true.')
assert text.contains('Skipping devcontainer-cache:check because devcontainer-cache.skip = true.')
assert text.contains('BUILD SUCCESS')
return true
