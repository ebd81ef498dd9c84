package dev.wfmconnector.output;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.Instant;
import java.util.Map;

/**
 * The JSON envelope of every published record (SPEC §6):
 * {@code {"type", "schemaVersion": 1, "group", "key", "revision", "producedAt", "data": {...}}}.
 * {@code data} keeps its insertion order and writes nulls as {@code null}.
 */
@JsonPropertyOrder({"type", "schemaVersion", "group", "key", "revision", "producedAt", "data"})
public record Envelope(
        @JsonProperty("type") String type,
        @JsonProperty("schemaVersion") int schemaVersion,
        @JsonProperty("group") String group,
        @JsonProperty("key") String key,
        @JsonProperty("revision") long revision,
        @JsonProperty("producedAt") Instant producedAt,
        @JsonProperty("data") Map<String, Object> data) {

    public static final int SCHEMA_VERSION = 1;

    public static Envelope of(RecordType type, String group, String key, long revision, Instant producedAt,
                              Map<String, Object> data) {
        return new Envelope(type.wireName(), SCHEMA_VERSION, group, key, revision, producedAt, data);
    }

    /** Artemis duplicate-detection id and HTTP idempotency input: {@code key|revision}. */
    public String duplicateId() {
        return key + "|" + revision;
    }

    public RecordType recordType() {
        return RecordType.fromWireName(type);
    }
}
