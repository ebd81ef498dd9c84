package dev.wfmconnector.store;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.REALTIME;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

class ReportedStatesTest {

    private static final Instant SINCE = Instant.parse("2026-11-24T10:02:00Z");

    @OnBothDatabases
    void theLastReportedStateOfEachIntegrationIsKept(TestDatabase db) {
        ReportedStates states = new ReportedStates(db.jdbc());
        assertThat(states.find(HISTORICAL, "emea")).isEmpty();

        states.save(new ReportedState(HISTORICAL, "EMEA ", "FAILED", "describing AgentWork failed", SINCE));
        states.save(new ReportedState(REALTIME, "emea", "WAITING_FOR_HISTORICAL", null, SINCE));
        assertThat(states.find(HISTORICAL, "Emea")).contains(
                new ReportedState(HISTORICAL, "emea", "FAILED", "describing AgentWork failed", SINCE));

        states.save(new ReportedState(HISTORICAL, "emea", "RUNNING", null, SINCE.plusSeconds(5)));
        assertThat(states.find(HISTORICAL, "emea")).contains(
                new ReportedState(HISTORICAL, "emea", "RUNNING", null, SINCE.plusSeconds(5)));
        assertThat(states.find(REALTIME, "emea").orElseThrow().state()).isEqualTo("WAITING_FOR_HISTORICAL");
    }
}
