package dev.wfmconnector.historical;

import java.time.Instant;

/**
 * One {@code AgentWork} row: a work item routed from a queue to an agent. Datetimes are null when Salesforce left them
 * empty; HandleTime and AfterConversationActualTime (whole seconds in Salesforce) are held in milliseconds, 0 when
 * null or not queried.
 *
 * @param id                              Id
 * @param workItemId                      WorkItemId (the case, chat, messaging session...)
 * @param userId                          UserId, the agent
 * @param queueId                         OriginalGroupId, else OriginalQueueId; null for direct routing
 * @param serviceChannelId                ServiceChannelId
 * @param requestDateTime                 RequestDateTime
 * @param acceptDateTime                  AcceptDateTime
 * @param cancelDateTime                  CancelDateTime
 * @param closeDateTime                   CloseDateTime
 * @param handleTimeMillis                HandleTime
 * @param afterConversationMillis         AfterConversationActualTime
 * @param status                          Status (Assigned, Opened, Closed, Declined, Canceled, Transferred, ...)
 */
public record AgentWorkRow(
        String id,
        String workItemId,
        String userId,
        String queueId,
        String serviceChannelId,
        Instant requestDateTime,
        Instant acceptDateTime,
        Instant cancelDateTime,
        Instant closeDateTime,
        long handleTimeMillis,
        long afterConversationMillis,
        String status) {

    public boolean isCanceled() {
        return "Canceled".equalsIgnoreCase(status);
    }

    public boolean isTransferred() {
        return "Transferred".equalsIgnoreCase(status);
    }

    /** Talk time: {@code max(0, HandleTime − AfterConversationActualTime)}. */
    public long talkMillis() {
        return Math.max(0, handleTimeMillis - afterConversationMillis);
    }
}
