package dev.wfmconnector.simulator.org;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * An Omni-Channel {@code AgentWork} row: one routing of a work item (chat, call, case) from a queue to an agent.
 * Status values as in Salesforce: Assigned, Opened, Closed, Declined, DeclinedOnPushTimeout, Canceled, Transferred.
 * Durations ({@code SpeedToAnswer}, {@code HandleTime}, {@code AfterConversationActualTime}) are whole seconds.
 */
public record AgentWork(String id, String userId, String workItemId, String status, String serviceChannelId,
                        String originalGroupId, Instant requestDateTime, Instant assignedDateTime,
                        Instant acceptDateTime, Instant declineDateTime, String declineReason,
                        Instant cancelDateTime, Instant closeDateTime, Integer speedToAnswer, Integer handleTime,
                        Integer afterConversationActualTime, Double capacityWeight, Integer pushTimeout,
                        Audit audit) implements SObjectRecord {

    public static final String ASSIGNED = "Assigned";
    public static final String OPENED = "Opened";
    public static final String CLOSED = "Closed";
    public static final String DECLINED = "Declined";
    public static final String DECLINED_ON_PUSH_TIMEOUT = "DeclinedOnPushTimeout";
    public static final String CANCELED = "Canceled";
    public static final String TRANSFERRED = "Transferred";

    /** {@code OriginalQueueId}: the deprecated twin of {@code OriginalGroupId}. */
    public String originalQueueId() {
        return originalGroupId;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this row; values that equal their derivation stay derived, so they follow later changes. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.id = id;
        b.userId = userId;
        b.workItemId = workItemId;
        b.serviceChannelId = serviceChannelId;
        b.originalGroupId = originalGroupId;
        b.requested = requestDateTime;
        b.accepted = acceptDateTime;
        b.declined = declineDateTime;
        b.declineReason = declineReason;
        b.canceled = cancelDateTime;
        b.closed = closeDateTime;
        b.assigned = requestDateTime.equals(assignedDateTime) ? null : assignedDateTime;
        b.status = status.equals(b.derivedStatus()) ? null : status;
        b.speedToAnswer = Objects.equals(speedToAnswer, b.derivedSpeedToAnswer()) ? null : speedToAnswer;
        b.handleTime = Objects.equals(handleTime, b.derivedHandleTime()) ? null : handleTime;
        b.afterConversationActualTime = afterConversationActualTime;
        b.capacityWeight = capacityWeight;
        b.pushTimeout = pushTimeout;
        b.audit = audit;
        return b;
    }

    /**
     * Fluent builder for scripted rows. Required: user, queue ({@code OriginalGroupId}) and request time.
     * Derived when not set: {@code AssignedDateTime} (= request), {@code Status} (from the times set: Closed,
     * Canceled, Declined, Opened or Assigned), {@code SpeedToAnswer} (accept − request) and {@code HandleTime}
     * (close − accept). The org fills in the service channel (from the queue's traffic or the first channel)
     * and a new work item id when they are left out.
     */
    public static final class Builder {
        private String id;
        private String userId;
        private String workItemId;
        private String status;
        private String serviceChannelId;
        private String originalGroupId;
        private Instant requested;
        private Instant assigned;
        private Instant accepted;
        private Instant declined;
        private String declineReason;
        private Instant canceled;
        private Instant closed;
        private Integer speedToAnswer;
        private Integer handleTime;
        private Integer afterConversationActualTime;
        private Double capacityWeight;
        private Integer pushTimeout;
        private Audit audit;

        public Builder user(String userId) { this.userId = userId; return this; }
        public Builder workItem(String workItemId) { this.workItemId = workItemId; return this; }
        public Builder status(String status) { this.status = status; return this; }
        public Builder channel(String serviceChannelId) { this.serviceChannelId = serviceChannelId; return this; }
        public Builder queue(String originalGroupId) { this.originalGroupId = originalGroupId; return this; }
        public Builder requested(Instant at) { this.requested = at; return this; }
        public Builder assigned(Instant at) { this.assigned = at; return this; }
        public Builder accepted(Instant at) { this.accepted = at; return this; }
        public Builder canceled(Instant at) { this.canceled = at; return this; }
        public Builder closed(Instant at) { this.closed = at; return this; }
        public Builder speedToAnswer(Integer seconds) { this.speedToAnswer = seconds; return this; }
        public Builder handleTime(Integer seconds) { this.handleTime = seconds; return this; }
        /** {@code AfterConversationActualTime} in seconds (after-contact work). */
        public Builder afterConversationActualTime(Integer seconds) { this.afterConversationActualTime = seconds; return this; }
        public Builder capacityWeight(Double weight) { this.capacityWeight = weight; return this; }
        public Builder pushTimeout(Integer seconds) { this.pushTimeout = seconds; return this; }
        public Builder audit(Audit audit) { this.audit = audit; return this; }

        public Builder declined(Instant at, String reason) {
            this.declined = at;
            this.declineReason = reason;
            return this;
        }

        /** A transfer out at {@code at}: Status {@code Transferred}, closed then. */
        public Builder transferred(Instant at) {
            this.closed = at;
            this.status = TRANSFERRED;
            return this;
        }

        String id() { return id; }
        Builder id(String id) { this.id = id; return this; }
        String userId() { return userId; }
        String workItemId() { return workItemId; }
        String serviceChannelId() { return serviceChannelId; }
        String originalGroupId() { return originalGroupId; }
        Instant requested() { return requested; }
        Audit audit() { return audit; }

        public AgentWork build() {
            if (userId == null || originalGroupId == null || requested == null) {
                throw new IllegalArgumentException("AgentWork needs user, queue and requested time");
            }
            return new AgentWork(id, userId, workItemId, status != null ? status : derivedStatus(), serviceChannelId,
                    originalGroupId, requested, assigned != null ? assigned : requested, accepted, declined,
                    declineReason, canceled, closed, speedToAnswer != null ? speedToAnswer : derivedSpeedToAnswer(),
                    handleTime != null ? handleTime : derivedHandleTime(), afterConversationActualTime,
                    capacityWeight, pushTimeout, audit);
        }

        private String derivedStatus() {
            return closed != null ? CLOSED
                    : canceled != null ? CANCELED
                    : declined != null ? DECLINED
                    : accepted != null ? OPENED
                    : ASSIGNED;
        }

        private Integer derivedSpeedToAnswer() {
            return accepted == null || requested == null ? null
                    : (int) Duration.between(requested, accepted).toSeconds();
        }

        private Integer derivedHandleTime() {
            return accepted == null || closed == null ? null : (int) Duration.between(accepted, closed).toSeconds();
        }
    }
}
