package dev.wfmconnector.store;

import static dev.wfmconnector.store.Users.id;
import static dev.wfmconnector.store.Users.user;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

class UserSnapshotsTest {

    @OnBothDatabases
    void anImportSeesWhatTheLastImportsPublished(TestDatabase db) {
        UserSnapshots snapshots = new UserSnapshots(db.jdbc());
        assertThat(snapshots.all("emea")).isEmpty();

        SalesforceUser ada = user(id(1), "Ada Lovelace");
        SalesforceUser alan = user(id(2), "Alan Turing");
        snapshots.save("emea", List.of(StoredUser.published(ada, 1), StoredUser.published(alan, 1)));
        snapshots.save("apac", List.of(StoredUser.published(user(id(3), "Grace Hopper"), 1)));

        SalesforceUser alanGone = new SalesforceUser(alan.id(), alan.username(), alan.firstName(), alan.lastName(),
                alan.name(), alan.email(), false, alan.federationId(), alan.timeZone());
        snapshots.save("Emea", List.of(StoredUser.published(alanGone, 2)));

        Map<String, StoredUser> emea = snapshots.all("EMEA");
        assertThat(emea).containsOnlyKeys(ada.id(), alan.id());
        assertThat(emea.get(ada.id()).user()).isEqualTo(ada);
        assertThat(emea.get(alan.id()).user().active()).isFalse();
        assertThat(emea.get(alan.id()).revision()).isEqualTo(2);
        assertThat(snapshots.all("apac")).containsOnlyKeys(id(3));
    }

    @OnBothDatabases
    void savingNothingChangesNothing(TestDatabase db) {
        UserSnapshots snapshots = new UserSnapshots(db.jdbc());
        snapshots.save("emea", List.of());
        assertThat(db.count("user_snapshots")).isZero();
    }
}
