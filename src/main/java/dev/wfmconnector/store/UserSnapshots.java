package dev.wfmconnector.store;

import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * What the user import last published per user (SPEC §5), to find users that are new, changed, deactivated or
 * vanished. A deactivated or vanished user stays with {@code active = false}, so it is reported once. Save an import's
 * changes with its run through {@link StateCommits#userImportSucceeded}: a failed import changes nothing.
 */
@Repository
public class UserSnapshots {

    private final UserTable snapshots;

    public UserSnapshots(JdbcTemplate jdbc) {
        this.snapshots = new UserTable(jdbc, "user_snapshots", "user_id");
    }

    /** Every user the group's import has published, by user id. */
    public Map<String, StoredUser> all(String group) {
        return snapshots.all(group);
    }

    /** Records published user records (created, updated and deactivated users, each with its revision). */
    public void save(String group, List<StoredUser> publishedUsers) {
        snapshots.save(group, publishedUsers);
    }
}
