package dev.wfmconnector.store;

import static dev.wfmconnector.store.Users.id;
import static dev.wfmconnector.store.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class AgentRegistryTest {

    @OnBothDatabases
    void anAgentIsUnknownUntilSaved(TestDatabase db) {
        AgentRegistry agents = new AgentRegistry(db.jdbc());
        assertThat(agents.find("emea", id(1))).isEmpty();

        SalesforceUser ada = user(id(1), "Ada Lovelace");
        agents.save("EMEA", List.of(StoredUser.published(ada, 1)));

        StoredUser stored = agents.find("emea", id(1)).orElseThrow();
        assertThat(stored.user()).isEqualTo(ada);
        assertThat(stored.revision()).isEqualTo(1);
        assertThat(stored.updatedAt()).isNotNull();
        assertThat(agents.find("apac", id(1))).isEmpty();
    }

    @OnBothDatabases
    void aChangedAgentReplacesItsFieldsAndRevision(TestDatabase db) {
        AgentRegistry agents = new AgentRegistry(db.jdbc());
        SalesforceUser ada = user(id(1), "Ada Lovelace");
        agents.save("emea", List.of(StoredUser.published(ada, 1)));

        SalesforceUser married = new SalesforceUser(ada.id(), ada.username(), "Ada", "King", "Ada King", null, false,
                null, "Europe/London");
        StoredUser before = agents.find("emea", ada.id()).orElseThrow();
        assertThat(before.changedBy(ada)).isFalse();
        assertThat(before.changedBy(married)).isTrue();

        agents.save("emea", List.of(StoredUser.published(married, 2)));

        StoredUser after = agents.find("emea", ada.id()).orElseThrow();
        assertThat(after.user()).isEqualTo(married);
        assertThat(after.revision()).isEqualTo(2);
        assertThat(db.jdbc().queryForObject("SELECT digest FROM agents", String.class)).isEqualTo(married.digest());
    }

    @OnBothDatabases
    void manyAgentsAreFoundInBatches(TestDatabase db) {
        AgentRegistry agents = new AgentRegistry(db.jdbc());
        List<StoredUser> synced = IntStream.rangeClosed(1, 1200)
                .mapToObj(n -> StoredUser.published(user(id(n), "Agent Number" + n), 1)).toList();
        agents.save("emea", synced);

        List<String> seen = new ArrayList<>(IntStream.rangeClosed(1001, 1300).mapToObj(Users::id).toList());
        seen.addAll(IntStream.rangeClosed(1, 500).mapToObj(Users::id).toList());
        Map<String, StoredUser> found = agents.find("emea", seen);

        assertThat(found).hasSize(700);
        assertThat(found).containsKeys(id(1), id(500), id(1001), id(1200)).doesNotContainKeys(id(1201), id(1300));
        assertThat(found.get(id(1200)).user().name()).isEqualTo("Agent Number1200");
    }
}
