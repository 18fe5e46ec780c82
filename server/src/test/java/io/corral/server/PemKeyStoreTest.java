package io.corral.server;

import io.corral.server.tls.PemKeyStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.Certificate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Loading a PEM certificate and key: what is accepted, and what each refusal says to do. */
class PemKeyStoreTest {

    @TempDir
    Path dir;

    @Test
    void loadsAPkcs8KeyWithItsCertificate() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        PemKeyStore tls = PemKeyStore.load(cert.certificatePem, cert.privateKeyPem);
        Certificate[] chain = tls.keyStore().getCertificateChain("corral");
        assertArrayEquals(new Certificate[] {cert.certificate}, chain);
        assertTrue(tls.keyStore().isKeyEntry("corral"));
    }

    @Test
    void aKeyOfAnotherCertificateIsRefusedNamingBothFiles() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path otherKey = dir.resolve("other-key.pem");
        Files.writeString(otherKey, SelfSignedCertificate.pem("PRIVATE KEY",
                SelfSignedCertificate.ecKeyPair().getPrivate().getEncoded()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PemKeyStore.load(cert.certificatePem, otherKey));
        assertTrue(e.getMessage().contains("does not belong") && e.getMessage().contains(otherKey.toString())
                && e.getMessage().contains(cert.certificatePem.toString()), e.getMessage());
    }

    @Test
    void aTraditionalKeyFormatIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        Path ecKey = dir.resolve("ec-key.pem");
        Files.writeString(ecKey, SelfSignedCertificate.pem("EC PRIVATE KEY", new byte[] {1, 2, 3}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PemKeyStore.load(cert.certificatePem, ecKey));
        assertTrue(e.getMessage().contains("openssl pkcs8 -topk8 -nocrypt"), e.getMessage());
    }

    @Test
    void aFileWithoutACertificateIsRefusedNamingIt() throws Exception {
        SelfSignedCertificate cert = SelfSignedCertificate.create(dir);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PemKeyStore.load(cert.privateKeyPem, cert.privateKeyPem));
        assertTrue(e.getMessage().startsWith("tls certificate " + cert.privateKeyPem), e.getMessage());
    }
}
