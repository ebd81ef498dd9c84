package dev.wfmconnector.users;

import dev.wfmconnector.store.RunCounts;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One user-import run in progress: its run id, the comparison with what earlier imports published, and what it read
 * so far. Carried through the import route as the exchange property {@value #PROPERTY}; not thread-safe.
 */
public final class UserImport {

    /** The exchange property holding the run. */
    public static final String PROPERTY = "userImport";

    /** Bad records described in the log per run; the rest are only counted. */
    static final int BAD_RECORDS_LOGGED = 10;

    private final String group;
    private final long runId;
    private final Instant startedAt;
    private final UserDiff diff;
    private final List<String> badRecords = new ArrayList<>();
    private long usersRead;
    private long badRecordCount;
    private int pages;
    private List<UserChange> changes;

    UserImport(String group, long runId, Instant startedAt, Map<String, StoredUser> published) {
        this.group = group;
        this.runId = runId;
        this.startedAt = startedAt;
        this.diff = new UserDiff(published);
    }

    /** Compares a page's users and counts them and its bad records. */
    void read(UserPage page) {
        pages++;
        page.users().forEach(diff::read);
        usersRead += page.users().size();
        badRecordCount += page.badRecords().size();
        page.badRecords().stream().limit(Math.max(0, BAD_RECORDS_LOGGED - badRecords.size())).forEach(badRecords::add);
    }

    /** The changes to publish, computed once the whole read succeeded. */
    List<UserChange> changes() {
        if (changes == null) {
            changes = diff.changes();
        }
        return changes;
    }

    List<StoredUser> published() {
        return changes().stream().map(UserChange::stored).toList();
    }

    RunCounts counts() {
        return new RunCounts(0, usersRead, changes == null ? 0 : changes.size());
    }

    public String group() {
        return group;
    }

    public long runId() {
        return runId;
    }

    Instant startedAt() {
        return startedAt;
    }

    long usersRead() {
        return usersRead;
    }

    long badRecordCount() {
        return badRecordCount;
    }

    /** The first {@value #BAD_RECORDS_LOGGED} bad records' descriptions. */
    List<String> badRecords() {
        return badRecords;
    }

    int pages() {
        return pages;
    }
}
