// Runs against the TLS engine of scripts/with-engine.sh --tls (scripts/test.sh sets DOCKER_HOST, DOCKER_TLS_VERIFY
// and DOCKER_CERT_PATH to it). Makes a second CA with openssl, then three broken certificate folders:
//   wrong-ca:          the right client certificate, but a ca.pem that did not sign the engine's certificate;
//   untrusted-client:  the right ca.pem, but a client certificate the engine's CA did not sign;
//   mismatched-key:    the right ca.pem and cert.pem, but a key that is not the certificate's.
def certs = System.getenv('DOCKER_CERT_PATH')
if (!System.getenv('DOCKER_HOST')?.startsWith('tcp://') || !System.getenv('DOCKER_TLS_VERIFY') || !certs) {
    throw new IllegalStateException('tls-wrong-ca needs the TLS engine: run it through scripts/with-engine.sh --tls'
            + ' scripts/test.sh, which sets DOCKER_HOST, DOCKER_TLS_VERIFY and DOCKER_CERT_PATH')
}
def engine = evaluate(new File(itLib, 'engine.groovy')).forProject(itRun, basedir)
def target = new File(basedir, 'target')
def other = new File(target, 'other-ca')
other.mkdirs()
engine.sh("""cd '${other}' \\
  && openssl req -x509 -newkey rsa:2048 -nodes -keyout ca-key.pem -out ca.pem -days 1 -subj '/CN=another CA' 2>/dev/null \\
  && openssl req -newkey rsa:2048 -nodes -keyout key.pem -out client.csr -subj '/CN=untrusted client' 2>/dev/null \\
  && printf 'extendedKeyUsage=clientAuth\\n' > client.ext \\
  && openssl x509 -req -in client.csr -CA ca.pem -CAkey ca-key.pem -CAcreateserial -out cert.pem -days 1 -extfile client.ext 2>/dev/null""")

def wrongCa = new File(target, 'wrong-ca')
wrongCa.mkdirs()
new File(wrongCa, 'ca.pem').bytes = new File(other, 'ca.pem').bytes
['cert.pem', 'key.pem'].each { new File(wrongCa, it).bytes = new File(certs, it).bytes }

def untrusted = new File(target, 'untrusted-client')
untrusted.mkdirs()
new File(untrusted, 'ca.pem').bytes = new File(certs, 'ca.pem').bytes
['cert.pem', 'key.pem'].each { new File(untrusted, it).bytes = new File(other, it).bytes }
// mismatched-key: the right ca.pem and cert.pem, and the other CA's client key
def mismatched = new File(target, 'mismatched-key')
mismatched.mkdirs()
['ca.pem', 'cert.pem'].each { new File(mismatched, it).bytes = new File(certs, it).bytes }
new File(mismatched, 'key.pem').bytes = new File(other, 'key.pem').bytes
return true
