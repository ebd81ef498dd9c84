package dev.wfmconnector.historical.run;

import static dev.wfmconnector.historical.run.ScriptedDay.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.status.IntegrationState;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.store.EmittedRecord;
import dev.wfmconnector.store.EmittedRecords;
import dev.wfmconnector.store.PresenceStatus;
import dev.wfmconnector.store.PresenceStatusCatalog;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import dev.wfmconnector.store.RunState;
import dev.wfmconnector.store.StatusToggles;
import dev.wfmconnector.store.Watermarks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.apache.camel.CamelContext;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The historical integration end to end, through the whole application, the real camel-salesforce client and the
 * simulator, on the hand-scripted evening of {@link ScriptedDay} (group {@code scripted}). The methods run in order,
 * each building on the state the last one left (clock, watermark, published revisions).
 *
 * <p>Settings: 15-minute UTC intervals, T = 20 s, S = 5 s, settle delay 2 min, lookback 2 h, initial backfill 1 day;
 * lists admin "Admin; Email", idle "Idle", not ready "Not ready; Training", ready "Ready; On call" (Lunch is in no
 * list: unmapped).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class HistoricalScenarioTest extends HistoricalApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String CS = SCRIPTED.chatSales;
    private static final String VS = SCRIPTED.voiceSupport;
    private static final String ALICE = SCRIPTED.alice;
    private static final String BOB = SCRIPTED.bob;

    @Autowired
    private Watermarks watermarks;
    @Autowired
    private TestRestTemplate http;
    @Autowired
    private IntegrationStates states;
    @Autowired
    private HistoricalRunQueue runQueue;
    @Autowired
    private CamelContext camel;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private PresenceStatusCatalog presenceStatuses;
    @Autowired
    private EmittedRecords emittedRecords;
    @Autowired
    private StatusToggles statusToggles;

    @AfterEach
    void clearFaults() {
        SCRIPTED.sim.faults().clear();
    }

    /**
     * The first run (the initial backfill, [2026-11-22T23:30, 2026-11-23T23:30) at T0 = 23:32) publishes the three
     * agents it saw and these hand-computed figures, all revision 1.
     */
    @Test
    @Order(1)
    void theFirstRunPublishesTheHandComputedDay() {
        Run first = firstRun(SCRIPTED_GROUP);
        assertThat(first.state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(first.windowFrom()).isEqualTo("2026-11-22T23:30:00Z");
        assertThat(first.windowTo()).isEqualTo("2026-11-23T23:30:00Z");
        assertThat(first.intervalsTotal()).isEqualTo(96);
        assertThat(first.counts().intervalsDone()).isEqualTo(96);
        assertThat(watermarks.find(SCRIPTED_GROUP)).contains(at("23:30:00"));

        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        for (String agent : List.of(ALICE, BOB, SCRIPTED.carol)) {
            User user = SCRIPTED.sim.org().user(agent);
            expect(expected, "agent|" + agent, agent(user));
        }
        // Voice Support 11:45 - c0 offered 11:59:50, declined, answered 12:00:05 after 15 s (<= T), handle 120 s
        expect(expected, queueKey(VS, "11:45"), queue(VS, "Voice Support", "11:45", 1, 1, 0, 0, 1, 0, 15, 0, 15, 0,
                120, 0, 100.0, 0.0, 15.0, 120.0));
        // Chat Sales 21:00 - contacts by arrival:
        //   c1 answered after 15 s (<= T), handle 300 s incl. 30 s after-conversation: talk 270, wrap-up 30
        //   c2 offered 21:02:00 (declined by Bob), answered by Alice 21:02:30: 30 s (> T), handle 120 s: talk 120
        //   c3 canceled after 4 s: short abandon (<= S); c4 after 20 s: abandoned within threshold (S < 20 <= T);
        //   c5 after 20.4 s: abandoned (20.4 > T); c6 never accepted: offered only (unresolved)
        //   offered 6, answered 2, abandoned 3, short 1, answered within 1, abandoned within 1,
        //   queued answered 15 + 30 = 45 s, queued abandoned 4 + 20 + 20.4 = 44.4 -> 44 s, longest 30 / 20.4 -> 20 s,
        //   talk 270 + 120 = 390, wrap-up 30; service level 100*1/(6-1) = 20 %, abandon rate 100*(3-1)/(6-1) = 40 %,
        //   average speed of answer 45/2 = 22.5 s, average handle (390 + 30)/2 = 210 s
        expect(expected, queueKey(CS, "21:00"), queue(CS, "Chat Sales", "21:00", 6, 2, 3, 1, 1, 1, 45, 44, 30, 20,
                390, 30, 20.0, 40.0, 22.5, 210.0));
        // Chat Sales 21:15 - c7 answered after 10 s, transferred out after 240 s of handling
        expect(expected, queueKey(CS, "21:15"), queue(CS, "Chat Sales", "21:15", 1, 1, 0, 0, 1, 0, 10, 0, 10, 0,
                240, 0, 100.0, 0.0, 10.0, 240.0));
        // Voice Support 21:15 - c7 after the transfer: a new contact arriving 21:20:15, answered after 25 s (> T),
        //   handle 600 s incl. 60 s after-conversation work
        expect(expected, queueKey(VS, "21:15"), queue(VS, "Voice Support", "21:15", 1, 1, 0, 0, 0, 0, 25, 0, 25, 0,
                540, 60, 0.0, 0.0, 25.0, 600.0));
        // Chat Sales 23:15 - c9 answered after 10 s, still open: no handle time yet
        expect(expected, queueKey(CS, "23:15"), queue(CS, "Chat Sales", "23:15", 1, 1, 0, 0, 1, 0, 10, 0, 10, 0,
                0, 0, 100.0, 0.0, 10.0, 0.0));
        // Alice 21:00: Ready 21:00-21:15 = 900 s
        expect(expected, agentKey(ALICE, "21:00"), agentInterval(ALICE, "Alice Ng", "21:00", 900, 0, 0, 0, 0));
        // Alice 21:15: Ready 21:15-21:20 = 300, Lunch (unmapped) 21:20-21:25:30 = 330, Admin 21:25:30-21:30 = 270
        expect(expected, agentKey(ALICE, "21:15"), agentInterval(ALICE, "Alice Ng", "21:15", 300, 0, 0, 270, 330));
        // Alice 21:30: Admin 21:30-21:40 = 600, Not ready 21:40-21:44:59.600 = 299.6 -> 300 (half-up)
        expect(expected, agentKey(ALICE, "21:30"), agentInterval(ALICE, "Alice Ng", "21:30", 0, 300, 0, 600, 0));
        // Bob 21:00: Idle 21:10-21:15 = 300; 21:15: Idle 21:15-21:20 = 300, Email (admin) 21:20-21:30 = 600;
        // 21:30: Email 21:30-21:35 = 300
        expect(expected, agentKey(BOB, "21:00"), agentInterval(BOB, "Bob Okafor", "21:00", 0, 0, 300, 0, 0));
        expect(expected, agentKey(BOB, "21:15"), agentInterval(BOB, "Bob Okafor", "21:15", 0, 0, 300, 600, 0));
        expect(expected, agentKey(BOB, "21:30"), agentInterval(BOB, "Bob Okafor", "21:30", 0, 0, 0, 300, 0));
        // Bob's open current Ready row from 23:00 ends at the run's as-of time (23:32), cut at the window end 23:30
        expect(expected, agentKey(BOB, "23:00"), agentInterval(BOB, "Bob Okafor", "23:00", 900, 0, 0, 0, 0));
        expect(expected, agentKey(BOB, "23:15"), agentInterval(BOB, "Bob Okafor", "23:15", 900, 0, 0, 0, 0));
        // Agents per queue, by the interval of acceptance: Alice took c1 and c2 (talk 270 + 120, wrap 30),
        // c7 in 21:15 (transferred out), c9 in 23:15; Bob took c0 in 12:00 and c7 in Voice Support
        expect(expected, agentQueueKey(BOB, VS, "12:00"), agentQueue(BOB, VS, "12:00", 1, 120, 0, 0));
        expect(expected, agentQueueKey(ALICE, CS, "21:00"), agentQueue(ALICE, CS, "21:00", 2, 390, 30, 0));
        expect(expected, agentQueueKey(ALICE, CS, "21:15"), agentQueue(ALICE, CS, "21:15", 1, 240, 0, 1));
        expect(expected, agentQueueKey(BOB, VS, "21:15"), agentQueue(BOB, VS, "21:15", 1, 540, 60, 0));
        expect(expected, agentQueueKey(ALICE, CS, "23:15"), agentQueue(ALICE, CS, "23:15", 1, 0, 0, 0));
        // Carol's only row is malformed (no end, not current, nothing later): she is an agent, with no time

        Map<String, JsonNode> published = byKey(drain(SCRIPTED_GROUP));
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, data) -> {
            JsonNode envelope = published.get(key);
            assertThat(envelope.get("revision").asLong()).as(key).isEqualTo(1);
            assertThat(envelope.get("group").asText()).isEqualTo(SCRIPTED_GROUP);
            assertThat(envelope.get("schemaVersion").asInt()).isEqualTo(1);
            assertThat(envelope.get("data")).as(key).isEqualTo(json(data));
        });
        // the presence status catalog (label <-> API name) is kept for the realtime integration
        assertThat(presenceStatuses.statuses(SCRIPTED_GROUP)).hasSize(9)
                .contains(new PresenceStatus(SCRIPTED.sim.org().presenceStatus("Not_Ready").id(), "Not ready", "Not_Ready"));
        assertThat(meters.counter("wfm.historical.rows.skipped", "group", SCRIPTED_GROUP, "object",
                "UserServicePresence", "reason", "presence row without end, not current, with no later row").count())
                .isGreaterThanOrEqualTo(1);
        // the connector counts its Salesforce calls as the org does: the version check, the describes, every page
        assertThat(meters.find("wfm.salesforce.api.calls").tag("group", SCRIPTED_GROUP).counters())
                .extracting(c -> c.getId().getTag("operation") + "/" + c.getId().getTag("outcome"))
                .contains("getVersions/ok", "getDescription/ok", "query/ok", "queryMore/ok")
                .allMatch(tags -> tags.endsWith("/ok"));
        assertThat(meters.find("wfm.salesforce.api.calls").tag("group", SCRIPTED_GROUP).counters().stream()
                .mapToDouble(Counter::count).sum()).isEqualTo(SCRIPTED.sim.apiRequestsUsed());
    }

    /**
     * At 23:47 Bob's Ready row turns out to have ended at 23:10 and c9 closes (handle 1200 s, 100 s
     * after-conversation work). The run re-reads the lookback ([21:30, 23:45)) and publishes revision 2 of exactly
     * the four affected records; the unchanged 21:30 records are not re-sent.
     */
    @Test
    @Order(2)
    void lateClosesInsideTheLookbackProduceRevision2OfExactlyTheAffectedIntervals() {
        SimulatedOrg org = SCRIPTED.sim.org();
        CLOCK.set(at("23:47:00"));
        org.closePresence(SCRIPTED.bobOpenRow, at("23:10:00"));
        org.updateWork(SCRIPTED.c9, w -> w.closed(at("23:40:10")).afterConversationActualTime(100));

        Run run = awaitSucceeded(postRun());
        assertThat(run.kind()).isEqualTo(RunKind.MANUAL);
        assertThat(run.windowFrom()).isEqualTo(at("21:30:00"));
        assertThat(run.windowTo()).isEqualTo(at("23:45:00"));
        assertThat(watermarks.find(SCRIPTED_GROUP)).contains(at("23:45:00"));

        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        // Bob 23:00: Ready 23:00-23:10 = 600 s; 23:15: nothing any more -> published again with zeros
        expect(expected, agentKey(BOB, "23:00"), agentInterval(BOB, "Bob Okafor", "23:00", 600, 0, 0, 0, 0));
        expect(expected, agentKey(BOB, "23:15"), agentInterval(BOB, "Bob Okafor", "23:15", 0, 0, 0, 0, 0));
        // c9: handle 23:20:10-23:40:10 = 1200 s of which 100 s after-conversation work: talk 1100, wrap-up 100
        expect(expected, queueKey(CS, "23:15"), queue(CS, "Chat Sales", "23:15", 1, 1, 0, 0, 1, 0, 10, 0, 10, 0,
                1100, 100, 100.0, 0.0, 10.0, 1200.0));
        expect(expected, agentQueueKey(ALICE, CS, "23:15"), agentQueue(ALICE, CS, "23:15", 1, 1100, 100, 0));

        Map<String, JsonNode> published = byKey(drain(SCRIPTED_GROUP));
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, data) -> {
            assertThat(published.get(key).get("revision").asLong()).as(key).isEqualTo(2);
            assertThat(published.get(key).get("data")).as(key).isEqualTo(json(data));
        });
        assertThat(run.counts().recordsPublished()).isEqualTo(4);
    }

    /** A backfill of a past range is chunked (a day at most), reports its progress and republishes nothing unchanged. */
    @Test
    @Order(3)
    void aBackfillIsChunkedReportsProgressAndRepublishesNothingUnchanged() {
        assertThat(postBackfill("2026-11-23T21:00:00Z", "2026-11-23T21:00:00Z").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postBackfill("2026-11-23T22:00:00Z", "2026-11-23T21:00:00Z").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(postBackfill("yesterday", "2026-11-23T21:00:00Z").getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);

        // [2026-11-22T12:00, 2026-11-23T22:00): 34 h = 136 intervals, in chunks of 96 and 40; c0 straddles the
        // chunks' boundary at 12:00 and comes out as the one run over the day computed it (nothing republished)
        ResponseEntity<Map> accepted = postBackfill("2026-11-22T12:00:00Z", "2026-11-23T22:00:00Z");
        assertThat(accepted.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = ((Number) accepted.getBody().get("id")).longValue();
        assertThat(accepted.getHeaders().getLocation()).hasToString(
                http.getRootUri() + "/api/integrations/historical/scripted/backfills/" + id);
        awaitSucceeded(id);

        Map<?, ?> view = get("/api/integrations/historical/scripted/backfills/" + id, Map.class).getBody();
        assertThat(view.get("state")).isEqualTo("SUCCEEDED");
        assertThat(view.get("kind")).isEqualTo("BACKFILL");
        assertThat(view.get("intervalsDone")).isEqualTo(136);
        assertThat(view.get("intervalsTotal")).isEqualTo(136);
        assertThat(view.get("recordsPublished")).isEqualTo(0);
        assertThat(((Number) view.get("recordsRead")).longValue()).isPositive();
        assertThat(drain(SCRIPTED_GROUP)).isEmpty();
        assertThat(watermarks.find(SCRIPTED_GROUP)).as("a backfill leaves the watermark").contains(at("23:45:00"));
        long manual = runLog.latest(IntegrationType.HISTORICAL, SCRIPTED_GROUP, 10).stream()
                .filter(r -> r.kind() == RunKind.MANUAL).findFirst().orElseThrow().id();
        assertThat(get("/api/integrations/historical/scripted/backfills/" + manual, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("/api/integrations/historical/scripted/runs/" + manual, Map.class).getBody().get("state"))
                .isEqualTo("SUCCEEDED");
        assertThat(get("/api/integrations/historical/nowhere/runs/" + manual, Map.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    /**
     * Salesforce answering 503: a few times, the run retries with backoff and succeeds; more often than the retries,
     * the run fails, is logged FAILED and leaves the watermark, and the next run publishes what it missed, once.
     */
    @Test
    @Order(4)
    void aRunFailingOn503LeavesTheWatermarkAndTheNextRunCatchesUp() {
        CLOCK.set(Instant.parse("2026-11-24T00:02:00Z"));
        // c10: Voice Support 23:50:00, answered by Bob after 5 s, handle 300 s
        SCRIPTED.sim.org().addWork(AgentWork.builder().user(BOB).queue(VS).requested(at("23:50:00"))
                .accepted(at("23:50:05")).closed(at("23:55:05")));

        SCRIPTED.sim.faults().serverUnavailable(5);
        Run failed = awaitEnd(postRun());
        assertThat(failed.state()).isEqualTo(RunState.FAILED);
        assertThat(failed.error()).startsWith("Salesforce answered 503").contains("SERVER_UNAVAILABLE");
        assertThat(watermarks.find(SCRIPTED_GROUP)).contains(at("23:45:00"));
        assertThat(drain(SCRIPTED_GROUP)).isEmpty();
        assertThat(states.get(IntegrationType.HISTORICAL, SCRIPTED_GROUP).state())
                .as("a failed run does not fail the integration").isEqualTo(IntegrationState.RUNNING);

        SCRIPTED.sim.faults().serverUnavailable(3);
        Run caughtUp = awaitSucceeded(postRun());
        assertThat(SCRIPTED.sim.faults().pendingRestFailures()).isZero();
        assertThat(caughtUp.windowFrom()).isEqualTo(at("21:45:00"));
        assertThat(watermarks.find(SCRIPTED_GROUP)).contains(Instant.parse("2026-11-24T00:00:00Z"));

        Map<String, Map<String, Object>> expected = new LinkedHashMap<>();
        // c10: offered 1, answered within T after 5 s, talk 300
        expect(expected, queueKey(VS, "23:45"), queue(VS, "Voice Support", "23:45", 1, 1, 0, 0, 1, 0, 5, 0, 5, 0,
                300, 0, 100.0, 0.0, 5.0, 300.0));
        expect(expected, agentQueueKey(BOB, VS, "23:45"), agentQueue(BOB, VS, "23:45", 1, 300, 0, 0));
        Map<String, JsonNode> published = byKey(drain(SCRIPTED_GROUP));
        assertThat(published.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, data) -> {
            assertThat(published.get(key).get("revision").asLong()).isEqualTo(1);
            assertThat(published.get(key).get("data")).isEqualTo(json(data));
        });
    }

    /** Every token expires while a run pages through its queries: the client logs in again and the run succeeds. */
    @Test
    @Order(5)
    void aTokenExpiringMidRunIsRenewedWithoutFailingTheRun() {
        CLOCK.set(Instant.parse("2026-11-24T00:17:00Z"));
        // a digest older than lookback + 7 days (cut-off 2026-11-16T22:17) is pruned by the next successful run
        Instant old = Instant.parse("2026-11-16T22:00:00Z");
        emittedRecords.save(SCRIPTED_GROUP, List.of(new EmittedRecord(SCRIPTED_GROUP + "|" + queueKey(CS, old.toString()),
                1, "0".repeat(64), old, old)));
        SalesforceComponent component = camel.getComponent("sf-historical-scripted", SalesforceComponent.class);
        String before = component.getSession().getAccessToken();
        double read = readSoFar();
        SCRIPTED.sim.faults().slowResponses(Duration.ofMillis(300));
        long id = postRun();
        // after the first page of the run was read, every token the org issued stops working
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(5)).until(() -> readSoFar() > read);
        SCRIPTED.sim.faults().expireTokens();

        Run run = awaitSucceeded(id);
        String after = component.getSession().getAccessToken();
        assertThat(after).as("renewed").isNotEqualTo(before);
        assertThat(SCRIPTED.sim.accessTokens().isValid(before)).isFalse();
        assertThat(SCRIPTED.sim.accessTokens().isValid(after)).isTrue();
        assertThat(run.counts().recordsRead()).isPositive();
        assertThat(watermarks.find(SCRIPTED_GROUP)).contains(Instant.parse("2026-11-24T00:15:00Z"));
        assertThat(emittedRecords.inWindow(SCRIPTED_GROUP, old, old.plusSeconds(900))).as("pruned").isEmpty();
    }

    /** A run asked for during a run waits for it; a schedule tick during a run is skipped. */
    @Test
    @Order(6)
    void runsAskedForDuringARunAreQueuedBehindItNeverBesideIt() {
        SCRIPTED.sim.faults().slowResponses(Duration.ofMillis(100));
        long first = postRun();
        long second = postRun();
        assertThat(runLog.find(second).orElseThrow().state()).isEqualTo(RunState.QUEUED);
        int runs = runLog.latest(IntegrationType.HISTORICAL, SCRIPTED_GROUP, 1000).size();
        runQueue.scheduled(SCRIPTED_GROUP);
        assertThat(runLog.latest(IntegrationType.HISTORICAL, SCRIPTED_GROUP, 1000)).as("a tick during a run is skipped")
                .hasSize(runs);

        AtomicBoolean overlapped = new AtomicBoolean();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(10)).until(() -> {
            RunState a = runLog.find(first).orElseThrow().state();
            RunState b = runLog.find(second).orElseThrow().state();
            if (a == RunState.RUNNING && b == RunState.RUNNING) {
                overlapped.set(true);
            }
            return a.finished() && b.finished();
        });
        assertThat(overlapped).isFalse();
        assertThat(runLog.find(first).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(runLog.find(second).orElseThrow().state()).isEqualTo(RunState.SUCCEEDED);
        assertThat(get("/api/integrations/historical/scripted/runs/" + second, Map.class).getBody().get("state"))
                .isEqualTo("SUCCEEDED");
        assertThat(drain(SCRIPTED_GROUP)).isEmpty();
    }

    /**
     * A run of two chunks (a day and a bit after a day of downtime) stops right after its second chunk was handed
     * to the outputs and before it was committed, as in a crash: the integration is stopped and started again. The
     * first chunk stays committed (watermark at its end); the run after the restart publishes the second chunk
     * again with the same revisions, which the broker drops as duplicates.
     */
    @Test
    @Order(7)
    void aRestartBetweenPublishingAndCommittingLeavesEveryRecordPublishedOnce() throws Exception {
        SimulatedOrg org = SCRIPTED.sim.org();
        CLOCK.set(Instant.parse("2026-11-25T06:00:00Z"));
        // chunk 1 [2026-11-23T22:15, 2026-11-24T22:15): c11; chunk 2 [2026-11-24T22:15, 2026-11-25T05:45): c12, Alice
        org.addWork(AgentWork.builder().user(ALICE).queue(CS).requested(Instant.parse("2026-11-24T10:00:00Z"))
                .accepted(Instant.parse("2026-11-24T10:00:08Z")).closed(Instant.parse("2026-11-24T10:05:08Z")));
        org.addWork(AgentWork.builder().user(ALICE).queue(CS).requested(Instant.parse("2026-11-25T03:00:00Z"))
                .accepted(Instant.parse("2026-11-25T03:00:03Z")).closed(Instant.parse("2026-11-25T03:02:03Z")));
        org.addPresence(ALICE, "Ready", Instant.parse("2026-11-25T02:00:00Z"), Instant.parse("2026-11-25T02:30:00Z"));

        gatedPublisher.holdCall(2);
        long interrupted = postRun();
        gatedPublisher.awaitHeld();
        assertThat(putStatus("disabled").getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("historical-schedule-scripted") == null);
        assertThat(http.withBasicAuth("admin", PASSWORD).postForEntity(
                "/api/integrations/historical/scripted/runs", null, Map.class).getStatusCode())
                .as("no runs while DISABLED").isEqualTo(HttpStatus.CONFLICT);
        gatedPublisher.release();

        Run stopped = awaitEnd(interrupted);
        assertThat(stopped.state()).isEqualTo(RunState.FAILED);
        assertThat(stopped.error()).contains("stopped");
        assertThat(watermarks.find(SCRIPTED_GROUP)).as("the first chunk stays committed")
                .contains(Instant.parse("2026-11-24T22:15:00Z"));

        assertThat(putStatus("enabled").getStatusCode()).isEqualTo(HttpStatus.OK);
        // the integration starts again and catches up at once
        await().atMost(Duration.ofSeconds(60)).until(() -> runLog.latest(IntegrationType.HISTORICAL, SCRIPTED_GROUP, 1)
                .get(0).id() > interrupted && runLog.latest(IntegrationType.HISTORICAL, SCRIPTED_GROUP, 1).get(0).state()
                == RunState.SUCCEEDED);
        Run catchUp = runLog.latest(IntegrationType.HISTORICAL, SCRIPTED_GROUP, 1).get(0);
        assertThat(catchUp.windowFrom()).isEqualTo(Instant.parse("2026-11-24T20:15:00Z"));
        assertThat(watermarks.find(SCRIPTED_GROUP)).contains(Instant.parse("2026-11-25T05:45:00Z"));

        Map<String, JsonNode> published = byKey(drain(SCRIPTED_GROUP));
        assertThat(published.keySet()).containsExactlyInAnyOrder(Stream.of(
                queueKey(CS, "2026-11-24T10:00:00Z"), agentQueueKey(ALICE, CS, "2026-11-24T10:00:00Z"),
                queueKey(CS, "2026-11-25T03:00:00Z"), agentQueueKey(ALICE, CS, "2026-11-25T03:00:00Z"),
                agentKey(ALICE, "2026-11-25T02:00:00Z"), agentKey(ALICE, "2026-11-25T02:15:00Z"))
                .map(key -> SCRIPTED_GROUP + "|" + key).toArray(String[]::new));
        published.values().forEach(e -> assertThat(e.get("revision").asLong()).isEqualTo(1));
        assertThat(published.get(SCRIPTED_GROUP + "|" + agentKey(ALICE, "2026-11-25T02:15:00Z")).get("data")
                .get("readySeconds").asLong()).isEqualTo(900);
    }

    /** The objects are described as the integration starts: a describe that fails fails the start, then it retries. */
    @Test
    @Order(8)
    void aDescribeFailingAsTheIntegrationStartsMarksItFailedWithTheReasonUntilARetrySucceeds() {
        assertThat(putStatus("disabled").getStatusCode()).isEqualTo(HttpStatus.OK);
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("historical-schedule-scripted") == null);
        SCRIPTED.sim.faults().serverUnavailable(1, "/sobjects/AgentWork/describe");

        assertThat(putStatus("enabled").getStatusCode()).isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(30)).until(() -> states.get(IntegrationType.HISTORICAL, SCRIPTED_GROUP)
                .state() == IntegrationState.FAILED);
        assertThat(states.get(IntegrationType.HISTORICAL, SCRIPTED_GROUP).reason())
                .contains("describing AgentWork failed").contains("Service Unavailable");
        assertThat(camel.getRoute("historical-schedule-scripted")).isNull();
        long askedWhileFailed = postRun();  // waits in the run log until the integration runs again
        await().atMost(Duration.ofSeconds(30)).until(() -> states.get(IntegrationType.HISTORICAL, SCRIPTED_GROUP)
                .state() == IntegrationState.RUNNING);
        assertThat(camel.getRoute("historical-schedule-scripted")).isNotNull();
        assertThat(awaitEnd(askedWhileFailed).state()).isEqualTo(RunState.SUCCEEDED);
    }

    /** Over everything this class made happen: each record key was received once per revision, 1, 2, ... */
    @Test
    @Order(9)
    void everyRecordWasPublishedExactlyOncePerRevision() {
        drain(SCRIPTED_GROUP);
        Map<String, List<Long>> revisions = new TreeMap<>();
        for (JsonNode envelope : receivedSoFar(SCRIPTED_GROUP)) {
            revisions.computeIfAbsent(envelope.get("key").asText(), k -> new ArrayList<>())
                    .add(envelope.get("revision").asLong());
        }
        assertThat(revisions).hasSizeGreaterThanOrEqualTo(25);
        revisions.forEach((key, seen) -> {
            List<Long> once = new ArrayList<>();
            for (long r = 1; r <= seen.size(); r++) {
                once.add(r);
            }
            assertThat(seen).as(key).containsExactlyInAnyOrderElementsOf(once);
        });

        assertThat(camel.getRoute("historical-schedule-scripted").getEndpoint().getEndpointUri())
                .as("the schedule setting is the Quartz cron").startsWith("quartz://historical/scripted")
                .contains("cron=0+0+0+1+1+%3F+2099");
        String prometheus = get("/actuator/prometheus", String.class).getBody();
        assertThat(prometheus).contains("wfm_historical_records_read_total{", "wfm_historical_records_published_total{",
                "wfm_salesforce_api_calls_total{", "wfm_historical_run_duration_seconds_count{",
                "wfm_historical_rows_skipped_total{", "wfm_historical_runs_failed_total{",
                "wfm_historical_ticks_skipped_total{");
    }

    /**
     * Replicas share the store, and the pod that answers the API need not be the one that runs the group: a status
     * and a run another pod stored (written here straight into the store, as that pod's API does) reach the pod that
     * runs the group within its refresh period.
     */
    @Test
    @Order(10)
    void aStatusAndARunAskedForThroughAnotherPodReachThePodThatRunsTheGroup() {
        statusToggles.set(IntegrationType.HISTORICAL, SCRIPTED_GROUP, false);
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("historical-schedule-scripted") == null);
        assertThat(states.get(IntegrationType.HISTORICAL, SCRIPTED_GROUP).state()).isEqualTo(IntegrationState.DISABLED);

        statusToggles.set(IntegrationType.HISTORICAL, SCRIPTED_GROUP, true);
        await().atMost(Duration.ofSeconds(30)).until(() -> camel.getRoute("historical-schedule-scripted") != null);
        Run askedElsewhere = runLog.queue(IntegrationType.HISTORICAL, SCRIPTED_GROUP, RunKind.MANUAL, null, null, 0,
                CLOCK.instant());
        assertThat(awaitEnd(askedElsewhere.id()).state()).isEqualTo(RunState.SUCCEEDED);
    }

    /**
     * c13 is offered in Chat Sales at 05:30, declined, and re-offered 75 minutes later (more than the 1-hour read
     * margin), answered by Alice at 06:45:10. The run that reads both rows revises 05:30 (answered after 75 min); a
     * later run whose rows start after the first offer reads only the re-offer, and does not count it again in 06:45:
     * the first offer was kept when c13 was seen unresolved.
     */
    @Test
    @Order(11)
    void aContactReofferedAfterTheReadMarginIsNotCountedTwice() {
        SimulatedOrg org = SCRIPTED.sim.org();
        drain(SCRIPTED_GROUP);
        AgentWork first = org.addWork(AgentWork.builder().user(BOB).queue(CS)
                .requested(Instant.parse("2026-11-25T05:30:00Z")).declined(Instant.parse("2026-11-25T05:30:10Z"), "busy"));
        CLOCK.set(Instant.parse("2026-11-25T06:00:00Z"));
        awaitSucceeded(postRun());  // [03:45, 05:45): c13 offered, unresolved
        assertThat(byKey(drain(SCRIPTED_GROUP))).containsKey(SCRIPTED_GROUP + "|" + queueKey(CS, "2026-11-25T05:30:00Z"));

        org.addWork(AgentWork.builder().user(ALICE).queue(CS).workItem(first.workItemId())
                .requested(Instant.parse("2026-11-25T06:45:00Z")).accepted(Instant.parse("2026-11-25T06:45:10Z"))
                .closed(Instant.parse("2026-11-25T06:47:10Z")));
        CLOCK.set(Instant.parse("2026-11-25T08:47:00Z"));
        awaitSucceeded(postRun());  // [03:45, 08:45), rows from 02:45: both rows
        Map<String, JsonNode> revised = byKey(drain(SCRIPTED_GROUP));
        JsonNode at0530 = revised.get(SCRIPTED_GROUP + "|" + queueKey(CS, "2026-11-25T05:30:00Z"));
        assertThat(at0530.get("revision").asLong()).isEqualTo(2);
        assertThat(at0530.get("data").get("answered").asLong()).isEqualTo(1);
        assertThat(at0530.get("data").get("queuedAnsweredSeconds").asLong()).isEqualTo(75 * 60 + 10);
        assertThat(revised).containsKey(SCRIPTED_GROUP + "|" + agentQueueKey(ALICE, CS, "2026-11-25T06:45:00Z"))
                .doesNotContainKey(SCRIPTED_GROUP + "|" + queueKey(CS, "2026-11-25T06:45:00Z"));

        CLOCK.set(Instant.parse("2026-11-25T09:02:00Z"));
        Run later = awaitSucceeded(postRun());  // [06:45, 09:00), rows from 05:45: only the re-offer
        assertThat(later.windowFrom()).isEqualTo(Instant.parse("2026-11-25T06:45:00Z"));
        assertThat(byKey(drain(SCRIPTED_GROUP))).as("nothing changed, nothing counted twice").isEmpty();
    }

    // ---------------------------------------------------------------- API

    private long postRun() {
        ResponseEntity<Map> answer = http.withBasicAuth("admin", PASSWORD)
                .postForEntity("/api/integrations/historical/scripted/runs", null, Map.class);
        assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long id = ((Number) answer.getBody().get("id")).longValue();
        assertThat(answer.getHeaders().getLocation()).hasToString(
                http.getRootUri() + "/api/integrations/historical/scripted/runs/" + id);
        return id;
    }

    private ResponseEntity<Map> postBackfill(String from, String to) {
        return http.withBasicAuth("admin", PASSWORD).postForEntity("/api/integrations/historical/scripted/backfills",
                Map.of("from", from, "to", to), Map.class);
    }

    private ResponseEntity<Map> putStatus(String status) {
        return http.withBasicAuth("admin", PASSWORD).exchange("/api/integrations/historical/scripted/status",
                HttpMethod.PUT, new HttpEntity<>(Map.of("status", status)), Map.class);
    }

    private <T> ResponseEntity<T> get(String path, Class<T> type) {
        return http.withBasicAuth("admin", PASSWORD).getForEntity(path, type);
    }

    private double readSoFar() {
        return meters.find("wfm.historical.records.read").tag("group", SCRIPTED_GROUP).counters().stream()
                .mapToDouble(c -> c.count()).sum();
    }

    // ---------------------------------------------------------------- expected records

    private static void expect(Map<String, Map<String, Object>> expected, String key, Map<String, Object> data) {
        expected.put(SCRIPTED_GROUP + "|" + key, data);
    }

    private static String start(String time) {
        return time.length() == 5 ? at(time + ":00").toString() : time;
    }

    private static String queueKey(String queueId, String time) {
        return "queue-interval|" + queueId + "|" + start(time);
    }

    private static String agentKey(String agentId, String time) {
        return "agent-interval|" + agentId + "|" + start(time);
    }

    private static String agentQueueKey(String agentId, String queueId, String time) {
        return "agent-queue-interval|" + agentId + "|" + queueId + "|" + start(time);
    }

    private static Map<String, Object> agent(User user) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", user.id());
        data.put("username", user.username());
        data.put("firstName", user.firstName());
        data.put("lastName", user.lastName());
        data.put("name", user.firstName() + " " + user.lastName());
        data.put("email", user.email());
        data.put("active", true);
        data.put("federationId", null);
        data.put("timeZone", "Europe/London");
        return data;
    }

    private static Map<String, Object> queue(String queueId, String name, String time, long offered, long answered,
                                             long abandoned, long shortAbandoned, long answeredWithin,
                                             long abandonedWithin, long queuedAnswered, long queuedAbandoned,
                                             long longestAnswered, long longestAbandoned, long talk, long wrapUp,
                                             Double serviceLevel, Double abandonRate, Double speedOfAnswer,
                                             Double handle) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queueId", queueId);
        data.put("queueName", name);
        data.put("intervalStart", start(time));
        data.put("intervalMinutes", 15);
        data.put("offered", offered);
        data.put("answered", answered);
        data.put("abandoned", abandoned);
        data.put("shortAbandoned", shortAbandoned);
        data.put("answeredWithinThreshold", answeredWithin);
        data.put("abandonedWithinThreshold", abandonedWithin);
        data.put("queuedAnsweredSeconds", queuedAnswered);
        data.put("queuedAbandonedSeconds", queuedAbandoned);
        data.put("longestQueuedAnsweredSeconds", longestAnswered);
        data.put("longestQueuedAbandonedSeconds", longestAbandoned);
        data.put("talkSeconds", talk);
        data.put("wrapUpSeconds", wrapUp);
        data.put("serviceLevelPercent", serviceLevel);
        data.put("abandonRatePercent", abandonRate);
        data.put("averageSpeedOfAnswerSeconds", speedOfAnswer);
        data.put("averageHandleSeconds", handle);
        return data;
    }

    private static Map<String, Object> agentInterval(String agentId, String name, String time, long ready,
                                                     long notReady, long idle, long admin, long unmapped) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", agentId);
        data.put("agentName", name);
        data.put("intervalStart", start(time));
        data.put("intervalMinutes", 15);
        data.put("readySeconds", ready);
        data.put("notReadySeconds", notReady);
        data.put("idleSeconds", idle);
        data.put("adminSeconds", admin);
        data.put("unmappedSeconds", unmapped);
        data.put("loggedInSeconds", ready + notReady + idle + admin + unmapped);
        return data;
    }

    private static Map<String, Object> agentQueue(String agentId, String queueId, String time, long answered,
                                                  long talk, long wrapUp, long transferredOut) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", agentId);
        data.put("queueId", queueId);
        data.put("intervalStart", start(time));
        data.put("intervalMinutes", 15);
        data.put("answered", answered);
        data.put("talkSeconds", talk);
        data.put("wrapUpSeconds", wrapUp);
        data.put("transferredOut", transferredOut);
        return data;
    }

    private static Map<String, JsonNode> byKey(List<JsonNode> envelopes) {
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode envelope : envelopes) {
            JsonNode before = byKey.put(envelope.get("key").asText(), envelope);
            assertThat(before).as("received once: %s", envelope.get("key")).isNull();
        }
        return byKey;
    }

    /** The expected data as the outputs write it (parsed back like a received message). */
    private static JsonNode json(Map<String, Object> data) {
        try {
            return JSON.readTree(JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
