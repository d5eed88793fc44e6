String text = new File(basedir, 'build.log').getText('UTF-8')
def host = System.getenv('DOCKER_HOST')
// The first build: the engine's certificate does not chain to ca.pem.
assert text.contains("  - ${host} (DOCKER_HOST, TLS): TLS handshake failed, a certificate problem")
assert text.contains("check that ca.pem is the CA that signed the engine's certificate")
// The second: the engine refuses the client certificate.
assert text.contains("  - ${host} (DOCKER_HOST, TLS): the engine closed the TLS connection, so it does not trust the client certificate")
// The third: the key is not the certificate's, said before any handshake, naming both files.
assert text.contains("  - ${host} (DOCKER_HOST, TLS): the TLS files cannot be used (target/mismatched-key/key.pem is not the key of the certificate in target/mismatched-key/cert.pem; use the two files made together)")
assert !text.contains('Broken pipe')
assert !text.contains('\tat ')

// No certificate or key material in the output: no PEM armour, and no run of any PEM body's base64.
assert !text.contains('-----BEGIN')
def pems = []
['wrong-ca', 'untrusted-client', 'other-ca', 'mismatched-key'].each { dir ->
    new File(basedir, "target/${dir}").eachFileMatch(~/.*\.pem/) { pems << it }
}
new File(System.getenv('DOCKER_CERT_PATH')).eachFileMatch(~/.*\.pem/) { pems << it }
pems.each { pem ->
    pem.readLines().findAll { !it.startsWith('-----') && it.length() >= 40 }.each { line ->
        assert !text.contains(line.substring(0, 40)), "build.log shows part of ${pem}"
    }
}
return true
