package dev.wfmconnector.status;

import static dev.wfmconnector.config.IntegrationType.HISTORICAL;
import static dev.wfmconnector.config.IntegrationType.REALTIME;
import static dev.wfmconnector.config.IntegrationType.USER_IMPORT;
import static dev.wfmconnector.status.TestSettings.historical;
import static dev.wfmconnector.status.TestSettings.realtime;
import static dev.wfmconnector.status.TestSettings.userImport;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.config.ConnectorSettings;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.ReportedStates;
import dev.wfmconnector.store.StatusToggles;
import dev.wfmconnector.store.TestDatabase;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class IntegrationStatesTest {

    private static final String SECRET = "emea-Client-Secret-4b1d";

    private final TestDatabase db = TestDatabase.open(TestDatabase.Engine.H2);
    private final StatusToggles toggles = new StatusToggles(db.jdbc());
    private final RealtimeGates gates = new RealtimeGates(db.jdbc());
    private final List<Object> events = new ArrayList<>();

    private final ConnectorSettings settings = TestSettings.of(
            historical("EMEA", true, SECRET), historical("apac", true, "apac-secret"),
            realtime("emea", true, SECRET), userImport("emea", false, SECRET));

    @AfterEach
    void closeDatabase() {
        db.close();
    }

    /** The states of a pod that leads every group, as a single pod does. */
    private IntegrationStates states() {
        IntegrationStates states = pod(events);
        settings.all().forEach(i -> states.leading(i.group(), true));
        return states;
    }

    /** The states of a pod sharing the store with the others, leading no group until told. */
    private IntegrationStates pod(List<Object> podEvents) {
        return new IntegrationStates(settings, toggles, gates, new ReportedStates(db.jdbc()), podEvents::add);
    }

    @Test
    void integrationsStartEnabledRunningWaitingForTheGateOrDisabled() {
        IntegrationStates states = states();

        assertThat(states.all()).extracting(s -> s.type().wireName() + " " + s.group() + " " + s.state())
                .containsExactly("historical EMEA RUNNING", "historical apac RUNNING",
                        "realtime emea WAITING_FOR_HISTORICAL", "user-import emea DISABLED");
        assertThat(states.get(USER_IMPORT, "emea").configuredEnabled()).isFalse();
        assertThat(states.get(USER_IMPORT, "emea").toggledEnabled()).isNull();
    }

    @Test
    void aRealtimeIntegrationWhoseGateIsOpenStartsRunning() {
        gates.open("emea", 1, Instant.parse("2026-11-24T10:00:00Z"));

        assertThat(states().get(REALTIME, "emea").state()).isEqualTo(IntegrationState.RUNNING);
    }

    @Test
    void groupsAreFoundCaseInsensitivelyAndUnknownOnesNamed() {
        IntegrationStates states = states();

        assertThat(states.get(HISTORICAL, " emea ").group()).isEqualTo("EMEA");
        assertThatThrownBy(() -> states.get(REALTIME, "apac"))
                .isInstanceOf(UnknownIntegrationException.class)
                .hasMessage("no realtime integration \"apac\" is configured; configured: historical \"EMEA\","
                        + " historical \"apac\", realtime \"emea\", user-import \"emea\"");
    }

    @Test
    void runtimesReportWhatTheyDo() {
        IntegrationStates states = states();

        states.failed(HISTORICAL, "emea", "INVALID_CLIENT: invalid client credentials");
        IntegrationStatus failed = states.get(HISTORICAL, "emea");
        assertThat(failed.state()).isEqualTo(IntegrationState.FAILED);
        assertThat(failed.reason()).isEqualTo("INVALID_CLIENT: invalid client credentials");
        assertThat(failed.since()).isNotNull();

        states.running(REALTIME, "emea");
        states.running(HISTORICAL, "emea");
        assertThat(states.get(REALTIME, "emea").state()).isEqualTo(IntegrationState.RUNNING);
        assertThat(states.get(HISTORICAL, "emea").reason()).isNull();

        states.waitingForHistorical(REALTIME, "emea");
        assertThat(states.get(REALTIME, "emea").state()).isEqualTo(IntegrationState.WAITING_FOR_HISTORICAL);
    }

    @Test
    void reportsAboutADisabledIntegrationAreIgnored() {
        IntegrationStates states = states();

        states.running(USER_IMPORT, "emea");
        states.failed(USER_IMPORT, "emea", "late failure of a stopping route");

        assertThat(states.get(USER_IMPORT, "emea").state()).isEqualTo(IntegrationState.DISABLED);
    }

    @Test
    void aConfiguredSecretNeverShowsInAReason() {
        IntegrationStates states = states();

        states.failed(HISTORICAL, "apac", "token request client_secret=" + SECRET + " and apac-secret refused");

        assertThat(states.get(HISTORICAL, "apac").reason())
                .isEqualTo("token request client_secret=****** and ****** refused");
    }

    @Test
    void aStatusSetThroughTheApiIsPersistedOverridesTheConfigurationAndIsAnnounced() {
        IntegrationStates states = states();

        IntegrationStatus disabled = states.setStatus(HISTORICAL, "Emea", false);
        assertThat(disabled.state()).isEqualTo(IntegrationState.DISABLED);
        assertThat(disabled.configuredEnabled()).isTrue();
        assertThat(disabled.enabled()).isFalse();
        assertThat(disabled.toggledAt()).isNotNull();
        assertThat(events).containsExactly(new IntegrationStatusChanged(HISTORICAL, "EMEA", false));
        assertThat(toggles.find(HISTORICAL, "emea").orElseThrow().enabled()).isFalse();

        IntegrationStatus enabled = states.setStatus(USER_IMPORT, "emea", true);
        assertThat(enabled.state()).isEqualTo(IntegrationState.RUNNING);
        assertThat(enabled.configuredEnabled()).isFalse();
        assertThat(enabled.enabled()).isTrue();
        assertThat(events).endsWith(new IntegrationStatusChanged(USER_IMPORT, "emea", true));
    }

    @Test
    void settingTheStatusInForceAgainAnnouncesNothingAndKeepsTheState() {
        IntegrationStates states = states();
        states.failed(HISTORICAL, "emea", "API version 53.0 is not served by the org");

        IntegrationStatus status = states.setStatus(HISTORICAL, "emea", true);

        assertThat(status.state()).isEqualTo(IntegrationState.FAILED);
        assertThat(status.toggledEnabled()).isTrue();
        assertThat(events).isEmpty();
    }

    @Test
    void aStatusSetThroughTheApiOutlivesARestart() {
        states().setStatus(REALTIME, "emea", false);

        IntegrationStatus afterRestart = states().get(REALTIME, "emea");

        assertThat(afterRestart.state()).isEqualTo(IntegrationState.DISABLED);
        assertThat(afterRestart.configuredEnabled()).isTrue();
        assertThat(afterRestart.toggledEnabled()).isFalse();
    }

    @Test
    void aPodThatDoesNotLeadTheGroupShowsTheStateItsLeaderReported() {
        IntegrationStates leader = states();
        IntegrationStates follower = pod(new ArrayList<>());
        assertThat(follower.get(HISTORICAL, "emea").state()).as("nothing reported yet").isEqualTo(IntegrationState.RUNNING);

        leader.failed(HISTORICAL, "emea", "login failed: invalid client credentials " + SECRET);
        IntegrationStatus shown = follower.get(HISTORICAL, "emea");
        assertThat(shown.state()).isEqualTo(IntegrationState.FAILED);
        assertThat(shown.reason()).isEqualTo("login failed: invalid client credentials " + IntegrationStates.MASK);
        assertThat(follower.all()).filteredOn(st -> st.type() == HISTORICAL && st.group().equals("EMEA"))
                .extracting(IntegrationStatus::state).containsExactly(IntegrationState.FAILED);
        assertThat(follower.get(HISTORICAL, "apac").state()).isEqualTo(IntegrationState.RUNNING);

        leader.running(HISTORICAL, "emea");
        assertThat(follower.get(HISTORICAL, "emea").state()).isEqualTo(IntegrationState.RUNNING);
        assertThat(follower.get(HISTORICAL, "emea").reason()).isNull();

        // the follower takes over; what the old leader's stopping runtime reports is not shown anywhere
        follower.leading("emea", true);
        leader.leading("emea", false);
        leader.failed(HISTORICAL, "emea", "stopped while running");
        assertThat(pod(new ArrayList<>()).get(HISTORICAL, "emea").state()).isEqualTo(IntegrationState.RUNNING);
        follower.failed(HISTORICAL, "emea", "describing AgentWork failed");
        assertThat(leader.get(HISTORICAL, "emea").reason()).isEqualTo("describing AgentWork failed");
    }

    @Test
    void aStatusSetThroughAnotherPodsApiIsTakenUpAndAnnouncedOnce() {
        IntegrationStates asked = states();
        List<Object> leaderEvents = new ArrayList<>();
        IntegrationStates leader = pod(leaderEvents);
        leader.leading("emea", true);

        asked.setStatus(HISTORICAL, "emea", false);
        assertThat(leader.get(HISTORICAL, "emea").enabled()).as("not read yet").isTrue();
        leader.refreshToggles();

        IntegrationStatus status = leader.get(HISTORICAL, "emea");
        assertThat(status.enabled()).isFalse();
        assertThat(status.state()).isEqualTo(IntegrationState.DISABLED);
        assertThat(leaderEvents).containsExactly(new IntegrationStatusChanged(HISTORICAL, "EMEA", false));
        leader.refreshToggles();
        assertThat(leaderEvents).hasSize(1);

        asked.setStatus(HISTORICAL, "emea", true);
        leader.refreshToggles();
        assertThat(leader.get(HISTORICAL, "emea").state()).isEqualTo(IntegrationState.RUNNING);
        assertThat(leaderEvents).containsExactly(new IntegrationStatusChanged(HISTORICAL, "EMEA", false),
                new IntegrationStatusChanged(HISTORICAL, "EMEA", true));
    }
}
