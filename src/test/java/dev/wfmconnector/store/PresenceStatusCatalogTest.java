package dev.wfmconnector.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.springframework.dao.DataAccessException;

class PresenceStatusCatalogTest {

    private static final PresenceStatus READY = new PresenceStatus("0N5000000000000001", "Ready", "Ready_for_Work");
    private static final PresenceStatus LUNCH = new PresenceStatus("0N5000000000000002", "Lunch", "Lunch_Break");
    private static final PresenceStatus TRAINING = new PresenceStatus("0N5000000000000003", "Training", "Training");

    @OnBothDatabases
    void theCatalogIsReplacedByTheStatusesJustRead(TestDatabase db) {
        PresenceStatusCatalog catalog = new PresenceStatusCatalog(db.jdbc(), db.transactions());
        assertThat(catalog.statuses("emea")).isEmpty();

        catalog.replace("emea", List.of(READY, LUNCH));
        catalog.replace("apac", List.of(TRAINING));
        assertThat(catalog.statuses("EMEA")).containsExactly(LUNCH, READY);

        catalog.replace("Emea", List.of(READY, TRAINING));
        assertThat(catalog.statuses("emea")).containsExactly(READY, TRAINING);
        assertThat(catalog.statuses("apac")).containsExactly(TRAINING);

        catalog.replace("emea", List.of());
        assertThat(catalog.statuses("emea")).isEmpty();
    }

    @OnBothDatabases
    void aFailedReplaceKeepsTheOldCatalog(TestDatabase db) {
        PresenceStatusCatalog catalog = new PresenceStatusCatalog(db.jdbc(), db.transactions());
        catalog.replace("emea", List.of(READY, LUNCH));

        PresenceStatus duplicate = new PresenceStatus(READY.id(), "Ready again", "Ready_Again");
        assertThatThrownBy(() -> catalog.replace("emea", List.of(TRAINING, READY, duplicate)))
                .isInstanceOf(DataAccessException.class);

        assertThat(catalog.statuses("emea")).containsExactly(LUNCH, READY);
    }
}
