package dev.wfmconnector.simulator.soql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.simulator.org.AgentWork;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import dev.wfmconnector.simulator.org.User;
import dev.wfmconnector.simulator.org.UserServicePresence;
import dev.wfmconnector.simulator.scenario.ContactCenter;
import dev.wfmconnector.simulator.soql.QueryResult.SelectedField;
import dev.wfmconnector.simulator.soql.QueryResult.SelectedParent;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** SOQL evaluation against a scripted org: each expectation is worked out by hand from the rows below. */
class QueryPlannerTest {

    private static final Instant T10 = Instant.parse("2026-11-24T10:00:00Z");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T12:00:00Z"));
    private SimulatedOrg org;
    private User alice;
    private User bob;
    private User chloe;
    private UserServicePresence ready;
    private UserServicePresence notReady;
    private UserServicePresence lunch;

    @BeforeEach
    void setUp() {
        org = new SimulatedOrg(3, clock);
        ContactCenter.install(org);
        alice = org.addUser(User.builder().name("Alice", "Archer").federationIdentifier("E1"));
        bob = org.addUser(User.builder().name("Bob", "Brown"));
        chloe = org.addUser(User.builder().name("Chloe", "O'Brien").federationIdentifier("E3"));
        org.deactivateUser(bob.id());
        ready = org.addPresence(alice.id(), "Ready", T10, T10.plusSeconds(900));
        notReady = org.addPresence(alice.id(), "Not ready", T10.plusSeconds(900), T10.plusSeconds(1800));
        lunch = org.addPresence(chloe.id(), "Lunch", T10.plusSeconds(1800), null, true);
    }

    private List<String> ids(String soql) {
        return run(soql, 53.0, false).rows().stream().map(r -> (String) r[r.length - 1]).toList();
    }

    private QueryResult run(String soql, double version, boolean all) {
        return QueryPlanner.plan(SoqlParser.parse(soql), version, clock, org::find).execute(org, all);
    }

    @Test
    void textComparesIgnoringCaseAndNotEqualMatchesEmptyFields() {
        assertThat(ids("SELECT Id FROM User WHERE Name = 'alice ARCHER'")).containsExactly(alice.id());
        assertThat(ids("SELECT Id FROM User WHERE UserType = 'Standard' AND FederationIdentifier != 'E1' "
                + "AND Title = null")).containsExactly(bob.id(), chloe.id());
        assertThat(ids("SELECT Id FROM User WHERE FederationIdentifier = null AND LastName IN ('brown', 'User')"))
                .containsExactly(org.integrationUserId(), bob.id());
        assertThat(ids("SELECT Id FROM User WHERE LastName > 'b' AND LastName < 'c'")).containsExactly(bob.id());
    }

    @Test
    void idsMatchIn15And18CharacterFormsAndNotIn() {
        assertThat(ids("SELECT Id FROM User WHERE Id IN ('" + alice.id().substring(0, 15) + "', '"
                + chloe.id().toLowerCase() + "')")).containsExactly(alice.id(), chloe.id());
        assertThat(ids("SELECT Id FROM User WHERE UserType = 'Standard' AND Id NOT IN ('" + alice.id() + "', '"
                + org.integrationUserId() + "')")).containsExactly(bob.id(), chloe.id());
    }

    @Test
    void booleansNotLikeAndParentheses() {
        assertThat(ids("SELECT Id FROM User WHERE NOT IsActive = true")).containsExactly(bob.id());
        assertThat(ids("SELECT Id FROM User WHERE Name LIKE '%brien'")).containsExactly(chloe.id());
        assertThat(ids("SELECT Id FROM User WHERE Name LIKE 'b_b%'")).containsExactly(bob.id());
        assertThat(ids("SELECT Id FROM User WHERE (IsActive = false OR FederationIdentifier = 'e3') "
                + "AND NOT (LastName = 'Brown' AND FirstName = 'Chloe')")).containsExactly(bob.id(), chloe.id());
    }

    @Test
    void datetimesInBothLiteralFormsNullsAndParentFields() {
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate >= 2026-11-24T10:15:00Z"))
                .containsExactly(notReady.id(), lunch.id());
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate < 2026-11-24T10:15:00.000+0000"))
                .containsExactly(ready.id());
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate < 2026-11-24T11:30:00+01:00"))
                .containsExactly(ready.id(), notReady.id());
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusEndDate = null")).containsExactly(lunch.id());
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusEndDate > 2026-11-24T10:15:00Z"))
                .containsExactly(notReady.id());
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE ServicePresenceStatus.DeveloperName = 'not_ready' "
                + "OR User.Name = 'Chloe O\\'Brien'")).containsExactly(notReady.id(), lunch.id());
    }

    @Test
    void relativeDateLiteralsUseUtcDaysOfTheClock() {
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate = TODAY")).hasSize(3);
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate = YESTERDAY")).isEmpty();
        clock.set(Instant.parse("2026-11-25T00:00:00Z"));
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate = YESTERDAY")).hasSize(3);
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate = LAST_N_DAYS:1")).hasSize(3);
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate < TODAY")).hasSize(3);
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate = LAST_N_DAYS:0")).isEmpty();
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate > LAST_N_DAYS:0")).isEmpty();
        clock.set(Instant.parse("2026-11-23T23:59:59Z"));
        assertThat(ids("SELECT Id FROM UserServicePresence WHERE StatusStartDate = NEXT_N_DAYS:1")).hasSize(3);
    }

    @Test
    void ordersByManyFieldsWithNullsFirstByDefault() {
        assertThat(ids("SELECT Id FROM UserServicePresence ORDER BY StatusEndDate DESC"))
                .containsExactly(lunch.id(), notReady.id(), ready.id());
        assertThat(ids("SELECT Id FROM UserServicePresence ORDER BY StatusEndDate DESC NULLS LAST"))
                .containsExactly(notReady.id(), ready.id(), lunch.id());
        assertThat(ids("SELECT Id FROM UserServicePresence ORDER BY StatusEndDate ASC"))
                .containsExactly(lunch.id(), ready.id(), notReady.id());
        assertThat(ids("SELECT Id FROM UserServicePresence ORDER BY User.Name DESC, StatusStartDate DESC"))
                .containsExactly(lunch.id(), notReady.id(), ready.id());
        assertThat(ids("SELECT Id FROM User WHERE UserType = 'Standard' ORDER BY LastName DESC LIMIT 2 OFFSET 1"))
                .containsExactly(chloe.id(), bob.id());
    }

    @Test
    void countsAndLimits() {
        QueryResult count = run("SELECT COUNT() FROM UserServicePresence WHERE UserId = '" + alice.id() + "'", 53.0,
                false);
        assertThat(count.totalSize()).isEqualTo(2);
        assertThat(count.rows()).isEmpty();
        assertThat(run("SELECT Id FROM UserServicePresence LIMIT 0", 53.0, false).totalSize()).isZero();
    }

    @Test
    void selectionGroupsParentFieldsUnderTheirRelationshipWithCanonicalNames() {
        QueryResult result = run("select servicepresencestatus.masterlabel, id, ServicePresenceStatus.DeveloperName "
                + "from userservicepresence where id = '" + notReady.id() + "'", 53.0, false);
        assertThat(result.type().name()).isEqualTo("UserServicePresence");
        SelectedParent parent = (SelectedParent) result.selection().get(0);
        assertThat(parent.reference().relationshipName()).isEqualTo("ServicePresenceStatus");
        assertThat(parent.children()).extracting(s -> ((SelectedField) s).field().name())
                .containsExactly("MasterLabel", "DeveloperName");
        assertThat(((SelectedField) result.selection().get(1)).field().name()).isEqualTo("Id");
        Object[] row = result.rows().get(0);
        assertThat(Arrays.asList(row)).containsExactly(notReady.servicePresenceStatusId(), "Not ready",
                notReady.id(), "Not_Ready", notReady.id());
    }

    @Test
    void numbersCompareAcrossIntAndDouble() {
        AgentWork work = org.addWork(AgentWork.builder().user(alice.id()).queue(org.queue("Chat_Sales").id())
                .requested(T10).accepted(T10.plusSeconds(10)).closed(T10.plusSeconds(130))
                .afterConversationActualTime(20));
        assertThat(ids("SELECT Id FROM AgentWork WHERE HandleTime > 119.5 AND CapacityWeight = 1")).containsExactly(
                work.id());
        assertThat(ids("SELECT Id FROM AgentWork WHERE HandleTime >= 121")).isEmpty();
        assertThat(ids("SELECT Id FROM AgentWork WHERE AfterConversationActualTime = 20 AND Status = 'closed' "
                + "AND OriginalGroup.DeveloperName = 'Chat_Sales'")).containsExactly(work.id());
    }

    @Test
    void queryAllAlsoReturnsDeletedRows() {
        org.delete(ready.id());
        assertThat(ids("SELECT Id FROM UserServicePresence")).containsExactly(notReady.id(), lunch.id());
        QueryResult all = run("SELECT Id, IsDeleted FROM UserServicePresence", 53.0, true);
        assertThat(all.rows()).extracting(r -> r[1]).containsExactly(true, false, false);
    }

    @Test
    void fieldsAndObjectsFollowTheApiVersion() {
        assertThat(run("SELECT AfterConversationActualTime FROM AgentWork", 52.0, false).rows()).isEmpty();
        assertThatThrownBy(() -> run("SELECT Id, AfterConversationActualTime FROM AgentWork", 51.0, false))
                .isInstanceOfSatisfying(SoqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
                    assertThat(e.column()).isEqualTo(12);
                    assertThat(e.getMessage()).startsWith(
                            "No such column 'AfterConversationActualTime' on entity 'AgentWork'.");
                });
        assertThatThrownBy(() -> run("SELECT Id FROM UserServicePresence", 31.0, false))
                .isInstanceOfSatisfying(SoqlException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo("INVALID_TYPE");
                    assertThat(e.column()).isEqualTo(16);
                });
    }

    /** Queries Salesforce refuses once it knows the schema: error code, 1-based column and the start of the reason. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "SELECT Id, Foo FROM User                              | INVALID_FIELD | 12 | No such column 'Foo' on entity 'User'",
            "SELECT Id FROM User WHERE Foo = 1                     | INVALID_FIELD | 27 | No such column 'Foo'",
            "SELECT Id FROM User ORDER BY Bar                      | INVALID_FIELD | 30 | No such column 'Bar'",
            "SELECT Owner.Foo FROM UserServicePresence             | INVALID_FIELD | 8  | No such column 'Owner.Foo' on entity 'User'",
            "SELECT Status__r.Name FROM UserServicePresence        | INVALID_FIELD | 8  | Didn't understand relationship 'Status__r'",
            "SELECT UserId.Name FROM UserServicePresence           | INVALID_FIELD | 8  | Didn't understand relationship 'UserId'",
            "SELECT WorkItem.Name FROM AgentWork                   | INVALID_FIELD | 8  | Didn't understand relationship 'WorkItem'",
            "SELECT ServicePresenceStatus FROM UserServicePresence | INVALID_FIELD | 8  | No such column 'ServicePresenceStatus'",
            "SELECT Id FROM UserServicePresence WHERE StatusStartDate > '2026-11-24T10:00:00Z' | INVALID_FIELD | 60 | value of filter criterion for field 'StatusStartDate' must be of type dateTime and should not be enclosed in quotes",
            "SELECT Id FROM UserServicePresence WHERE StatusStartDate > 2026-11-24 | INVALID_FIELD | 60 | value of filter criterion for field 'StatusStartDate' must be of type dateTime",
            "SELECT Id FROM User WHERE Name = 5                    | INVALID_FIELD | 34 | value of filter criterion for field 'Name' must be of type string and should be enclosed in quotes",
            "SELECT Id FROM User WHERE IsActive = 'true'           | INVALID_FIELD | 38 | value of filter criterion for field 'IsActive' must be of type boolean and should not be enclosed in quotes",
            "SELECT Id FROM User WHERE Id = 'abc'                  | INVALID_QUERY_FILTER_OPERATOR | 32 | invalid ID field: abc",
            "SELECT Id FROM User WHERE IsActive > true             | INVALID_QUERY_FILTER_OPERATOR | 36 | invalid operator on boolean field",
            "SELECT Id FROM User WHERE Name < null                 | INVALID_QUERY_FILTER_OPERATOR | 32 | invalid operator on null",
            "SELECT Id FROM User WHERE Id LIKE '005%'              | INVALID_QUERY_FILTER_OPERATOR | 27 | invalid operator on id field",
            "SELECT Id, Name, id FROM User                         | MALFORMED_QUERY | 18 | duplicate field selected: Id",
            "SELECT Id FROM User OFFSET 2001                       | NUMBER_OUTSIDE_VALID_RANGE | 28 | Maximum SOQL offset allowed is 2000"
    })
    void refusesWhatSalesforceRefuses(String soql, String errorCode, int column, String reason) {
        assertThatThrownBy(() -> run(soql.strip(), 53.0, false)).isInstanceOfSatisfying(SoqlException.class, e -> {
            assertThat(e.errorCode()).isEqualTo(errorCode);
            assertThat(e.column()).isEqualTo(column);
            assertThat(e.getMessage()).startsWith(reason);
        });
    }
}
