package dev.wfmconnector.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.output.EnvelopeJson;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** A user change as the published {@code user} record (SPEC §6) and as what the store keeps. */
class UserChangeTest {

    private static final SalesforceUser BO = new SalesforceUser("005000000000000BBB", "bo@acme.example", null, "Bo",
            "Bo", null, false, "E77", "America/New_York");

    @Test
    void isAUserRecordWithEveryFieldAndTheChange() {
        UserChange change = new UserChange(BO, UserChange.Kind.DEACTIVATED, 3);

        assertThat(EnvelopeJson.write(change.envelope("emea", Instant.parse("2026-11-24T03:00:01.500Z"))))
                .isEqualTo("""
                        {"type":"user","schemaVersion":1,"group":"emea","key":"emea|user|005000000000000BBB",\
                        "revision":3,"producedAt":"2026-11-24T03:00:01.500Z","data":{"userId":"005000000000000BBB",\
                        "username":"bo@acme.example","firstName":null,"lastName":"Bo","name":"Bo","email":null,\
                        "active":false,"federationId":"E77","timeZone":"America/New_York","change":"deactivated"}}""");
    }

    @Test
    void isStoredWithItsRevision() {
        assertThat(new UserChange(BO, UserChange.Kind.UPDATED, 4).stored()).isEqualTo(StoredUser.published(BO, 4));
    }
}
