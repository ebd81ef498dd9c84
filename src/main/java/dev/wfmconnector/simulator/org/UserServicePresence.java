package dev.wfmconnector.simulator.org;

import java.time.Duration;
import java.time.Instant;

/**
 * One row of an agent's Omni-Channel presence history. An open row has no {@code statusEndDate};
 * {@code StatusDuration} (whole seconds) exists only once it ended, as in Salesforce.
 */
public record UserServicePresence(String id, String userId, String servicePresenceStatusId, Instant statusStartDate,
                                  Instant statusEndDate, boolean currentState, boolean away,
                                  Integer configuredCapacity, Audit audit) implements SObjectRecord {

    public Integer statusDuration() {
        return statusEndDate == null ? null
                : (int) Duration.between(statusStartDate, statusEndDate).toSeconds();
    }

    /** This row ended at {@code end}: no longer the current state. */
    public UserServicePresence closedAt(Instant end) {
        return new UserServicePresence(id, userId, servicePresenceStatusId, statusStartDate, end, false, away,
                configuredCapacity, audit.modified(end, userId));
    }
}
