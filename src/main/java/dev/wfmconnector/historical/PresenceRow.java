package dev.wfmconnector.historical;

import java.time.Instant;

/**
 * One {@code UserServicePresence} row: an agent's presence status from {@code statusStart} to {@code statusEnd}
 * (null while the status is open).
 *
 * @param id            Id
 * @param userId        UserId, the agent
 * @param statusLabel   ServicePresenceStatus.MasterLabel (may be null)
 * @param statusApiName ServicePresenceStatus.DeveloperName (may be null)
 * @param statusStart   StatusStartDate
 * @param statusEnd     StatusEndDate, null while open
 * @param currentState  IsCurrentState (null read as false)
 */
public record PresenceRow(
        String id,
        String userId,
        String statusLabel,
        String statusApiName,
        Instant statusStart,
        Instant statusEnd,
        boolean currentState) {
}
