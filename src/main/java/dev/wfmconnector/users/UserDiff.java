package dev.wfmconnector.users;

import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares the users an import reads with what earlier imports published, user by user as pages arrive:
 * <ul>
 *   <li>a user never published and active: {@code created}, revision 1;</li>
 *   <li>a published active user whose published fields changed: {@code updated};</li>
 *   <li>a published active user read inactive: {@code deactivated} with the fields read;</li>
 *   <li>a published active user not read at all (deleted, or no longer selected by the query): {@code deactivated}
 *       with its last published fields and {@code active = false};</li>
 *   <li>a published deactivated user read active again: {@code updated};</li>
 *   <li>anything else (unchanged, still deactivated, never published and inactive): nothing.</li>
 * </ul>
 * Revisions go up by one per published record. Users are reported in reading order, vanished ones last in id
 * order; a user read twice counts once (the first read).
 */
public final class UserDiff {

    private final Map<String, StoredUser> published;
    private final Set<String> read = new HashSet<>();
    private final List<UserChange> changes = new ArrayList<>();

    /** @param published what earlier imports published, by user id */
    public UserDiff(Map<String, StoredUser> published) {
        this.published = published;
    }

    /** Compares one user read from Salesforce. */
    public void read(SalesforceUser user) {
        if (!read.add(user.id())) {
            return;
        }
        StoredUser last = published.get(user.id());
        if (last == null) {
            if (user.active()) {
                changes.add(new UserChange(user, UserChange.Kind.CREATED, 1));
            }
        } else if (last.user().active()) {
            if (last.changedBy(user)) {
                changes.add(new UserChange(user, user.active() ? UserChange.Kind.UPDATED : UserChange.Kind.DEACTIVATED,
                        last.revision() + 1));
            }
        } else if (user.active()) {
            changes.add(new UserChange(user, UserChange.Kind.UPDATED, last.revision() + 1));
        }
    }

    /** The changes of every user read so far, then the published active users that were not read (deactivated). */
    public List<UserChange> changes() {
        List<UserChange> all = new ArrayList<>(changes);
        published.values().stream()
                .filter(last -> last.user().active() && !read.contains(last.id()))
                .sorted(Comparator.comparing(StoredUser::id))
                .forEach(last -> all.add(new UserChange(inactive(last.user()), UserChange.Kind.DEACTIVATED,
                        last.revision() + 1)));
        return all;
    }

    private static SalesforceUser inactive(SalesforceUser u) {
        return new SalesforceUser(u.id(), u.username(), u.firstName(), u.lastName(), u.name(), u.email(), false,
                u.federationId(), u.timeZone());
    }
}
