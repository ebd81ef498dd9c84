package dev.wfmconnector.store;

import java.time.Instant;

/**
 * When a contact, a work item in a queue, was first offered.
 *
 * @param workItemId the AgentWork WorkItemId
 * @param queueId    the queue (OriginalGroupId, else OriginalQueueId)
 * @param offeredAt  its earliest RequestDateTime
 */
public record ContactOffer(String workItemId, String queueId, Instant offeredAt) {
}
