String text = new File(basedir, 'build.log').getText('UTF-8')
assert text.contains('The cache declarations cannot be used (1 problem):')
assert text.contains('.devcontainer/devcontainer.json:5:5: not valid JSON: Unexpected character')
assert text.contains('Fix the file, or set -Ddevcontainer-cache.discover=false to declare the caches in the pom only.')
// nothing was asked of the engine, and no stack trace
assert !text.contains('(API ')
assert !text.contains('\tat ')
return true
