package dev.wfmconnector.status;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.REALTIME;
import static dev.wfmconnector.status.TestSettings.historical;
import static dev.wfmconnector.status.TestSettings.realtime;
import static dev.wfmconnector.status.TestSettings.userImport;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.ReportedStates;
import dev.wfmconnector.store.StatusToggles;
import dev.wfmconnector.store.TestDatabase;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.Status;

class IntegrationsHealthIndicatorTest {

    private final TestDatabase db = TestDatabase.open(TestDatabase.Engine.H2);

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    private IntegrationStates states(ConnectorSettings settings) {
        IntegrationStates states = new IntegrationStates(settings, new StatusToggles(db.jdbc()),
                new RealtimeGates(db.jdbc()), new ReportedStates(db.jdbc()), e -> { });
        settings.all().forEach(i -> states.leading(i.group(), true));
        return states;
    }

    private static Health health(IntegrationStates states) {
        return new IntegrationsHealthIndicator(states).health();
    }

    @Test
    void upWhileOneEnabledIntegrationHasNotFailed() {
        IntegrationStates states = states(TestSettings.of(historical("emea", true, "s1"), historical("apac", true, "s2"),
                realtime("emea", true, "s1")));
        states.failed(HISTORICAL, "emea", "bad credentials");
        states.failed(REALTIME, "emea", "unknown event");

        assertThat(health(states).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aReplicaThatRunsNoneOfTheFailedIntegrationsStaysReadyAndShowsTheirState() {
        ConnectorSettings settings = TestSettings.of(historical("emea", true, "s1"), realtime("emea", true, "s1"));
        IntegrationStates leader = states(settings);
        leader.failed(HISTORICAL, "emea", "bad credentials");
        leader.failed(REALTIME, "emea", "unknown event");
        IntegrationStates replica = new IntegrationStates(settings, new StatusToggles(db.jdbc()),
                new RealtimeGates(db.jdbc()), new ReportedStates(db.jdbc()), e -> { });

        assertThat(health(leader).getStatus()).isEqualTo(Status.DOWN);
        Health health = health(replica);
        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Map<String, Object>) health.getDetails().get("historical/emea"))
                .containsEntry("state", IntegrationState.FAILED).containsEntry("reason", "bad credentials");
    }

    @Test
    void waitingForHistoricalIsNotAFailure() {
        IntegrationStates states = states(TestSettings.of(historical("emea", true, "s1"), realtime("emea", true, "s1")));
        states.failed(HISTORICAL, "emea", "bad credentials");

        assertThat(states.get(REALTIME, "emea").state()).isEqualTo(IntegrationState.WAITING_FOR_HISTORICAL);
        assertThat(health(states).getStatus()).isEqualTo(Status.UP);
    }

    @Test
    @SuppressWarnings("unchecked")
    void downWhenEveryEnabledIntegrationHasFailed() {
        IntegrationStates states = states(TestSettings.of(historical("emea", true, "s1"), historical("apac", true, "s2"),
                userImport("emea", false, "s1")));
        states.failed(HISTORICAL, "emea", "bad credentials");
        states.failed(HISTORICAL, "apac", "API version 53.0 is not served by the org");

        Health health = health(states);

        assertThat(health.getStatus()).isEqualTo(Status.DOWN);
        assertThat(health.getDetails()).containsOnlyKeys("historical/emea", "historical/apac", "user-import/emea");
        assertThat((Map<String, Object>) health.getDetails().get("historical/apac"))
                .containsEntry("state", IntegrationState.FAILED)
                .containsEntry("reason", "API version 53.0 is not served by the org")
                .containsKey("since");
        assertThat((Map<String, Object>) health.getDetails().get("user-import/emea"))
                .containsEntry("state", IntegrationState.DISABLED).doesNotContainKey("reason");
    }

    @Test
    void upWithNothingEnabled() {
        IntegrationStates states = states(TestSettings.of(historical("emea", false, "s1")));

        assertThat(health(states).getStatus()).isEqualTo(Status.UP);
        assertThat(health(states(TestSettings.of())).getStatus()).isEqualTo(Status.UP);
    }
}
