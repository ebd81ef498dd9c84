package dev.wfmconnector.historical;

import dev.wfmconnector.output.RecordType;
import java.time.Instant;
import java.util.Map;

/**
 * A computed interval record (queue, agent, or agent and queue): its published {@code data} in the field order of
 * SPEC §6 (identity first, then measures) and the content digest that decides whether a re-computed record changed.
 */
public sealed interface IntervalRecord permits QueueIntervalRecord, AgentIntervalRecord, AgentQueueIntervalRecord {

    RecordType type();

    Instant intervalStart();

    int intervalMinutes();

    /** The record key of {@link dev.wfmconnector.output.RecordKeys} in {@code group}. */
    String key(String group);

    /** The envelope's {@code data}: insertion-ordered, intervalStart as {@code Instant.toString()}, nulls kept. */
    Map<String, Object> data();

    /** {@link ContentDigest} of {@link #data()}. */
    default String digest() {
        return ContentDigest.of(data());
    }
}
