package dev.wfmconnector.config;

/** Field names of the realtime platform event ({@code connector.defaults.event-fields.*}). */
public record EventFields(String userId, String status, String since) {
    public static final EventFields DEFAULT = new EventFields("UserId__c", "StatusName__c", "StatusStartDate__c");
}
