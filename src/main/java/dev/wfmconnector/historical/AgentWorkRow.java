package dev.wfmconnector.historical;

import java.time.Instant;

/**
 * One {@code AgentWork} row, as far as the contact evaluation needs it: a work item routed from a queue to an agent.
 * Datetimes are held in epoch milliseconds, {@link SalesforceDateTime#NONE} when Salesforce left them empty (the
 * {@code ...DateTime()} methods read them as Instants, null when empty); HandleTime and AfterConversationActualTime
 * (whole seconds in Salesforce) are held in milliseconds, 0 when null or not queried.
 *
 * @param workItemId              WorkItemId (the case, chat, messaging session...)
 * @param userId                  UserId, the agent
 * @param queueId                 OriginalGroupId, else OriginalQueueId; null for direct routing
 * @param requestMillis           RequestDateTime
 * @param acceptMillis            AcceptDateTime
 * @param cancelMillis            CancelDateTime
 * @param handleTimeMillis        HandleTime
 * @param afterConversationMillis AfterConversationActualTime
 * @param status                  Status (Assigned, Opened, Closed, Declined, Canceled, Transferred, ...)
 */
public record AgentWorkRow(
        String workItemId,
        String userId,
        String queueId,
        long requestMillis,
        long acceptMillis,
        long cancelMillis,
        long handleTimeMillis,
        long afterConversationMillis,
        String status) {

    /** A row from Instants (null when empty). */
    public static AgentWorkRow of(String workItemId, String userId, String queueId, Instant requestDateTime,
                                  Instant acceptDateTime, Instant cancelDateTime, long handleTimeMillis,
                                  long afterConversationMillis, String status) {
        return new AgentWorkRow(workItemId, userId, queueId, SalesforceDateTime.millis(requestDateTime),
                SalesforceDateTime.millis(acceptDateTime), SalesforceDateTime.millis(cancelDateTime), handleTimeMillis,
                afterConversationMillis, status);
    }

    public Instant requestDateTime() {
        return SalesforceDateTime.instant(requestMillis);
    }

    public Instant acceptDateTime() {
        return SalesforceDateTime.instant(acceptMillis);
    }

    public Instant cancelDateTime() {
        return SalesforceDateTime.instant(cancelMillis);
    }

    /** Whether an agent accepted the work (AcceptDateTime set). */
    public boolean isAccepted() {
        return acceptMillis != SalesforceDateTime.NONE;
    }

    /** Status {@code Canceled} (case-insensitive). */
    public boolean isCanceled() {
        return statusIs("Canceled");
    }

    /** Status {@code Transferred} (case-insensitive). */
    public boolean isTransferred() {
        return statusIs("Transferred");
    }

    private boolean statusIs(String value) {
        return status != null && status.length() == value.length()
                && Character.toUpperCase(status.charAt(0)) == value.charAt(0) && status.equalsIgnoreCase(value);
    }

    /** Talk time: {@code max(0, HandleTime − AfterConversationActualTime)}. */
    public long talkMillis() {
        return Math.max(0, handleTimeMillis - afterConversationMillis);
    }
}
