package dev.wfmconnector.simulator.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.simulator.org.ServicePresenceStatus;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.simulator.org.UserServicePresence;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The scenario's data: deterministic from the seed, and consistent the way a real Omni-Channel org is. */
class ScenarioEngineTest {

    /** A Monday; the run covers Monday 06:00 to Wednesday 14:30 UTC, ending in a busy hour. */
    private static final Instant START = Instant.parse("2026-11-23T06:00:00Z");
    private static final Instant END = Instant.parse("2026-11-25T14:30:00Z");

    private static SimulatedOrg org;
    private static ContactCenter center;
    private static ScenarioEngine engine;

    @BeforeAll
    static void run() {
        org = new SimulatedOrg(5, new MutableClock(START));
        center = ContactCenter.install(org);
        engine = new ScenarioEngine(org, center, new ScenarioSettings(5, 40, 1.0), START);
        engine.advanceTo(END);
    }

    @Test
    void theSameSeedGivesTheSameRowsHoweverTimeIsAdvanced() {
        SimulatedOrg again = new SimulatedOrg(5, new MutableClock(START));
        ScenarioEngine stepwise = new ScenarioEngine(again, ContactCenter.install(again),
                new ScenarioSettings(5, 40, 1.0), START);
        for (Instant t = START; t.isBefore(END); t = t.plus(Duration.ofMinutes(7))) {
            stepwise.advanceTo(t);
        }
        stepwise.advanceTo(END);

        assertThat(again.users()).isEqualTo(org.users());
        assertThat(again.records(OrgSchema.USER_SERVICE_PRESENCE)).isEqualTo(org.records(OrgSchema.USER_SERVICE_PRESENCE));
        assertThat(again.work()).isEqualTo(org.work());
        assertThat(stepwise.now()).isEqualTo(END);
    }

    @Test
    void anotherSeedGivesOtherRows() {
        SimulatedOrg other = new SimulatedOrg(6, new MutableClock(START));
        new ScenarioEngine(other, ContactCenter.install(other), new ScenarioSettings(6, 40, 1.0), START)
                .advanceTo(START.plus(Duration.ofHours(4)));
        assertThat(other.users().stream().map(User::username).toList())
                .isNotEqualTo(org.users().stream().map(User::username).toList());
    }

    @Test
    void theRosterHasAgentsLeadsAFormerAgentAndSystemUsers() {
        List<User> users = org.users();
        assertThat(engine.agentIds()).hasSize(40);
        assertThat(users).hasSize(2 + 40 + 3 + 1);
        assertThat(users).filteredOn(u -> !u.active()).hasSize(1);
        assertThat(users).filteredOn(u -> "AutomatedProcess".equals(u.userType())).hasSize(1);
        assertThat(users).filteredOn(u -> "Team Lead".equals(u.title())).hasSize(3);
        assertThat(users.stream().map(User::username).collect(Collectors.toSet())).hasSize(users.size());
        assertThat(users).filteredOn(u -> u.federationIdentifier() != null).isNotEmpty();
        assertThat(users.stream().map(User::timeZoneSidKey).collect(Collectors.toSet())).hasSizeGreaterThan(2);
    }

    @Test
    void presenceRowsFollowEachOtherWithOneCurrentRowAtMost() {
        Map<String, List<UserServicePresence>> byUser = org.records(OrgSchema.USER_SERVICE_PRESENCE).stream()
                .collect(Collectors.groupingBy(UserServicePresence::userId));
        assertThat(byUser.keySet()).isSubsetOf(new HashSet<>(engine.agentIds())).hasSizeGreaterThan(30);
        int current = 0;
        for (List<UserServicePresence> rows : byUser.values()) {
            List<UserServicePresence> sorted = rows.stream()
                    .sorted(Comparator.comparing(UserServicePresence::statusStartDate)).toList();
            for (int i = 0; i < sorted.size(); i++) {
                UserServicePresence row = sorted.get(i);
                boolean last = i == sorted.size() - 1;
                if (row.statusEndDate() == null) {
                    assertThat(last).isTrue();
                    assertThat(row.currentState()).isTrue();
                    current++;
                } else {
                    assertThat(row.currentState()).isFalse();
                    assertThat(row.statusEndDate()).isAfterOrEqualTo(row.statusStartDate());
                    if (!last) {
                        assertThat(sorted.get(i + 1).statusStartDate()).isAfterOrEqualTo(row.statusEndDate());
                    }
                }
            }
        }
        assertThat(current).isPositive();
        Set<String> used = org.records(OrgSchema.USER_SERVICE_PRESENCE).stream()
                .map(UserServicePresence::servicePresenceStatusId).collect(Collectors.toSet());
        assertThat(used).containsExactlyInAnyOrderElementsOf(
                org.presenceStatuses().stream().map(ServicePresenceStatus::id).toList());
    }

    @Test
    void agentWorkRowsAreConsistentWithTheirStatus() {
        List<AgentWork> work = org.work();
        assertThat(work.stream().map(AgentWork::status).collect(Collectors.toSet())).contains("Closed", "Canceled",
                "Declined", "DeclinedOnPushTimeout", "Transferred", "Opened");
        assertThat(work.stream().map(AgentWork::originalGroupId).collect(Collectors.toSet()))
                .containsExactlyInAnyOrderElementsOf(center.queues().stream().map(q -> q.id()).toList());
        for (AgentWork w : work) {
            assertThat(w.assignedDateTime()).isAfterOrEqualTo(w.requestDateTime());
            switch (w.status()) {
                case "Closed" -> {
                    assertThat(w.acceptDateTime()).isAfter(w.assignedDateTime());
                    assertThat(w.handleTime()).isEqualTo(
                            (int) Duration.between(w.acceptDateTime(), w.closeDateTime()).toSeconds());
                    assertThat(w.afterConversationActualTime()).isNotNull().isLessThanOrEqualTo(w.handleTime());
                    assertThat(w.speedToAnswer()).isEqualTo(
                            (int) Duration.between(w.requestDateTime(), w.acceptDateTime()).toSeconds());
                }
                case "Canceled" -> {
                    assertThat(w.cancelDateTime()).isAfterOrEqualTo(w.requestDateTime());
                    assertThat(w.acceptDateTime()).isNull();
                }
                case "Declined", "DeclinedOnPushTimeout" -> {
                    assertThat(w.declineDateTime()).isAfter(w.assignedDateTime());
                    assertThat(w.acceptDateTime()).isNull();
                }
                case "Transferred" -> assertThat(w.closeDateTime()).isAfter(w.acceptDateTime());
                case "Opened" -> assertThat(w.closeDateTime()).isNull();
                default -> assertThat(w.status()).isEqualTo("Assigned");
            }
        }
    }

    @Test
    void declinedWorkIsOfferedToAnotherAgentAndTransfersArriveInTheOtherChatQueue() {
        List<AgentWork> work = org.work();
        Map<String, List<AgentWork>> byItem = work.stream().collect(Collectors.groupingBy(AgentWork::workItemId));
        work.stream().filter(w -> w.status().equals("Declined")).forEach(declined -> {
            List<AgentWork> later = byItem.get(declined.workItemId()).stream()
                    .filter(w -> w.originalGroupId().equals(declined.originalGroupId())
                            && w.assignedDateTime().isAfter(declined.assignedDateTime()))
                    .toList();
            if (!later.isEmpty() || declined.declineDateTime().isBefore(END.minusSeconds(600))) {
                assertThat(later).isNotEmpty();
                later.stream().filter(w -> w.acceptDateTime() != null)
                        .forEach(w -> assertThat(w.userId()).isNotEqualTo(declined.userId()));
            }
        });
        List<AgentWork> transferred = work.stream().filter(w -> w.status().equals("Transferred")).toList();
        assertThat(transferred).isNotEmpty();
        Set<String> chatQueues = Set.of(center.chatSales().id(), center.chatSupport().id());
        for (AgentWork out : transferred) {
            assertThat(chatQueues).contains(out.originalGroupId());
            assertThat(byItem.get(out.workItemId())).anySatisfy(in -> {
                assertThat(in.originalGroupId()).isNotEqualTo(out.originalGroupId()).isIn(chatQueues);
                assertThat(in.requestDateTime()).isEqualTo(out.closeDateTime());
            });
        }
    }

    @Test
    void agentsAreOnCallWhileTheyTalkOnThePhone() {
        Set<String> onCallStarts = org.records(OrgSchema.USER_SERVICE_PRESENCE).stream()
                .filter(p -> p.servicePresenceStatusId().equals(center.onCall().id()))
                .map(p -> p.userId() + "@" + p.statusStartDate()).collect(Collectors.toSet());
        List<AgentWork> calls = org.work().stream()
                .filter(w -> w.serviceChannelId().equals(center.phone().id()) && w.acceptDateTime() != null).toList();
        assertThat(calls).isNotEmpty();
        calls.forEach(call -> assertThat(onCallStarts).contains(call.userId() + "@" + call.acceptDateTime()));
    }
}
