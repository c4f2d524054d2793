package io.cloudexchange.core.sso.saml;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The identity provider's signing certificates: PEM in and out, and what an admin should know about them. */
final class IdpCertificates {

    static final int MIN_RSA_BITS = 2048;
    private static final Pattern PEM = Pattern.compile(
            "-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\\s]+?)-----END CERTIFICATE-----");

    private IdpCertificates() {
    }

    /** Every certificate in a PEM text (one or more blocks); a bare base64 DER body is accepted too. */
    static List<X509Certificate> parsePem(String text) {
        List<X509Certificate> certificates = new ArrayList<>();
        Matcher blocks = PEM.matcher(text);
        while (blocks.find()) {
            certificates.add(fromBase64(blocks.group(1)));
        }
        String rest = PEM.matcher(text).replaceAll("").strip();
        if (!rest.isEmpty()) {
            if (!certificates.isEmpty() || !rest.matches("[A-Za-z0-9+/=\\s]+")) {
                throw new IllegalArgumentException("is not a PEM certificate (-----BEGIN CERTIFICATE----- ...)");
            }
            certificates.add(fromBase64(rest));
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("is not a PEM certificate (-----BEGIN CERTIFICATE----- ...)");
        }
        return certificates;
    }

    static X509Certificate fromBase64(String base64) {
        try {
            byte[] der = Base64.getMimeDecoder().decode(base64.replaceAll("\\s", ""));
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | IllegalArgumentException e) {
            throw new IllegalArgumentException("is not a readable X.509 certificate");
        }
    }

    static String toPem(X509Certificate certificate) {
        try {
            return "-----BEGIN CERTIFICATE-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getEncoded())
                    + "\n-----END CERTIFICATE-----\n";
        } catch (CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A reason the certificate cannot verify signatures here, or null. */
    static String unusable(X509Certificate certificate) {
        if (certificate.getPublicKey() instanceof RSAPublicKey rsa && rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            return "RSA key of " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " are required";
        }
        String algorithm = certificate.getPublicKey().getAlgorithm();
        if (!"RSA".equals(algorithm) && !"EC".equals(algorithm)) {
            return "key algorithm " + algorithm + " is not supported (RSA or EC)";
        }
        return null;
    }

    /** A warning for an admin (expired or not yet valid), or null. Signatures are still checked against it. */
    static String warning(X509Certificate certificate, Instant now) {
        if (now.isAfter(certificate.getNotAfter().toInstant())) {
            return "certificate '" + certificate.getSubjectX500Principal().getName() + "' expired on "
                    + certificate.getNotAfter().toInstant();
        }
        if (now.isBefore(certificate.getNotBefore().toInstant())) {
            return "certificate '" + certificate.getSubjectX500Principal().getName() + "' is not valid before "
                    + certificate.getNotBefore().toInstant();
        }
        return null;
    }

    static String sha256Fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.ofDelimiter(":").withUpperCase()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
