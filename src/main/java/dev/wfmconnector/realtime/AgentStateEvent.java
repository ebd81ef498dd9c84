package dev.wfmconnector.realtime;

import dev.wfmconnector.config.EventFields;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericRecord;

/**
 * One agent-state platform event as the realtime integration reads it (SPEC §4): the fields named by
 * {@code connector.defaults.event-fields}, its {@code CreatedDate} and its replay id.
 *
 * @param userId    the {@code UserId__c} value as sent (15 or 18 characters); null when the event has none
 * @param activity  the {@code StatusName__c} value: a presence status label, or {@code Offline} on logout
 * @param since     {@code StatusStartDate__c}; null when the event has none
 * @param createdAt the event's {@code CreatedDate}, or when the connector received it if the event has none
 * @param replayId  the base64 of the event's opaque replay id
 */
public record AgentStateEvent(String userId, String activity, Instant since, Instant createdAt, String replayId) {

    static final String CREATED_DATE = "CreatedDate";

    /**
     * Reads an event deserialized as an Avro record. A field the event's schema lacks reads as null; dates may be
     * epoch milliseconds (Salesforce's DateTime in Avro) or ISO-8601 text. Never throws for odd content: a value
     * that is not a date reads as null.
     */
    public static AgentStateEvent read(GenericRecord event, EventFields fields, String replayId, Instant receivedAt) {
        Instant created = instant(value(event, CREATED_DATE));
        return new AgentStateEvent(text(value(event, fields.userId())), text(value(event, fields.status())),
                instant(value(event, fields.since())), created != null ? created : receivedAt, replayId);
    }

    /** When the agent entered the activity: {@code StatusStartDate__c}, defaulting to the event's CreatedDate. */
    public Instant sinceOrCreated() {
        return since != null ? since : createdAt;
    }

    private static Object value(GenericRecord event, String field) {
        Schema.Field f = event.getSchema().getField(field);
        return f == null ? null : event.get(f.pos());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value.toString().trim();
        return text.isEmpty() ? null : text;
    }

    private static Instant instant(Object value) {
        if (value instanceof Number millis) {
            return Instant.ofEpochMilli(millis.longValue());
        }
        String text = text(value);
        if (text == null) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
