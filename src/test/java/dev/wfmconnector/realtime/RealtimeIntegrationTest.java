package dev.wfmconnector.realtime;

import static dev.wfmconnector.realtime.SimulatedSalesforce.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.integration.RealtimeGateOpened;
import dev.wfmconnector.realtime.AgentStateMessages.Received;
import dev.wfmconnector.realtime.SimulatedSalesforce.Published;
import dev.wfmconnector.salesforce.SalesforceIds;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.status.IntegrationState;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.store.AgentRegistry;
import dev.wfmconnector.store.PresenceStatus;
import dev.wfmconnector.store.PresenceStatusCatalog;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.ReplayCheckpoint;
import dev.wfmconnector.store.ReplayCheckpoints;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * The realtime integration in the whole application, against the Salesforce org simulator through the real
 * camel-salesforce client over TLS: the simulator's contact center runs live 120 times faster than real time
 * (agents change presence several times a second) and every platform event it publishes is recorded. The
 * {@code wfm.agent-state} queue of the embedded broker is consumed throughout. The tests run in order on one
 * application, started like the real one ({@link SpringApplicationBuilder}, a temporary state store and broker
 * journal); the last one stops it while the simulator keeps publishing and starts it again on the same files.
 * "Arrives once" is checked on the queue and, where a record published twice would be hidden by the broker's
 * duplicate detection, on the connector's own published count.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RealtimeIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    /** How the historical integration's lists (as configured) categorise the simulator's statuses. */
    private static final Map<String, String> CATEGORIES = Map.of("ready", "READY", "on call", "READY",
            "email", "ADMIN", "admin", "ADMIN", "not ready", "NOT_READY", "training", "NOT_READY", "idle", "IDLE",
            "offline", "OFFLINE");

    private final List<AgentStateMessages> consumers = new ArrayList<>();
    private final Set<String> unsyncedAgents = new HashSet<>();
    private Path directory;
    private SimulatedSalesforce salesforce;
    private ConfigurableApplicationContext application;
    /** Index in the published events of the first one the connector had to deliver (the subscription began at LATEST). */
    private int firstExpected = -1;

    @BeforeAll
    void start() throws IOException {
        directory = Files.createTempDirectory("realtime-integration");
        salesforce = SimulatedSalesforce.live(30, 120, directory);
        application = startApplication();
        consumers.add(new AgentStateMessages(bean(ConnectionFactory.class)));
    }

    @AfterAll
    void stop() {
        consumers.forEach(AgentStateMessages::close);
        if (application != null) {
            application.close();
        }
        if (salesforce != null) {
            salesforce.close();
        }
        FileSystemUtils.deleteRecursively(directory.toFile());
    }

    private ConfigurableApplicationContext startApplication() {
        return salesforce.startConnector(directory, Map.of());
    }

    @Test
    @Order(1)
    void whileTheGateIsClosedNothingIsPublishedAndTheIntegrationWaitsForHistorical() {
        int before = salesforce.published().size();

        await().atMost(WAIT).until(() -> salesforce.published().size() >= before + 10);

        assertThat(state()).isEqualTo(IntegrationState.WAITING_FOR_HISTORICAL);
        assertThat(bean(CamelContext.class).getRoute("realtime-emea")).isNull();
        await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> received().isEmpty());
    }

    @Test
    @Order(2)
    void onceTheGateOpensAgentStatesFlowWithinSeconds() {
        syncAgentsExceptTwo();
        bean(PresenceStatusCatalog.class).replace(GROUP, salesforce.org().org().presenceStatuses().stream()
                .map(s -> new PresenceStatus(s.id(), s.masterLabel(), s.developerName())).toList());

        long opened = System.nanoTime();
        bean(RealtimeGates.class).open(GROUP, 1, Instant.now());
        application.publishEvent(new RealtimeGateOpened(GROUP));

        await().atMost(WAIT).until(() -> !received().isEmpty());
        System.out.printf("first agent state %.1f s after the gate opened%n", (System.nanoTime() - opened) / 1e9);
        assertThat(state()).isEqualTo(IntegrationState.RUNNING);
        List<String> publishedIds = salesforce.published().stream().map(Published::replayId).toList();
        firstExpected = publishedIds.indexOf(received().get(0).replayId());
        assertThat(firstExpected).isPositive();
    }

    @Test
    @Order(3)
    void everyPresenceChangeOfTheLiveScenarioArrivesOnceInOrderPerAgentWithTheRightCategory() {
        int before = salesforce.published().size();
        // at least 30 changes, and long enough for the scenario to have sent someone to a not-ready activity
        await().atMost(WAIT.multipliedBy(4)).until(() -> salesforce.published().size() >= before + 30
                && salesforce.published().stream().skip(before).anyMatch(e -> "NOT_READY".equals(
                        CATEGORIES.get(e.activity().toLowerCase(Locale.ROOT)))));

        List<Published> expected = assertEveryEventArrivedOnce();

        Map<String, Received> byReplayId = byReplayId();
        Map<String, User> users = salesforce.org().org().users().stream().collect(Collectors.toMap(User::id, u -> u));
        for (Published event : expected) {
            Received record = byReplayId.get(event.replayId());
            assertThat(record.key()).isEqualTo(GROUP + "|agent-state|" + event.userId() + "|" + event.replayId());
            assertThat(record.data().path("activity").asText()).isEqualTo(event.activity());
            assertThat(record.category()).as(event.activity())
                    .isEqualTo(CATEGORIES.getOrDefault(event.activity().toLowerCase(Locale.ROOT), "UNMAPPED"));
            boolean known = !unsyncedAgents.contains(event.userId());
            assertThat(record.data().path("agentKnown").asBoolean()).isEqualTo(known);
            assertThat(record.data().path("agentName").isNull()).isEqualTo(!known);
            if (known) {
                assertThat(record.data().path("agentName").asText()).isEqualTo(users.get(event.userId()).name());
            }
        }
        assertThat(expected.stream().map(e -> byReplayId.get(e.replayId()).category()).distinct())
                .as("the live scenario's changes cover several categories").contains("READY", "NOT_READY");
        long ofUnsyncedAgents = expected.stream().filter(e -> unsyncedAgents.contains(e.userId())).count();
        await().atMost(WAIT).until(() -> counter("wfm.realtime.agents.unknown") == ofUnsyncedAgents);
        assertThat(bean(MeterRegistry.class).find("wfm.realtime.event.lag").tag("group", GROUP).timer().count()).isPositive();
    }

    @Test
    @Order(4)
    void eventsWidenFifteenCharacterIdsMarkUnsyncedAgentsMakeLogoutsOfflineAndSkipEventsWithoutUserId() {
        String agent = salesforce.org().scenario().agentIds().get(0);
        assertThat(unsyncedAgents).contains(agent);
        double unknownBefore = counter("wfm.realtime.agents.unknown");
        Instant since = Instant.parse("2026-11-24T10:00:00Z");
        String widened = salesforce.publish(Map.of("UserId__c", agent.substring(0, 15), "StatusName__c", "Training",
                "StatusStartDate__c", since));
        String skipped = salesforce.publish(Map.of("StatusName__c", "Ready"));
        String offline = salesforce.publish(Map.of("UserId__c", agent, "StatusName__c", "Offline"));

        await().atMost(WAIT).until(() -> byReplayId().containsKey(widened));
        Received record = byReplayId().get(widened);
        assertThat(record.agentId()).isEqualTo(agent);
        assertThat(record.category()).isEqualTo("NOT_READY");
        assertThat(record.data().path("since").asText()).isEqualTo(since.toString());
        assertThat(record.data().path("agentKnown").asBoolean()).as("an agent not synced yet").isFalse();
        assertThat(record.data().path("agentName").isNull()).isTrue();
        await().atMost(WAIT).until(() -> byReplayId().containsKey(offline));
        assertThat(byReplayId().get(offline).category()).isEqualTo("OFFLINE");
        await().atMost(WAIT).until(() -> position(checkpoint().replayIdBase64()) >= position(skipped));
        assertThat(byReplayId()).doesNotContainKey(skipped);
        await().atMost(WAIT).until(() -> counter("wfm.realtime.events.skipped") == 1);
        await().atMost(WAIT).until(() -> counter("wfm.realtime.agents.unknown") >= unknownBefore + 2);
    }

    @Test
    @Order(5)
    void droppedStreamsLoseNothingAndRepeatNothing() {
        for (int i = 1; i <= 3; i++) {
            double resubscribed = counter("wfm.realtime.resubscriptions", "by", "client");
            await().atMost(WAIT).until(() -> salesforce.pubSub().openStreams() == 1);
            salesforce.pubSub().dropAllStreams();
            await().atMost(WAIT).until(() -> counter("wfm.realtime.resubscriptions", "by", "client") > resubscribed);
        }
        assertEveryEventArrivedOnce();
    }

    @Test
    @Order(6)
    void expiredTokensAreRenewedAndLoseNothing() throws InterruptedException {
        double resubscriptions = counter("wfm.realtime.resubscriptions", "by", "client");
        salesforce.org().faults().expireTokens();
        Thread.sleep(3_000);

        assertEveryEventArrivedOnce();
        assertThat(counter("wfm.realtime.resubscriptions", "by", "client")).isGreaterThan(resubscriptions);
    }

    @Test
    @Order(7)
    void aBrokerRestartHoldsTheStreamAndLosesNothing() throws Exception {
        EmbeddedActiveMQ broker = bean(EmbeddedActiveMQ.class);
        broker.stop();
        await().atMost(WAIT).until(() -> state() == IntegrationState.FAILED);
        assertThat(bean(IntegrationStates.class).get(IntegrationType.REALTIME, GROUP).reason()).contains("publishing agent-state records failed");
        Thread.sleep(2_000);
        broker.start();

        await().atMost(WAIT).until(() -> state() == IntegrationState.RUNNING);
        assertEveryEventArrivedOnce();
        assertThat(counter("wfm.realtime.publish.failures")).isPositive();
    }

    @Test
    @Order(8)
    void aPubSubOutageLongerThanTheClientsBackoffIsBridgedByReplacingTheSubscription() throws InterruptedException {
        assertThat(state()).isEqualTo(IntegrationState.RUNNING);
        double replaced = counter("wfm.realtime.resubscriptions", "by", "connector");
        salesforce.refuseSubscribes(true);
        try {
            salesforce.pubSub().dropAllStreams();
            Thread.sleep(12_000);
        } finally {
            salesforce.refuseSubscribes(false);
        }
        long ended = System.nanoTime();
        int publishedAtEnd = salesforce.published().size();

        await().atMost(WAIT).until(() -> arrivedSince(publishedAtEnd));
        System.out.printf("flowing again %.1f s after a 12 s Pub/Sub outage (the client alone would retry 15 s after"
                + " it began)%n", (System.nanoTime() - ended) / 1e9);
        assertThat(counter("wfm.realtime.resubscriptions", "by", "connector")).isGreaterThan(replaced);
        assertThat(state()).as("an outage shorter than fail-after is no failure").isEqualTo(IntegrationState.RUNNING);
        assertEveryEventArrivedOnce();
    }

    @Test
    @Order(9)
    void aSubscriptionThatKeepsFailingIsFailedThenRetriedAndResumesAfterItsCheckpoint() {
        assertThat(state()).isEqualTo(IntegrationState.RUNNING);
        salesforce.refuseSubscribes(true);
        try {
            salesforce.pubSub().dropAllStreams();
            await().atMost(WAIT.multipliedBy(2)).until(() -> state() == IntegrationState.FAILED);
            assertThat(bean(IntegrationStates.class).get(IntegrationType.REALTIME, GROUP).reason())
                    .contains("the Pub/Sub subscription has not worked for 25 s").contains("simulated Pub/Sub API outage");
        } finally {
            salesforce.refuseSubscribes(false);
        }

        await().atMost(WAIT).until(() -> state() == IntegrationState.RUNNING);
        assertEveryEventArrivedOnce();
    }

    @Test
    @Order(10)
    void aRefusedCheckpointRestartsAtEarliestAndReportsAPossibleGap() {
        salesforce.pubSub().failNextSubscribeWithCorruptedReplayId();
        salesforce.pubSub().dropAllStreams();

        await().atMost(WAIT).until(() -> checkpoint().gapReportedAt() != null);
        assertThat(checkpoint().gapReason()).contains("refused replay id").contains("EARLIEST");
        assertThat(counter("wfm.realtime.gaps")).isEqualTo(1);
        List<String> beforeTheSubscription = salesforce.published().subList(0, firstExpected).stream()
                .filter(e -> e.userId() != null).map(Published::replayId).toList();
        await().atMost(WAIT).until(() -> byReplayId().keySet().containsAll(beforeTheSubscription));
        assertEveryEventArrivedOnce();
    }

    @Test
    @Order(11)
    void stoppedWhileTheOrgKeepsPublishingItResumesAfterItsCheckpointWithNothingLostOrRepeated() throws SQLException {
        assertEveryEventArrivedOnce();
        application.close();
        int publishedWhenStopped = salesforce.published().size();
        await().atMost(WAIT).until(() -> salesforce.published().size() >= publishedWhenStopped + 20);

        String stoppedAt = storedCheckpoint();

        long starting = System.nanoTime();
        application = startApplication();
        consumers.add(new AgentStateMessages(bean(ConnectionFactory.class)));
        int afterRestart = salesforce.published().size();
        await().atMost(WAIT).until(() -> arrivedSince(afterRestart));
        System.out.printf("started again and flowing after %.1f s%n", (System.nanoTime() - starting) / 1e9);

        salesforce.org().scenario().close();
        List<Published> all = assertEveryEventArrivedOnce();
        List<String> ids = salesforce.published().stream().map(Published::replayId).toList();
        int resumedAfter = ids.indexOf(stoppedAt);
        assertThat(resumedAfter).as("the stopped application's checkpoint is an event it published").isPositive();
        long toPublish = all.stream().filter(e -> ids.indexOf(e.replayId()) > resumedAfter).count();
        await().atMost(WAIT).until(() -> counter("wfm.realtime.events.published") == toPublish);
        await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> counter("wfm.realtime.events.published") == toPublish);
    }

    // ------------------------------------------------------------------ checks

    /**
     * Every event with a user id published since the subscription began has arrived, once, in the order each agent's
     * events were published. Returns them.
     */
    private List<Published> assertEveryEventArrivedOnce() {
        List<Published> published = salesforce.published();
        List<Published> expected = published.subList(firstExpected, published.size()).stream()
                .filter(e -> e.userId() != null).toList();
        await().atMost(WAIT).until(() -> byReplayId().keySet().containsAll(
                expected.stream().map(Published::replayId).toList()));
        List<Received> received = received();
        assertThat(received).extracting(Received::replayId).doesNotHaveDuplicates();
        Set<String> expectedIds = expected.stream().map(Published::replayId).collect(Collectors.toSet());
        Map<String, List<String>> arrivedPerAgent = received.stream().filter(r -> expectedIds.contains(r.replayId()))
                .collect(Collectors.groupingBy(Received::agentId, Collectors.mapping(Received::replayId, Collectors.toList())));
        Map<String, List<String>> publishedPerAgent = expected.stream()
                .collect(Collectors.groupingBy(e -> SalesforceIds.to18(e.userId()),
                        Collectors.mapping(Published::replayId, Collectors.toList())));
        assertThat(arrivedPerAgent).isEqualTo(publishedPerAgent);
        return expected;
    }

    /** An event published after the first {@code count} ones has arrived. */
    private boolean arrivedSince(int count) {
        List<Published> published = salesforce.published();
        return published.size() > count && byReplayId().containsKey(published.get(count).replayId());
    }

    private void syncAgentsExceptTwo() {
        List<String> agents = salesforce.org().scenario().agentIds();
        unsyncedAgents.addAll(agents.subList(0, 2));
        List<StoredUser> synced = agents.stream().skip(2).map(id -> salesforce.org().org().user(id))
                .map(u -> StoredUser.published(new SalesforceUser(u.id(), u.username(), u.firstName(), u.lastName(),
                        u.name(), u.email(), u.active(), u.federationIdentifier(), u.timeZoneSidKey()), 1))
                .toList();
        bean(AgentRegistry.class).save(GROUP, synced);
    }

    private List<Received> received() {
        return consumers.stream().flatMap(c -> c.received().stream())
                .sorted(Comparator.comparingLong(Received::receivedNanos)).toList();
    }

    private Map<String, Received> byReplayId() {
        return received().stream().collect(Collectors.toMap(Received::replayId, r -> r, (a, b) -> a));
    }

    private ReplayCheckpoint checkpoint() {
        return bean(ReplayCheckpoints.class).find(GROUP, "/event/" + SimulatedSalesforce.TOPIC).orElseThrow();
    }

    /** The checkpoint in the state store of the stopped application. */
    private String storedCheckpoint() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + directory.resolve("connector"), "", "");
             PreparedStatement select = db.prepareStatement("SELECT replay_id FROM replay_checkpoints WHERE group_name = ?")) {
            select.setString(1, GROUP);
            try (ResultSet row = select.executeQuery()) {
                assertThat(row.next()).isTrue();
                return row.getString(1);
            }
        }
    }

    private IntegrationState state() {
        return bean(IntegrationStates.class).get(IntegrationType.REALTIME, GROUP).state();
    }

    private <T> T bean(Class<T> type) {
        return application.getBean(type);
    }

    private double counter(String name, String... tags) {
        var counter = bean(MeterRegistry.class).find(name).tag("group", GROUP).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    /** The simulator's replay ids are 8 big-endian bytes of an increasing position. */
    private static long position(String replayId) {
        return ByteBuffer.wrap(Base64.getDecoder().decode(replayId)).getLong();
    }
}
