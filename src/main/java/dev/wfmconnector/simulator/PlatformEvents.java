package dev.wfmconnector.simulator;

import java.util.Map;

/**
 * Where the simulated org publishes platform events (implemented by the Pub/Sub API server).
 * {@code fields} are the event's own fields by API name, e.g. {@code UserId__c}, {@code StatusName__c},
 * {@code StatusStartDate__c} (an {@link java.time.Instant} or epoch millis); {@code CreatedDate} and
 * {@code CreatedById} are filled in by the server when absent.
 */
public interface PlatformEvents {
    /** Publishes one event on a topic such as {@code /event/WFM_Agent_State__e}; returns its opaque replay id. */
    byte[] publish(String topic, Map<String, Object> fields);
}
