package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.interfaces.ECPrivateKey;
import java.security.cert.X509Certificate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Test files made once with OpenSSL 3: a CA, a client certificate it signed, and its key in each form. */
class PemTlsFilesTest {

    @TempDir
    Path temp;

    private static Path file(String name) throws URISyntaxException {
        return Path.of(PemTlsFilesTest.class.getResource("tls/" + name).toURI());
    }

    /** A Docker client directory: the test CA, the client certificate, and the key file given as key.pem. */
    private Path certDirectory(String name, String key) throws Exception {
        Path directory = Files.createDirectories(temp.resolve(name));
        Files.copy(file("ca.pem"), directory.resolve("ca.pem"));
        Files.copy(file("cert.pem"), directory.resolve("cert.pem"));
        Files.copy(file(key), directory.resolve("key.pem"));
        return directory;
    }

    @Test
    void theKeyReadsTheSameInEachFormOpenSslWrites() throws Exception {
        PrivateKey pkcs8 = PemTlsFiles.privateKey(file("key-pkcs8.pem"));
        PrivateKey pkcs1 = PemTlsFiles.privateKey(file("key-pkcs1.pem"));

        assertThat(pkcs8.getAlgorithm()).isEqualTo("RSA");
        assertThat(pkcs1.getEncoded()).isEqualTo(pkcs8.getEncoded());
    }

    @Test
    void anEcKeyReadsTheSameAsSec1WithItsParametersAndAsPkcs8() throws Exception {
        PrivateKey sec1 = PemTlsFiles.privateKey(file("key-sec1.pem"));
        PrivateKey pkcs8 = PemTlsFiles.privateKey(file("key-ec-pkcs8.pem"));

        assertThat(sec1.getAlgorithm()).isEqualTo("EC");
        assertThat(((ECPrivateKey) sec1).getS()).isEqualTo(((ECPrivateKey) pkcs8).getS());
        assertThat(((ECPrivateKey) sec1).getParams().getCurve()).isEqualTo(((ECPrivateKey) pkcs8).getParams().getCurve());
    }

    @Test
    void anEncryptedKeyIsRefusedWithWhatToDo() {
        assertThatThrownBy(() -> PemTlsFiles.privateKey(file("key-encrypted.pem")))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessageEndingWith("key-encrypted.pem holds an encrypted private key, which the Docker CLI cannot"
                        + " use either; write it unencrypted (openssl pkey -in key.pem -out key.pem) in a folder only"
                        + " you can read");
    }

    @Test
    void aFileWithoutKeyOrCertificateSaysWhichAndWhatIsMissing() throws IOException {
        Path notAKey = Files.writeString(temp.resolve("key.pem"), "not a PEM file");
        assertThatThrownBy(() -> PemTlsFiles.privateKey(notAKey))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessage(notAKey + " holds no private key");
        assertThatThrownBy(() -> PemTlsFiles.certificates(notAKey))
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessage(notAKey + " holds no certificate");
    }

    @Test
    void theCertificatesAreTheClientsSignedByTheCa() throws Exception {
        X509Certificate client = (X509Certificate) PemTlsFiles.certificates(file("cert.pem")).get(0);
        X509Certificate ca = (X509Certificate) PemTlsFiles.certificates(file("ca.pem")).get(0);

        assertThat(client.getSubjectX500Principal().getName()).isEqualTo("CN=test client");
        client.verify(ca.getPublicKey());
    }

    @Test
    void aDockerCertDirectoryGivesAClientContext() throws Exception {
        Path directory = certDirectory("certs", "key-pkcs1.pem");

        assertThat(new PemTlsFiles(directory).context().getProtocol()).isEqualTo("TLS");
    }

    @Test
    void aKeyThatIsNotTheCertificatesIsRefusedBeforeAnyConnection() throws Exception {
        Path directory = certDirectory("mismatch", "key-sec1.pem");

        assertThatThrownBy(() -> new PemTlsFiles(directory).context())
                .isInstanceOf(GeneralSecurityException.class)
                .hasMessage(directory.resolve("key.pem") + " is not the key of the certificate in "
                        + directory.resolve("cert.pem") + "; use the two files made together");
    }

    @Test
    void derLengthsOverOneByteAreLongForm() {
        assertThat(PemTlsFiles.Der.element(0x04, new byte[200])).startsWith(0x04, 0x81, 200);
        assertThat(PemTlsFiles.Der.element(0x04, new byte[300])).startsWith(0x04, 0x82, 0x01, 0x2c);
        assertThat(PemTlsFiles.Der.element(0x04, new byte[3])).startsWith(0x04, 0x03);
    }
}
