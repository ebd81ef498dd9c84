package dev.wfmconnector.historical;

import java.time.Instant;

/**
 * One {@code UserServicePresence} row: an agent's presence status from its start to its end (open while the status
 * lasts). Datetimes are held in epoch milliseconds, Salesforce's precision, {@link SalesforceDateTime#NONE} when
 * empty, so streaming a page allocates no Instants; {@link #statusStart()} and {@link #statusEnd()} read them as
 * Instants.
 *
 * @param id                Id
 * @param userId            UserId, the agent
 * @param statusLabel       ServicePresenceStatus.MasterLabel (may be null)
 * @param statusApiName     ServicePresenceStatus.DeveloperName (may be null)
 * @param statusStartMillis StatusStartDate
 * @param statusEndMillis   StatusEndDate, {@link SalesforceDateTime#NONE} while open
 * @param currentState      IsCurrentState (null read as false)
 */
public record PresenceRow(
        String id,
        String userId,
        String statusLabel,
        String statusApiName,
        long statusStartMillis,
        long statusEndMillis,
        boolean currentState) {

    /** A row from Instants ({@code statusEnd} null while open). */
    public static PresenceRow of(String id, String userId, String statusLabel, String statusApiName,
                                 Instant statusStart, Instant statusEnd, boolean currentState) {
        return new PresenceRow(id, userId, statusLabel, statusApiName, SalesforceDateTime.millis(statusStart),
                SalesforceDateTime.millis(statusEnd), currentState);
    }

    public Instant statusStart() {
        return SalesforceDateTime.instant(statusStartMillis);
    }

    /** StatusEndDate, null while open. */
    public Instant statusEnd() {
        return SalesforceDateTime.instant(statusEndMillis);
    }
}
