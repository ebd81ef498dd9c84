package dev.wfmconnector.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.ServicePresenceStatus;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.simulator.org.UserServicePresence;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The facade: start-up, platform events consistent with the presence rows, live running. */
class SalesforceOrgSimulatorTest {

    private static final Instant TUESDAY_8AM = Instant.parse("2026-11-24T08:00:00Z");

    /** A platform event as the Pub/Sub server would receive it. */
    record Published(String topic, Map<String, Object> fields) {
        String line() {
            return fields.get("UserId__c") + " " + fields.get("StatusName__c") + " " + fields.get("StatusStartDate__c");
        }
    }

    /** Records every event in order. */
    static final class RecordingEvents implements PlatformEvents {
        final List<Published> events = new CopyOnWriteArrayList<>();

        @Override
        public byte[] publish(String topic, Map<String, Object> fields) {
            events.add(new Published(topic, Map.copyOf(fields)));
            return new byte[] {(byte) events.size()};
        }
    }

    @Test
    void publishesOneEventPerPresenceChangeFromStartOnConsistentWithTheRows() {
        MutableClock clock = new MutableClock(TUESDAY_8AM);
        RecordingEvents sink = new RecordingEvents();
        try (SalesforceOrgSimulator sim = SalesforceOrgSimulator.builder().client("c", "s").seed(9).agents(25)
                .history(Duration.ofDays(1)).clock(clock).platformEvents(sink).build().start()) {
            assertThat(sink.events).isEmpty();
            assertThat(sim.org().records(OrgSchema.USER_SERVICE_PRESENCE)).isNotEmpty();

            clock.advance(Duration.ofHours(10));
            sim.scenario().advanceTo(clock.instant());

            assertThat(sink.events).allSatisfy(e -> {
                assertThat(e.topic()).isEqualTo("/event/WFM_Agent_State__e");
                assertThat(e.fields()).containsOnlyKeys("UserId__c", "StatusName__c", "StatusStartDate__c");
                assertThat(e.fields().get("StatusStartDate__c")).isInstanceOf(Instant.class);
            });
            assertThat(sink.events.stream().map(Published::line).toList())
                    .isEqualTo(expectedEvents(sim, TUESDAY_8AM));
            assertThat(sink.events).anySatisfy(e -> assertThat(e.fields().get("StatusName__c")).isEqualTo("Offline"));
            assertThat(sink.events).anySatisfy(e -> assertThat(e.fields().get("StatusName__c")).isEqualTo("On call"));
        }
    }

    /** Status changes and logouts (a row ending with no row following at that instant) since {@code from}, in order. */
    private static List<String> expectedEvents(SalesforceOrgSimulator sim, Instant from) {
        Map<String, String> labels = sim.org().presenceStatuses().stream()
                .collect(Collectors.toMap(ServicePresenceStatus::id, ServicePresenceStatus::masterLabel));
        List<UserServicePresence> rows = sim.org().records(OrgSchema.USER_SERVICE_PRESENCE);
        record Change(Instant at, long order, String line) {
        }
        List<Change> changes = new ArrayList<>();
        for (UserServicePresence row : rows) {
            if (!row.statusStartDate().isBefore(from)) {
                changes.add(new Change(row.statusStartDate(), 1, row.userId() + " "
                        + labels.get(row.servicePresenceStatusId()) + " " + row.statusStartDate()));
            }
            Instant end = row.statusEndDate();
            boolean followed = rows.stream().anyMatch(r -> r.userId().equals(row.userId())
                    && r.statusStartDate().equals(end));
            if (end != null && !end.isBefore(from) && !followed) {
                changes.add(new Change(end, 0, row.userId() + " Offline " + end));
            }
        }
        changes.sort(Comparator.comparing(Change::at).thenComparing(Change::order));
        return changes.stream().map(Change::line).toList();
    }

    @Test
    void scriptedAgentActionsPublishOnceStarted() {
        RecordingEvents sink = new RecordingEvents();
        SalesforceOrgSimulator sim = SalesforceOrgSimulator.builder().client("c", "s").agents(0).build();
        try (sim) {
            User agent = sim.org().addUser("Gia", "Gallagher");
            sim.org().agent(agent.id()).status("Ready", TUESDAY_8AM);
            sim.connectPubSub(sink, null);
            sim.start();
            sim.org().agent(agent.id()).status("Training", TUESDAY_8AM.plusSeconds(60));
            sim.org().agent(agent.id()).logout(TUESDAY_8AM.plusSeconds(120));

            assertThat(sink.events.stream().map(Published::line)).containsExactly(
                    agent.id() + " Training " + TUESDAY_8AM.plusSeconds(60),
                    agent.id() + " Offline " + TUESDAY_8AM.plusSeconds(120));
        }
    }

    @Test
    void runsLiveAtTheClocksPace() {
        MutableClock clock = new MutableClock(TUESDAY_8AM);
        RecordingEvents sink = new RecordingEvents();
        try (SalesforceOrgSimulator sim = SalesforceOrgSimulator.builder().client("c", "s").agents(10).clock(clock)
                .live(true).liveTick(Duration.ofMillis(20)).platformEvents(sink).build().start()) {
            clock.advance(Duration.ofMinutes(90));
            await().atMost(Duration.ofSeconds(10)).until(() -> sim.scenario().now().equals(clock.instant()));
            assertThat(sink.events).isNotEmpty();
            assertThat(sim.org().work()).isNotEmpty();
        }
    }

    @Test
    void describesWhereItListens() {
        try (SalesforceOrgSimulator sim = SalesforceOrgSimulator.builder().client("c", "s").agents(0).build()
                .start()) {
            assertThat(sim.baseUrl()).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sim.tokenUrl()).isEqualTo(sim.baseUrl() + "/services/oauth2/token");
            assertThat(sim.loginDomainUrl()).isNull();
            assertThat(sim.platformEventTopic()).isEqualTo("/event/WFM_Agent_State__e");
            assertThat(sim.accessTokens().orgId()).isEqualTo(sim.orgId());
            assertThat(sim.org().queues()).extracting(q -> q.developerName())
                    .containsExactly("Chat_Sales", "Chat_Support", "Voice_Support", "Email_Support");
            Map<String, ServicePresenceStatus> statuses = sim.org().presenceStatuses().stream()
                    .collect(Collectors.toMap(ServicePresenceStatus::masterLabel, Function.identity()));
            assertThat(statuses).containsOnlyKeys("Ready", "On call", "Email", "Not ready", "Training", "Admin", "Idle",
                    "Lunch", "Meeting");
        }
    }

    @Test
    void needsAnOAuthClient() {
        assertThatThrownBy(() -> SalesforceOrgSimulator.builder().build())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("client(id, secret)");
    }
}
