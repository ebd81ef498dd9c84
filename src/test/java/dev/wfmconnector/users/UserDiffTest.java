package dev.wfmconnector.users;

import static dev.wfmconnector.users.UserChange.Kind.CREATED;
import static dev.wfmconnector.users.UserChange.Kind.DEACTIVATED;
import static dev.wfmconnector.users.UserChange.Kind.UPDATED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The comparison of an import with what earlier imports published: what is reported, with which change and revision. */
class UserDiffTest {

    private static final String ANA = "005000000000000AAA";
    private static final String BEN = "005000000000000BBB";
    private static final String CAT = "005000000000000CCC";
    private static final String DAN = "005000000000000DDD";

    @Test
    void theFirstImportReportsEveryActiveUserAsCreatedWithRevisionOne() {
        UserDiff diff = new UserDiff(Map.of());
        diff.read(user(BEN, "Ben"));
        diff.read(user(ANA, "Ana"));

        assertThat(diff.changes()).containsExactly(
                new UserChange(user(BEN, "Ben"), CREATED, 1),
                new UserChange(user(ANA, "Ana"), CREATED, 1));
    }

    @Test
    void unchangedUsersAreNotReported() {
        UserDiff diff = new UserDiff(published(stored(user(ANA, "Ana"), 3)));
        diff.read(user(ANA, "Ana"));

        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void aChangeOfAnyPublishedFieldIsAnUpdateWithTheNextRevision() {
        SalesforceUser ana = user(ANA, "Ana");
        List<SalesforceUser> changed = List.of(
                new SalesforceUser(ANA, "ana2@acme.example", "Ana", "Lopez", "Ana Lopez", "ana@acme.example", true, "fed-ana", "Europe/Paris"),
                new SalesforceUser(ANA, "ana@acme.example", "Anna", "Lopez", "Ana Lopez", "ana@acme.example", true, "fed-ana", "Europe/Paris"),
                new SalesforceUser(ANA, "ana@acme.example", "Ana", "Diaz", "Ana Lopez", "ana@acme.example", true, "fed-ana", "Europe/Paris"),
                new SalesforceUser(ANA, "ana@acme.example", "Ana", "Lopez", "Ana L.", "ana@acme.example", true, "fed-ana", "Europe/Paris"),
                new SalesforceUser(ANA, "ana@acme.example", "Ana", "Lopez", "Ana Lopez", null, true, "fed-ana", "Europe/Paris"),
                new SalesforceUser(ANA, "ana@acme.example", "Ana", "Lopez", "Ana Lopez", "ana@acme.example", true, "fed-x", "Europe/Paris"),
                new SalesforceUser(ANA, "ana@acme.example", "Ana", "Lopez", "Ana Lopez", "ana@acme.example", true, "fed-ana", "Asia/Kolkata"));
        assertThat(changed).allSatisfy(u -> assertThat(u).isNotEqualTo(ana));

        for (SalesforceUser current : changed) {
            UserDiff diff = new UserDiff(published(stored(ana, 4)));
            diff.read(current);
            assertThat(diff.changes()).containsExactly(new UserChange(current, UPDATED, 5));
        }
    }

    @Test
    void aUserReadInactiveIsDeactivatedOnceWithTheFieldsRead() {
        SalesforceUser inactive = inactive(renamed(user(ANA, "Ana"), "Ana Maria"));
        UserDiff diff = new UserDiff(published(stored(user(ANA, "Ana"), 2)));
        diff.read(inactive);
        assertThat(diff.changes()).containsExactly(new UserChange(inactive, DEACTIVATED, 3));

        UserDiff next = new UserDiff(published(stored(inactive, 3)));
        next.read(inactive);
        next.read(inactive(renamed(user(ANA, "Ana"), "Ana M.")));
        assertThat(next.changes()).isEmpty();
    }

    @Test
    void aUserNoLongerReadIsDeactivatedOnceWithItsLastPublishedFields() {
        SalesforceUser cat = user(CAT, "Cat");
        UserDiff diff = new UserDiff(published(stored(user(ANA, "Ana"), 1), stored(cat, 7)));
        diff.read(user(ANA, "Ana"));
        assertThat(diff.changes()).containsExactly(new UserChange(inactive(cat), DEACTIVATED, 8));

        UserDiff next = new UserDiff(published(stored(user(ANA, "Ana"), 1), stored(inactive(cat), 8)));
        next.read(user(ANA, "Ana"));
        assertThat(next.changes()).isEmpty();
    }

    @Test
    void aDeactivatedUserActiveAgainIsAnUpdate() {
        SalesforceUser back = user(BEN, "Ben");
        UserDiff diff = new UserDiff(published(stored(inactive(back), 2)));
        diff.read(back);

        assertThat(diff.changes()).containsExactly(new UserChange(back, UPDATED, 3));
    }

    @Test
    void aUserNeverPublishedAndReadInactiveIsNotReported() {
        UserDiff diff = new UserDiff(Map.of());
        diff.read(inactive(user(DAN, "Dan")));

        assertThat(diff.changes()).isEmpty();
    }

    @Test
    void changesComeInReadingOrderThenVanishedUsersInIdOrder() {
        UserDiff diff = new UserDiff(published(stored(user(DAN, "Dan"), 1), stored(user(BEN, "Ben"), 1),
                stored(user(CAT, "Cat"), 1)));
        diff.read(renamed(user(CAT, "Cat"), "Cathy"));
        diff.read(user(ANA, "Ana"));

        assertThat(diff.changes()).extracting(c -> c.user().id(), UserChange::change).containsExactly(
                tuple(CAT, UPDATED),
                tuple(ANA, CREATED),
                tuple(BEN, DEACTIVATED),
                tuple(DAN, DEACTIVATED));
    }

    @Test
    void aUserReadTwiceCountsOnceAsFirstRead() {
        UserDiff diff = new UserDiff(Map.of());
        diff.read(user(ANA, "Ana"));
        diff.read(renamed(user(ANA, "Ana"), "Other"));

        assertThat(diff.changes()).containsExactly(new UserChange(user(ANA, "Ana"), CREATED, 1));
    }

    private static SalesforceUser user(String id, String firstName) {
        String handle = firstName.toLowerCase() + "@acme.example";
        return new SalesforceUser(id, handle, firstName, "Lopez", firstName + " Lopez", handle, true,
                "fed-" + firstName.toLowerCase(), "Europe/Paris");
    }

    private static SalesforceUser renamed(SalesforceUser u, String name) {
        return new SalesforceUser(u.id(), u.username(), u.firstName(), u.lastName(), name, u.email(), u.active(),
                u.federationId(), u.timeZone());
    }

    private static SalesforceUser inactive(SalesforceUser u) {
        return new SalesforceUser(u.id(), u.username(), u.firstName(), u.lastName(), u.name(), u.email(), false,
                u.federationId(), u.timeZone());
    }

    private static StoredUser stored(SalesforceUser user, long revision) {
        return StoredUser.published(user, revision);
    }

    private static Map<String, StoredUser> published(StoredUser... users) {
        Map<String, StoredUser> byId = new LinkedHashMap<>();
        for (StoredUser u : users) {
            byId.put(u.id(), u);
        }
        return byId;
    }
}
