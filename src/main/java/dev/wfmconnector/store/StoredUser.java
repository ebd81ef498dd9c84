package dev.wfmconnector.store;

import java.time.Instant;

/**
 * A Salesforce user as last published: by the agent sync (agent records) or the user import (user records).
 *
 * @param user      the published fields
 * @param revision  the revision it was published with (1 for the first)
 * @param updatedAt when the store last changed it; null on values not yet saved
 */
public record StoredUser(SalesforceUser user, long revision, Instant updatedAt) {

    /** A user about to be saved after publishing it with {@code revision}. */
    public static StoredUser published(SalesforceUser user, long revision) {
        return new StoredUser(user, revision, null);
    }

    public String id() {
        return user.id();
    }

    /** Whether {@code current} differs from what was published. */
    public boolean changedBy(SalesforceUser current) {
        return !user.digest().equals(current.digest());
    }
}
