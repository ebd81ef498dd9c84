package dev.wfmconnector.simulator.pubsub;

import javax.security.auth.x500.X500Principal;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * A self-signed X.509 certificate for {@code localhost} and {@code 127.0.0.1} with a fresh EC P-256 key, built with
 * the JDK alone: Netty's generator needs JDK internals that Java 17 no longer exports, and no BouncyCastle is needed.
 * The certificate is its own trust anchor; clients trust it by adding it to their trust store.
 */
record SelfSignedCertificate(PrivateKey privateKey, X509Certificate certificate) {

    private static final String SUBJECT = "CN=localhost, O=WFM connector Salesforce simulator";
    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";
    private static final String SUBJECT_ALT_NAME = "2.5.29.17";
    private static final DateTimeFormatter UTC_TIME = DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    /** Generates a key pair and a certificate valid from an hour before {@code now} for {@code validity}. */
    static SelfSignedCertificate generate(Instant now, Duration validity) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair keys = generator.generateKeyPair();
            byte[] name = new X500Principal(SUBJECT).getEncoded();
            byte[] algorithm = sequence(oid(ECDSA_WITH_SHA256));
            byte[] tbs = sequence(
                    tlv(0xA0, integer(BigInteger.TWO)),
                    integer(new BigInteger(63, new SecureRandom())),
                    algorithm,
                    name,
                    sequence(utcTime(now.minus(Duration.ofHours(1))), utcTime(now.plus(validity))),
                    name,
                    keys.getPublic().getEncoded(),
                    tlv(0xA3, sequence(sequence(oid(SUBJECT_ALT_NAME), octets(subjectAltNames())))));
            Signature signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(keys.getPrivate());
            signer.update(tbs);
            byte[] der = sequence(tbs, algorithm, bitString(signer.sign()));
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(der));
            return new SelfSignedCertificate(keys.getPrivate(), certificate);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot generate a self-signed certificate", e);
        }
    }

    /** GeneralNames: dNSName localhost, iPAddress 127.0.0.1. */
    private static byte[] subjectAltNames() {
        return sequence(
                tlv(0x82, "localhost".getBytes(StandardCharsets.US_ASCII)),
                tlv(0x87, new byte[] {127, 0, 0, 1}));
    }

    private static byte[] sequence(byte[]... parts) {
        return tlv(0x30, concat(parts));
    }

    private static byte[] integer(BigInteger value) {
        return tlv(0x02, value.toByteArray());
    }

    private static byte[] octets(byte[] value) {
        return tlv(0x04, value);
    }

    private static byte[] bitString(byte[] value) {
        return tlv(0x03, concat(new byte[] {0}, value));
    }

    private static byte[] utcTime(Instant instant) {
        return tlv(0x17, UTC_TIME.format(instant).getBytes(StandardCharsets.US_ASCII));
    }

    private static byte[] oid(String dotted) {
        String[] arcs = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(arcs[0]) * 40 + Integer.parseInt(arcs[1]));
        for (int i = 2; i < arcs.length; i++) {
            long arc = Long.parseLong(arcs[i]);
            int shift = (63 - Long.numberOfLeadingZeros(arc | 1)) / 7 * 7;
            for (; shift > 0; shift -= 7) {
                out.write((int) (arc >>> shift) & 0x7F | 0x80);
            }
            out.write((int) arc & 0x7F);
        }
        return tlv(0x06, out.toByteArray());
    }

    private static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
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

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
