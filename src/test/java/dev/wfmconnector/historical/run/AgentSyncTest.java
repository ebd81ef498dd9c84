package dev.wfmconnector.historical.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSyncTest {

    private static final SalesforceUser ALICE = new SalesforceUser("005000000000001AAA", "alice@acme.example.com",
            "Alice", "Ng", "Alice Ng", "alice@acme.example.com", true, "A-17", "Europe/London");
    private static final SalesforceUser BOB = new SalesforceUser("005000000000002AAA", "bob@acme.example.com",
            "Bob", "Okafor", "Bob Okafor", "bob@acme.example.com", true, null, "Europe/Paris");

    @Test
    void newUsersAreRevisionOneChangedOnesTheNextUnchangedOnesNothing() {
        SalesforceUser renamed = new SalesforceUser(BOB.id(), BOB.username(), "Robert", "Okafor", "Robert Okafor",
                BOB.email(), true, null, "Europe/Paris");
        SalesforceUser carol = new SalesforceUser("005000000000003AAA", "carol@acme.example.com", "Carol", "Diaz",
                "Carol Diaz", "carol@acme.example.com", false, null, "UTC");
        List<StoredUser> publish = AgentSync.toPublish(List.of(carol, renamed, ALICE),
                Map.of(ALICE.id(), StoredUser.published(ALICE, 1), BOB.id(), StoredUser.published(BOB, 2)));

        assertThat(publish).extracting(StoredUser::id).containsExactly(BOB.id(), carol.id());
        assertThat(publish).extracting(StoredUser::revision).containsExactly(3L, 1L);
        assertThat(publish.get(0).user()).isEqualTo(renamed);
    }

    @Test
    void anAgentRecordCarriesTheUserFieldsOfSpec6() throws Exception {
        Envelope envelope = AgentSync.envelope("emea", StoredUser.published(ALICE, 2),
                Instant.parse("2026-11-24T10:02:00Z"));
        assertThat(envelope.type()).isEqualTo("agent");
        assertThat(envelope.key()).isEqualTo("emea|agent|005000000000001AAA");
        assertThat(envelope.revision()).isEqualTo(2);
        assertThat(new ObjectMapper().writeValueAsString(envelope.data())).isEqualTo("{\"agentId\":\"005000000000001AAA\","
                + "\"username\":\"alice@acme.example.com\",\"firstName\":\"Alice\",\"lastName\":\"Ng\",\"name\":\"Alice Ng\","
                + "\"email\":\"alice@acme.example.com\",\"active\":true,\"federationId\":\"A-17\",\"timeZone\":\"Europe/London\"}");
    }
}
