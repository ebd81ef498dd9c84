package dev.wfmconnector.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.wfmconnector.historical.ActivityCategories;
import dev.wfmconnector.historical.Category;
import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.store.PresenceStatus;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AgentStateMapperTest {

    private static final String AGENT_15 = "005Hs00000AbCdE";
    private static final String AGENT_18 = "005Hs00000AbCdEIAV";
    private static final Instant CREATED = Instant.parse("2026-11-24T10:15:30.250Z");
    private static final Instant SINCE = Instant.parse("2026-11-24T10:15:29Z");
    private static final Instant PRODUCED = Instant.parse("2026-11-24T10:15:30.300Z");

    private final ActivityCategories lists = new ActivityCategories(List.of("Admin", "Email"), List.of("Idle"),
            List.of("Not ready", "Training"), List.of("Ready", "On call", "Busy_Backoffice"));
    private final List<PresenceStatus> catalog = List.of(
            new PresenceStatus("0N5000000000001AAA", "Ready", "Ready"),
            new PresenceStatus("0N5000000000002AAA", "On call", "On_Call"),
            new PresenceStatus("0N5000000000003AAA", "Back office", "Busy_Backoffice"),
            new PresenceStatus("0N5000000000004AAA", "Coffee", "Idle"),
            new PresenceStatus("0N5000000000005AAA", "Lunch", "Lunch"));
    private final AgentStateMapper mapper = new AgentStateMapper("emea", lists, catalog);

    @Test
    void anEventOfAKnownAgentBecomesAnAgentStateRecord() {
        AgentStateEvent event = new AgentStateEvent(AGENT_18, "On call", SINCE, CREATED, "AAAAAQAAAB8=");

        Envelope record = mapper.map(event, AGENT_18, agent(AGENT_18, "Ada Lovelace"), PRODUCED);

        assertThat(record.type()).isEqualTo("agent-state");
        assertThat(record.schemaVersion()).isEqualTo(1);
        assertThat(record.group()).isEqualTo("emea");
        assertThat(record.key()).isEqualTo("emea|agent-state|" + AGENT_18 + "|AAAAAQAAAB8=");
        assertThat(record.revision()).isEqualTo(1);
        assertThat(record.producedAt()).isEqualTo(PRODUCED);
        assertThat(record.data()).containsExactly(
                entry("agentId", AGENT_18),
                entry("agentName", "Ada Lovelace"),
                entry("agentKnown", true),
                entry("activity", "On call"),
                entry("category", "READY"),
                entry("since", SINCE),
                entry("eventTime", CREATED),
                entry("replayId", "AAAAAQAAAB8="));
    }

    @Test
    void aFifteenCharacterUserIdIsWidenedAndAnEighteenCharacterOneKeepsItsCanonicalCase() {
        assertThat(AgentStateMapper.agentId(event(AGENT_15, "Ready"))).contains(AGENT_18);
        assertThat(AgentStateMapper.agentId(event(AGENT_18.toLowerCase(), "Ready"))).contains(AGENT_18);
        assertThat(AgentStateMapper.agentId(event(AGENT_18, "Ready"))).contains(AGENT_18);
    }

    @Test
    void anEventWithNoUsableUserIdHasNoAgentId() {
        assertThat(AgentStateMapper.agentId(event(null, "Ready"))).isEmpty();
        assertThat(AgentStateMapper.agentId(event("not-a-user-id", "Ready"))).isEmpty();
        assertThat(AgentStateMapper.agentId(event("005Hs00000AbCd", "Ready"))).isEmpty();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "Ready, READY",
            "READY, READY",
            "' on call ', READY",
            "On_Call, READY",                 // an API name matches too
            "Back office, READY",             // the label is unknown to the lists, its API name is in one
            "Coffee, IDLE",
            "Training, NOT_READY",            // in a list but not in the catalog: matched by name
            "Email, ADMIN",
            "Offline, OFFLINE",
            "offline, OFFLINE",
            "Lunch, UNMAPPED",
            "Holiday, UNMAPPED"})
    void theCategoryComesFromTheHistoricalIntegrationsListsThroughTheCatalog(String activity, Category expected) {
        assertThat(mapper.category(activity)).isEqualTo(expected);
    }

    @Test
    void aStatusLabelAndApiNameInDifferentListsAreDecidedByTheLabel() {
        ActivityCategories split = new ActivityCategories(List.of("Admin"), List.of(), List.of(), List.of("Break"));
        AgentStateMapper m = new AgentStateMapper("emea", split,
                List.of(new PresenceStatus("0N5000000000009AAA", "Break", "Admin")));

        assertThat(m.category("Break")).isEqualTo(Category.READY);
        assertThat(m.category("Admin")).isEqualTo(Category.READY);
    }

    @Test
    void anEventWithNoActivityIsUnmapped() {
        assertThat(mapper.category(null)).isEqualTo(Category.UNMAPPED);
    }

    @Test
    void sinceDefaultsToTheEventsCreatedDate() {
        AgentStateEvent event = new AgentStateEvent(AGENT_18, "Ready", null, CREATED, "AQ==");

        Envelope record = mapper.map(event, AGENT_18, null, PRODUCED);

        assertThat(record.data()).containsEntry("since", CREATED).containsEntry("eventTime", CREATED);
    }

    @Test
    void aBatchSkipsEventsWithoutUserIdAndMarksAgentsNotYetSynced() {
        String unknown18 = "005Hs00000ZzZzZIAV";
        List<AgentStateEvent> events = List.of(
                new AgentStateEvent(AGENT_15, "Ready", SINCE, CREATED, "AQ=="),
                new AgentStateEvent(null, "Ready", SINCE, CREATED, "Ag=="),
                new AgentStateEvent(unknown18, "Offline", SINCE, CREATED, "Aw=="),
                new AgentStateEvent(AGENT_18, "Lunch", SINCE, CREATED, "BA=="));

        AgentStateMapper.Mapped mapped = mapper.mapAll(events, Map.of(AGENT_18, agent(AGENT_18, "Ada Lovelace")), PRODUCED);

        assertThat(mapped.skipped()).isEqualTo(1);
        assertThat(mapped.unknownAgents()).isEqualTo(1);
        assertThat(mapped.records()).extracting(Envelope::key).containsExactly(
                "emea|agent-state|" + AGENT_18 + "|AQ==",
                "emea|agent-state|" + unknown18 + "|Aw==",
                "emea|agent-state|" + AGENT_18 + "|BA==");
        assertThat(mapped.records().get(1).data())
                .containsEntry("agentName", null)
                .containsEntry("agentKnown", false)
                .containsEntry("category", "OFFLINE");
        assertThat(mapped.records().get(2).data()).containsEntry("category", "UNMAPPED");
    }

    private static AgentStateEvent event(String userId, String activity) {
        return new AgentStateEvent(userId, activity, SINCE, CREATED, "AQ==");
    }

    private static StoredUser agent(String id, String name) {
        String[] parts = name.split(" ");
        return StoredUser.published(new SalesforceUser(id, parts[0].toLowerCase() + "@acme.example.com", parts[0],
                parts[1], name, parts[0].toLowerCase() + "@acme.example.com", true, null, "Europe/London"), 1);
    }
}
