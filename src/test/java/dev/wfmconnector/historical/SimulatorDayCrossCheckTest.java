package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.wfmconnector.historical.NaiveHistoricalComputation.Presence;
import dev.wfmconnector.historical.NaiveHistoricalComputation.Work;
import dev.wfmconnector.historical.run.HistoricalApplicationTest;
import dev.wfmconnector.historical.run.HistoricalRunQueue;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.ServicePresenceStatus;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.org.UserServicePresence;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunKind;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The independent cross-check over randomized simulator days: for each seeded scenario (groups {@code seed-1} ..
 * {@code seed-3}, 20 agents, two days of history, seed-3 on API 51.0 without AfterConversationActualTime), the
 * latest published revision of every record agrees with {@link NaiveHistoricalComputation} (a millisecond walk and
 * brute-force contacts written from SPEC §3 alone) over the simulator's own rows, for every queue, agent and
 * interval of the compared span. The naive walk is slow, so a span of the window is compared, not all of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SimulatorDayCrossCheckTest extends HistoricalApplicationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, Map<String, JsonNode>> LATEST = new TreeMap<>();

    @Autowired
    private HistoricalRunQueue runQueue;

    /** The first run (initial backfill of [2026-11-22T23:30, 2026-11-23T23:30)), compared over 08:00-14:00. */
    @Test
    @Order(1)
    void theFirstRunOfEachRandomizedDayAgreesWithTheNaiveComputation() {
        for (String group : SEEDED.keySet()) {
            Run first = firstRun(group);
            assertThat(first.windowFrom()).isEqualTo("2026-11-22T23:30:00Z");
            assertThat(first.windowTo()).isEqualTo("2026-11-23T23:30:00Z");
            crossCheck(group, first, Instant.parse("2026-11-23T08:00:00Z"), Instant.parse("2026-11-23T14:00:00Z"), T0,
                    300);
        }
    }

    /**
     * Two hours later the scenarios have moved on (statuses and contacts open at 23:32 have ended); a run re-reads
     * the lookback and the latest revisions agree with the naive computation over [21:30, 01:30).
     */
    @Test
    @Order(2)
    void aLaterRunOverTheLookbackAgreesWithTheNaiveComputation() {
        Instant now = Instant.parse("2026-11-24T01:32:00Z");
        CLOCK.set(now);
        long revisedBefore = revised();
        for (Map.Entry<String, SalesforceOrgSimulator> seeded : SEEDED.entrySet()) {
            seeded.getValue().scenario().advanceTo(now);
            addLateContact(seeded.getKey(), seeded.getValue());
            Run run = awaitSucceeded(runQueue.now(seeded.getKey(), RunKind.MANUAL));
            assertThat(run.windowFrom()).isEqualTo("2026-11-23T21:30:00Z");
            assertThat(run.windowTo()).isEqualTo("2026-11-24T01:30:00Z");
            crossCheck(seeded.getKey(), run, run.windowFrom(), run.windowTo(), now, 30);
        }
        assertThat(revised()).as("late data re-read in the lookback gave later revisions").isGreaterThan(revisedBefore);
    }

    /**
     * A contact that reaches the org late (replicated after the first run read its interval): answered in a queue
     * interval of [21:30, 23:30) that the first run already published, so the re-read must revise that record.
     */
    private static void addLateContact(String group, SalesforceOrgSimulator sim) {
        JsonNode published = LATEST.getOrDefault(group, Map.of()).values().stream()
                .filter(e -> e.get("type").asText().equals("queue-interval"))
                .filter(e -> {
                    Instant start = Instant.parse(e.get("data").get("intervalStart").asText());
                    return !start.isBefore(Instant.parse("2026-11-23T21:30:00Z"))
                            && start.isBefore(Instant.parse("2026-11-23T23:30:00Z"));
                })
                .findFirst().orElseThrow(() -> new AssertionError("no queue interval published in [21:30, 23:30)"));
        Instant requested = Instant.parse(published.get("data").get("intervalStart").asText()).plusSeconds(60);
        String agent = sim.org().users().get(0).id();
        sim.org().addWork(AgentWork.builder().user(agent)
                .queue(published.get("data").get("queueId").asText())
                .requested(requested).accepted(requested.plusSeconds(12)).closed(requested.plusSeconds(300))
                .afterConversationActualTime(30));
    }

    private static long revised() {
        return LATEST.values().stream().flatMap(m -> m.values().stream())
                .filter(e -> e.get("revision").asLong() > 1).count();
    }

    private void crossCheck(String group, Run run, Instant from, Instant to, Instant asOf, int atLeast) {
        SalesforceOrgSimulator sim = SEEDED.get(group);
        SimulatedOrg org = sim.org();
        boolean acwQueried = !group.equals("seed-3");
        NaiveHistoricalComputation naive = new NaiveHistoricalComputation(ZoneOffset.UTC, 15, from, to, LISTS[0],
                LISTS[1], LISTS[2], LISTS[3], 20, 5);

        // the presence rows the run's query selects: overlapping its window
        Map<String, ServicePresenceStatus> statuses = org.presenceStatuses().stream()
                .collect(Collectors.toMap(ServicePresenceStatus::id, Function.identity()));
        List<Presence> presence = new ArrayList<>();
        for (UserServicePresence p : org.records(OrgSchema.USER_SERVICE_PRESENCE)) {
            if (p.statusStartDate().isBefore(run.windowTo())
                    && (p.statusEndDate() == null || p.statusEndDate().isAfter(run.windowFrom()))) {
                ServicePresenceStatus status = statuses.get(p.servicePresenceStatusId());
                presence.add(new Presence(p.id(), p.userId(), status.masterLabel(), status.developerName(),
                        p.statusStartDate().toEpochMilli(),
                        p.statusEndDate() == null ? null : p.statusEndDate().toEpochMilli(), p.currentState(), false));
            }
        }
        // every AgentWork row of the org: contacts by brute force over all of them
        List<Work> work = new ArrayList<>();
        for (AgentWork w : org.work()) {
            work.add(new Work(w.id(), w.workItemId(), w.userId(), w.originalGroupId(), null,
                    w.requestDateTime().toEpochMilli(), millis(w.acceptDateTime()), millis(w.cancelDateTime()),
                    w.handleTime(), acwQueried ? w.afterConversationActualTime() : null, w.status(), false));
        }
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        expected.putAll(naive.agentIntervals(presence, asOf));
        expected.putAll(naive.queueIntervals(work));
        expected.putAll(naive.agentQueueIntervals(work));

        Map<String, JsonNode> actual = latestInSpan(group, from, to, sim);
        assertThat(expected).as("%s: the scenario makes agent time and contacts in the span", group)
                .hasSizeGreaterThanOrEqualTo(atLeast);
        assertThat(actual.keySet()).as(group).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((key, data) -> assertThat(actual.get(key)).as("%s %s", group, key).isEqualTo(json(data)));
        if (!acwQueried) {
            assertThat(actual.values()).allMatch(d -> !d.has("wrapUpSeconds") || d.get("wrapUpSeconds").asLong() == 0);
        }
    }

    /**
     * The latest revision of each record of the group whose interval starts in {@code [from, to)}, keyed like the
     * naive maps, names checked against the org and then blanked; records published as zeros count as absent.
     */
    private Map<String, JsonNode> latestInSpan(String group, Instant from, Instant to, SalesforceOrgSimulator sim) {
        Map<String, JsonNode> latest = LATEST.computeIfAbsent(group, g -> new TreeMap<>());
        for (JsonNode envelope : drain(group)) {
            JsonNode before = latest.get(envelope.get("key").asText());
            if (before == null || before.get("revision").asLong() < envelope.get("revision").asLong()) {
                latest.put(envelope.get("key").asText(), envelope);
            }
        }
        Map<String, JsonNode> inSpan = new TreeMap<>();
        for (JsonNode envelope : latest.values()) {
            String type = envelope.get("type").asText();
            ObjectNode data = envelope.get("data").deepCopy();
            if (type.equals("agent")) {
                continue;
            }
            Instant start = Instant.parse(data.get("intervalStart").asText());
            boolean zero = switch (type) {
                case "agent-interval" -> data.get("loggedInSeconds").asLong() == 0;
                case "queue-interval" -> data.get("offered").asLong() == 0;
                default -> data.get("answered").asLong() == 0;
            };
            if (start.isBefore(from) || !start.isBefore(to) || zero) {
                continue;
            }
            if (data.has("agentName")) {
                assertThat(data.get("agentName").asText()).isEqualTo(sim.org().user(data.get("agentId").asText()).name());
                data.putNull("agentName");
            }
            if (data.has("queueName")) {
                assertThat(data.get("queueName").asText()).isEqualTo(sim.org().queues().stream()
                        .filter(q -> q.id().equals(data.get("queueId").asText())).findFirst().orElseThrow().name());
                data.putNull("queueName");
            }
            String key = envelope.get("key").asText();
            inSpan.put(key.substring(key.indexOf('|', group.length() + 1) + 1), data);
        }
        return inSpan;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static JsonNode json(Map<String, Object> data) {
        try {
            return JSON.readTree(JSON.writeValueAsString(data));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
