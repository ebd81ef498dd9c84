package dev.wfmconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SalesforceUserTest {

    private static final SalesforceUser ADA = new SalesforceUser("005000000000000001", "ada@acme.example", "Ada",
            "Lovelace", "Ada Lovelace", "ada@acme.example", true, null, "Europe/London");

    @Test
    void theDigestIsTheSameForTheSameFields() {
        SalesforceUser same = new SalesforceUser(ADA.id(), ADA.username(), ADA.firstName(), ADA.lastName(), ADA.name(),
                ADA.email(), ADA.active(), ADA.federationId(), ADA.timeZone());
        assertThat(same.digest()).isEqualTo(ADA.digest()).hasSize(64);
    }

    @Test
    void everyPublishedFieldChangesTheDigest() {
        assertThat(new SalesforceUser(ADA.id(), ADA.username(), ADA.firstName(), ADA.lastName(), ADA.name(),
                ADA.email(), false, ADA.federationId(), ADA.timeZone()).digest()).isNotEqualTo(ADA.digest());
        assertThat(new SalesforceUser(ADA.id(), ADA.username(), ADA.firstName(), ADA.lastName(), ADA.name(),
                ADA.email(), ADA.active(), "", ADA.timeZone()).digest()).isNotEqualTo(ADA.digest());
        assertThat(new SalesforceUser(ADA.id(), ADA.username(), ADA.firstName(), ADA.lastName(), ADA.name(),
                ADA.email(), ADA.active(), ADA.federationId(), "Europe/Paris").digest()).isNotEqualTo(ADA.digest());
    }

    @Test
    void fieldsDoNotRunIntoEachOther() {
        SalesforceUser a = new SalesforceUser("1", "ab", "c", null, null, null, true, null, null);
        SalesforceUser b = new SalesforceUser("1", "a", "bc", null, null, null, true, null, null);
        assertThat(a.digest()).isNotEqualTo(b.digest());
    }
}
