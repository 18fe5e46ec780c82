package io.corral.server.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A key store in memory built from the two PEM files servers are usually given: a certificate
 * chain (leaf first) and its private key in PKCS#8 ({@code BEGIN PRIVATE KEY}: RSA, EC or Ed25519).
 *
 * <pre>{@code
 * PemKeyStore tls = PemKeyStore.load(Path.of("cert.pem"), Path.of("key.pem"));
 * sslContextFactory.setKeyStore(tls.keyStore());
 * sslContextFactory.setKeyStorePassword(tls.password());
 * }</pre>
 *
 * <p>Checked on load: the files parse, and the key belongs to the leaf certificate (a signature
 * made with the key verifies with the certificate), so a mismatch fails at start, not at the first
 * handshake. Other key forms are refused with the {@code openssl} command that converts them.
 */
public final class PemKeyStore {

    private static final Pattern KEY_BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

    private final KeyStore keyStore;
    private final String password;

    private PemKeyStore(KeyStore keyStore, String password) {
        this.keyStore = keyStore;
        this.password = password;
    }

    /**
     * Reads and checks the two files.
     *
     * @throws IllegalArgumentException naming the file and what is wrong with it
     */
    public static PemKeyStore load(Path certificatePem, Path privateKeyPem) {
        List<Certificate> chain = certificates(certificatePem);
        PrivateKey key = privateKey(privateKeyPem);
        checkPair(key, chain.get(0).getPublicKey(), certificatePem, privateKeyPem);
        try {
            byte[] random = new byte[18];
            new SecureRandom().nextBytes(random);
            String password = HexFormat.of().formatHex(random);
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry("corral", key, password.toCharArray(), chain.toArray(Certificate[]::new));
            return new PemKeyStore(ks, password);
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build a key store from " + certificatePem + " and "
                    + privateKeyPem + ": " + e.getMessage(), e);
        }
    }

    public KeyStore keyStore() {
        return keyStore;
    }

    /** The random password of this in-memory store and of its key entry. */
    public String password() {
        return password;
    }

    private static List<Certificate> certificates(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            List<Certificate> chain = new ArrayList<>(
                    CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(bytes)));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("tls certificate " + file + " holds no certificate; allowed: "
                        + "PEM 'BEGIN CERTIFICATE' blocks, the server's certificate first");
            }
            return chain;
        } catch (IOException e) {
            throw new IllegalArgumentException("tls certificate " + file + " could not be read: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("tls certificate " + file + " is not a PEM certificate chain ("
                    + e.getMessage() + "); allowed: PEM 'BEGIN CERTIFICATE' blocks, the server's certificate first", e);
        }
    }

    private static PrivateKey privateKey(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IllegalArgumentException("tls private key " + file + " could not be read: " + e.getMessage(), e);
        }
        Matcher m = KEY_BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            if (type.equals("PRIVATE KEY")) {
                byte[] der = Base64.getMimeDecoder().decode(m.group(2));
                for (String algorithm : new String[] {"RSA", "EC", "Ed25519", "RSASSA-PSS"}) {
                    try {
                        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
                    } catch (GeneralSecurityException ignored) {
                        // not this algorithm: try the next
                    }
                }
                throw new IllegalArgumentException("tls private key " + file + " is PKCS#8 of an algorithm this JDK "
                        + "cannot read; allowed: RSA, EC or Ed25519 keys");
            }
            if (type.endsWith("PRIVATE KEY")) {
                throw new IllegalArgumentException("tls private key " + file + " is a '" + type + "'; allowed: an "
                        + "unencrypted PKCS#8 'PRIVATE KEY' (convert it: openssl pkcs8 -topk8 -nocrypt -in "
                        + file.getFileName() + " -out key-pkcs8.pem)");
            }
        }
        throw new IllegalArgumentException("tls private key " + file + " holds no PEM private key; allowed: an "
                + "unencrypted PKCS#8 'BEGIN PRIVATE KEY' block");
    }

    private static void checkPair(PrivateKey key, PublicKey certKey, Path certificatePem, Path privateKeyPem) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) {
            return;
        }
        try {
            byte[] probe = "corral tls key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(certKey);
            verifier.update(probe);
            if (verifier.verify(signature)) {
                return;
            }
        } catch (GeneralSecurityException e) {
            // a key of another type than the certificate's: a mismatch as well
        }
        throw new IllegalArgumentException("tls private key " + privateKeyPem + " does not belong to the first "
                + "certificate in " + certificatePem + "; allowed: the key the certificate was issued for");
    }
}
