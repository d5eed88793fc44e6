package io.github.devcontainercache.engine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * The TLS material of a Docker client directory ({@code ca.pem}, {@code cert.pem}, {@code key.pem}), read with the
 * Java runtime alone: the engine's certificate must chain to {@code ca.pem}, and the client shows {@code cert.pem}
 * with {@code key.pem}. The key may be PKCS#8 ({@code BEGIN PRIVATE KEY}, what OpenSSL 3 writes), PKCS#1
 * ({@code BEGIN RSA PRIVATE KEY}, OpenSSL 1.1 and Docker Machine) or SEC 1 ({@code BEGIN EC PRIVATE KEY}); an
 * encrypted key is refused, as the Docker CLI refuses it. Docker-java's own directory configuration needs Bouncy
 * Castle and docker-java-core, six jars that Maven would resolve on every goal for the few users of TLS.
 */
final class PemTlsFiles {

    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \\1-----", Pattern.DOTALL);
    /** rsaEncryption, 1.2.840.113549.1.1.1, with its NULL parameters. */
    private static final byte[] RSA_ALGORITHM = {
        0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00
    };
    /** id-ecPublicKey, 1.2.840.10045.2.1. */
    private static final byte[] EC_PUBLIC_KEY = {0x06, 0x07, 0x2a, (byte) 0x86, 0x48, (byte) 0xce, 0x3d, 0x02, 0x01};

    private final Path directory;

    PemTlsFiles(Path directory) {
        this.directory = directory;
    }

    /** The client's TLS context: trusting ca.pem alone, showing cert.pem with key.pem. */
    SSLContext context() throws GeneralSecurityException {
        try {
            KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
            trusted.load(null, null);
            List<Certificate> authorities = certificates(directory.resolve("ca.pem"));
            for (int i = 0; i < authorities.size(); i++) {
                trusted.setCertificateEntry("ca-" + i, authorities.get(i));
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);

            char[] none = new char[0];
            KeyStore client = KeyStore.getInstance(KeyStore.getDefaultType());
            client.load(null, null);
            List<Certificate> chain = certificates(directory.resolve("cert.pem"));
            PrivateKey key = privateKey(directory.resolve("key.pem"));
            if (!pairs(key, chain.get(0))) {
                throw new GeneralSecurityException(
                        EngineMessages.pemKeyNotCertificates(directory.resolve("key.pem"), directory.resolve("cert.pem")));
            }
            client.setKeyEntry("client", key, none, chain.toArray(new Certificate[0]));
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(client, none);

            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (IOException e) {
            throw new GeneralSecurityException(e.getMessage(), e);
        }
    }

    /**
     * Whether the key is the certificate's: what it signs, the certificate's public key verifies. Said here, a
     * mismatch is a clear error instead of a handshake the engine breaks off.
     */
    static boolean pairs(PrivateKey key, Certificate certificate) throws GeneralSecurityException {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> key.getAlgorithm();
        };
        byte[] probe = "devcontainer-cache".getBytes(StandardCharsets.US_ASCII);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(key);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        try {
            verifier.initVerify(certificate.getPublicKey());
        } catch (InvalidKeyException e) {
            return false; // a key of another kind than the certificate's
        }
        verifier.update(probe);
        return verifier.verify(signature);
    }

    /** Every certificate of a PEM file, in order. */
    static List<Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        List<Certificate> certificates = new ArrayList<>();
        for (Block block : blocks(file)) {
            if (block.type().equals("CERTIFICATE")) {
                certificates.add(factory.generateCertificate(new ByteArrayInputStream(block.der())));
            }
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException(EngineMessages.pemWithout(file, "certificate"));
        }
        return certificates;
    }

    /** The private key of a PEM file, in any of the three forms Docker's tools write. */
    static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        for (Block block : blocks(file)) {
            switch (block.type()) {
                case "PRIVATE KEY" -> {
                    return pkcs8(block.der(), file);
                }
                case "RSA PRIVATE KEY" -> {
                    return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(
                            sequence(integerZero(), RSA_ALGORITHM, octetString(block.der()))));
                }
                case "EC PRIVATE KEY" -> {
                    byte[] curve = Der.curveOfSec1(block.der());
                    return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(sequence(
                            integerZero(), sequence(EC_PUBLIC_KEY, curve), octetString(block.der()))));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new GeneralSecurityException(EngineMessages.pemEncrypted(file));
                default -> {
                    // EC PARAMETERS and the like go before the key
                }
            }
        }
        throw new GeneralSecurityException(EngineMessages.pemWithout(file, "private key"));
    }

    private static PrivateKey pkcs8(byte[] der, Path file) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new GeneralSecurityException(EngineMessages.pemWithout(file, "RSA, EC or Ed25519 private key"), last);
    }

    private record Block(String type, byte[] der) {}

    private static List<Block> blocks(Path file) throws IOException, GeneralSecurityException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        List<Block> blocks = new ArrayList<>();
        Matcher matcher = BLOCK.matcher(text);
        while (matcher.find()) {
            String body = matcher.group(2);
            if (body.contains("Proc-Type:") && body.contains("ENCRYPTED")) {
                throw new GeneralSecurityException(EngineMessages.pemEncrypted(file));
            }
            try {
                blocks.add(new Block(matcher.group(1), Base64.getMimeDecoder().decode(body)));
            } catch (IllegalArgumentException e) {
                throw new GeneralSecurityException(EngineMessages.pemWithout(file, "readable PEM block"), e);
            }
        }
        return blocks;
    }

    private static byte[] integerZero() {
        return new byte[] {0x02, 0x01, 0x00};
    }

    private static byte[] octetString(byte[] content) {
        return Der.element(0x04, content);
    }

    private static byte[] sequence(byte[]... parts) {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            content.writeBytes(part);
        }
        return Der.element(0x30, content.toByteArray());
    }

    /** The little DER a key's envelope needs: an element, and the curve named in a SEC 1 key. */
    static final class Der {
        private Der() {}

        static byte[] element(int tag, byte[] content) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(tag);
            int length = content.length;
            if (length < 0x80) {
                out.write(length);
            } else {
                int bytes = (Integer.SIZE - Integer.numberOfLeadingZeros(length) + 7) / 8;
                out.write(0x80 | bytes);
                for (int i = bytes - 1; i >= 0; i--) {
                    out.write(length >>> (8 * i));
                }
            }
            out.writeBytes(content);
            return out.toByteArray();
        }

        /**
         * The curve's object identifier (tag and all) of an {@code ECPrivateKey} (RFC 5915): the {@code [0]}
         * parameters after the version and the key's octets.
         */
        static byte[] curveOfSec1(byte[] der) throws GeneralSecurityException {
            int[] at = {0};
            expect(der, at, 0x30);
            length(der, at);
            skip(der, at, 0x02); // version
            skip(der, at, 0x04); // the private key
            if (at[0] < der.length && (der[at[0]] & 0xff) == 0xa0) {
                at[0]++;
                length(der, at);
                int start = at[0];
                expect(der, at, 0x06);
                int oid = length(der, at);
                byte[] curve = new byte[at[0] + oid - start];
                System.arraycopy(der, start, curve, 0, curve.length);
                return curve;
            }
            throw new GeneralSecurityException("the EC private key does not name its curve");
        }

        private static void expect(byte[] der, int[] at, int tag) throws GeneralSecurityException {
            if (at[0] >= der.length || (der[at[0]] & 0xff) != tag) {
                throw new GeneralSecurityException("not an EC private key");
            }
            at[0]++;
        }

        private static void skip(byte[] der, int[] at, int tag) throws GeneralSecurityException {
            expect(der, at, tag);
            int length = length(der, at);
            at[0] += length;
        }

        private static int length(byte[] der, int[] at) throws GeneralSecurityException {
            if (at[0] >= der.length) {
                throw new GeneralSecurityException("not an EC private key");
            }
            int first = der[at[0]++] & 0xff;
            if (first < 0x80) {
                return first;
            }
            int length = 0;
            for (int i = 0; i < (first & 0x7f); i++) {
                if (at[0] >= der.length || i > 3) {
                    throw new GeneralSecurityException("not an EC private key");
                }
                length = (length << 8) | (der[at[0]++] & 0xff);
            }
            return length;
        }
    }
}
