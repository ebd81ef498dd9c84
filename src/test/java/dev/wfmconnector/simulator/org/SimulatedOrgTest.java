package dev.wfmconnector.simulator.org;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.simulator.scenario.ContactCenter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SimulatedOrgTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private final MutableClock clock = new MutableClock(T0);
    private final List<String> events = new ArrayList<>();
    private SimulatedOrg org;
    private ContactCenter center;
    private User alice;

    @BeforeEach
    void setUp() {
        org = new SimulatedOrg(7, clock);
        center = ContactCenter.install(org);
        org.setPresenceListener((userId, activity, since) -> events.add(userId + " " + activity + " " + since));
        alice = org.addUser("Alice", "Archer");
    }

    @Test
    void agentActionsKeepOneCurrentRowAndReportEachChange() {
        var agent = org.agent(alice.id());
        UserServicePresence ready = agent.status("Ready", T0);
        UserServicePresence lunch = agent.status("lunch", T0.plusSeconds(600));
        agent.logout(T0.plusSeconds(2400));

        List<UserServicePresence> rows = org.presence(alice.id());
        assertThat(rows).extracting(UserServicePresence::id).containsExactly(ready.id(), lunch.id());
        assertThat(rows.get(0).statusEndDate()).isEqualTo(T0.plusSeconds(600));
        assertThat(rows.get(0).currentState()).isFalse();
        assertThat(rows.get(0).statusDuration()).isEqualTo(600);
        assertThat(rows.get(1).statusEndDate()).isEqualTo(T0.plusSeconds(2400));
        assertThat(rows.get(1).away()).isTrue();
        assertThat(org.currentPresence(alice.id())).isNull();
        assertThat(events).containsExactly(
                alice.id() + " Ready " + T0,
                alice.id() + " Lunch " + T0.plusSeconds(600),
                alice.id() + " Offline " + T0.plusSeconds(2400));
    }

    @Test
    void logoutWhenLoggedOutChangesNothing() {
        org.agent(alice.id()).logout(T0);
        assertThat(org.presence(alice.id())).isEmpty();
        assertThat(events).isEmpty();
    }

    @Test
    void rawPresenceRowsAreAddedAsGivenWithoutEvents() {
        UserServicePresence open = org.addPresence(alice.id(), "Ready", T0, null, true);
        UserServicePresence malformed = org.addPresence(alice.id(), "Not_Ready", T0.minusSeconds(900), null, false);
        UserServicePresence closed = org.closePresence(open.id(), T0.plusSeconds(30));

        assertThat(closed.statusEndDate()).isEqualTo(T0.plusSeconds(30));
        assertThat(malformed.statusEndDate()).isNull();
        assertThat(malformed.currentState()).isFalse();
        assertThat(events).isEmpty();
        assertThatThrownBy(() -> org.addPresence(alice.id(), "Ready", T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> org.addPresence(alice.id(), "Offline", T0, null))
                .hasMessageContaining("no presence status named Offline");
    }

    @Test
    void agentWorkDerivesStatusDurationsChannelAndWorkItem() {
        Group chat = org.queue("Chat_Support");
        AgentWork work = org.addWork(AgentWork.builder().user(alice.id()).queue(chat.id())
                .requested(T0).accepted(T0.plusMillis(20_400)));
        assertThat(work.status()).isEqualTo("Opened");
        assertThat(work.speedToAnswer()).isEqualTo(20);
        assertThat(work.serviceChannelId()).isEqualTo(center.chat().id());
        assertThat(work.workItemId()).startsWith("570");
        assertThat(work.assignedDateTime()).isEqualTo(T0);
        assertThat(work.capacityWeight()).isEqualTo(1.0);

        AgentWork closed = org.updateWork(work.id(), w -> w.closed(T0.plusSeconds(320)).afterConversationActualTime(30));
        assertThat(closed.status()).isEqualTo("Closed");
        assertThat(closed.handleTime()).isEqualTo(299);
        assertThat(closed.afterConversationActualTime()).isEqualTo(30);
        assertThat(closed.audit().lastModifiedDate()).isEqualTo(T0.plusSeconds(320));

        AgentWork transferred = org.addWork(AgentWork.builder().user(alice.id()).queue(chat.id()).requested(T0)
                .accepted(T0.plusSeconds(5)).transferred(T0.plusSeconds(65)));
        assertThat(transferred.status()).isEqualTo("Transferred");
        assertThat(transferred.handleTime()).isEqualTo(60);

        AgentWork email = org.addWork(AgentWork.builder().user(alice.id()).queue(org.queue("Email Support").id())
                .requested(T0).canceled(T0.plusSeconds(4)));
        assertThat(email.status()).isEqualTo("Canceled");
        assertThat(email.workItemId()).startsWith("500");
        assertThat(email.speedToAnswer()).isNull();
    }

    @Test
    void usersAreAddedChangedAndDeactivated() {
        assertThat(alice.username()).isEqualTo("alice.archer@acme-service.example.com");
        assertThat(alice.name()).isEqualTo("Alice Archer");
        assertThat(alice.active()).isTrue();
        clock.advance(Duration.ofHours(1));
        User renamed = org.updateUser(alice.id(), u -> u.lastName("Baker").email("alice@example.com"));
        assertThat(renamed.name()).isEqualTo("Alice Baker");
        assertThat(renamed.audit().lastModifiedDate()).isEqualTo(T0.plusSeconds(3600));
        assertThat(renamed.audit().createdDate()).isEqualTo(T0);
        assertThat(org.deactivateUser(alice.id().substring(0, 15)).active()).isFalse();
        assertThat(org.user(alice.id()).active()).isFalse();
    }

    @Test
    void deletedRowsAreHiddenFromRecordsButKept() {
        UserServicePresence row = org.agent(alice.id()).status("Ready", T0);
        org.delete(row.id());
        assertThat(org.presence(alice.id())).isEmpty();
        assertThat(org.currentPresence(alice.id())).isNull();
        assertThat(org.find(row.id()).deleted()).isTrue();
    }

    @Test
    void idsHaveTheirObjectsKeyPrefixesAndAreFoundInAnyForm() {
        assertThat(org.orgId()).startsWith("00D").hasSize(18);
        assertThat(alice.id()).startsWith("005");
        assertThat(center.chatSales().id()).startsWith("00G");
        assertThat(center.chat().id()).startsWith("0N9");
        assertThat(center.ready().id()).startsWith("0N5");
        assertThat(org.agent(alice.id()).status("Ready", T0).id()).startsWith("0Lr");
        assertThat(org.find(alice.id().substring(0, 15)).record()).isEqualTo(alice);
        assertThat(org.find(alice.id().toLowerCase()).record()).isEqualTo(alice);
        assertThat(org.find("005000000000000")).isNull();
    }
}
