package dev.wfmconnector.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.wfmconnector.store.RunCounts;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** A run in progress: what it counts page by page, which bad records it keeps for the log, what it stores. */
class UserImportTest {

    private static final String ANA = "005000000000000AAA";
    private static final String BEN = "005000000000000BBB";

    @Test
    void countsUsersPagesAndBadRecordsAndKeepsTheFirstBadRecordsForTheLog() {
        UserImport run = new UserImport("emea", 7, Instant.EPOCH, Map.of());
        List<String> bad = IntStream.rangeClosed(1, 8).mapToObj(i -> "record " + i + ": Username is missing").toList();

        run.read(new UserPage(List.of(user(ANA)), bad, "/next"));
        run.read(new UserPage(List.of(user(BEN)), bad, null));

        assertThat(run.pages()).isEqualTo(2);
        assertThat(run.usersRead()).isEqualTo(2);
        assertThat(run.badRecordCount()).isEqualTo(16);
        assertThat(run.badRecords()).hasSize(UserImport.BAD_RECORDS_LOGGED)
                .containsSequence(bad).endsWith("record 2: Username is missing");
        assertThat(run.counts()).isEqualTo(new RunCounts(0, 2, 0));
    }

    @Test
    void storesWhatItPublishesWithTheRevisions() {
        SalesforceUser ana = user(ANA);
        UserImport run = new UserImport("emea", 7, Instant.EPOCH, Map.of(ANA, StoredUser.published(ana, 2)));

        run.read(new UserPage(List.of(user(BEN)), List.of(), null));

        assertThat(run.changes()).extracting(UserChange::change)
                .containsExactly(UserChange.Kind.CREATED, UserChange.Kind.DEACTIVATED);
        assertThat(run.published()).extracting(StoredUser::id, StoredUser::revision, s -> s.user().active())
                .containsExactly(tuple(BEN, 1L, true),
                        tuple(ANA, 3L, false));
        assertThat(run.counts()).isEqualTo(new RunCounts(0, 1, 2));
    }

    private static SalesforceUser user(String id) {
        return new SalesforceUser(id, id + "@acme.example", "First", "Last", "First Last", null, true, null, "UTC");
    }
}
