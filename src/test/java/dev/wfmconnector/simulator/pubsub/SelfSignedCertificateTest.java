package dev.wfmconnector.simulator.pubsub;

import org.junit.jupiter.api.Test;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SelfSignedCertificateTest {

    @Test
    void isAValidSelfSignedCertificateForLocalhostAndTheLoopbackAddress() throws Exception {
        Instant now = Instant.parse("2026-11-24T10:00:00Z");
        SelfSignedCertificate generated = SelfSignedCertificate.generate(now, Duration.ofDays(30));
        X509Certificate certificate = generated.certificate();

        certificate.verify(certificate.getPublicKey());
        certificate.checkValidity(Date.from(now));
        certificate.checkValidity(Date.from(now.plus(Duration.ofDays(29))));
        assertThat(certificate.getVersion()).isEqualTo(3);
        assertThat(certificate.getSubjectX500Principal()).isEqualTo(certificate.getIssuerX500Principal());
        assertThat(certificate.getSubjectX500Principal().getName()).contains("CN=localhost");
        assertThat(certificate.getSubjectAlternativeNames())
                .containsExactlyInAnyOrder(List.of(2, "localhost"), List.of(7, "127.0.0.1"));
        assertThat(generated.privateKey().getAlgorithm()).isEqualTo("EC");
    }
}
