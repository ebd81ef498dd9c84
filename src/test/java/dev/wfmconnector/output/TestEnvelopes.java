package dev.wfmconnector.output;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** Envelopes for output tests. */
final class TestEnvelopes {
    static final Instant PRODUCED_AT = Instant.parse("2026-11-24T10:17:03.250Z");

    private TestEnvelopes() {
    }

    /** A queue-interval envelope of {@code group} for queue {@code queueId}, interval 10:00Z + {@code n}·15 min. */
    static Envelope queueInterval(String group, String queueId, int n) {
        Instant start = Instant.parse("2026-11-24T10:00:00Z").plusSeconds(900L * n);
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queueId", queueId);
        data.put("queueName", "Chat Support");
        data.put("intervalStart", start);
        data.put("intervalMinutes", 15);
        data.put("offered", 12);
        data.put("serviceLevelPercent", null);
        return Envelope.of(RecordType.QUEUE_INTERVAL, group, RecordKeys.queueInterval(group, queueId, start), 1,
                PRODUCED_AT, data);
    }

    /** An agent envelope of {@code group} for agent {@code agentId}. */
    static Envelope agent(String group, String agentId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", agentId);
        data.put("username", "ada@example.com");
        data.put("active", true);
        return Envelope.of(RecordType.AGENT, group, RecordKeys.agent(group, agentId), 2, PRODUCED_AT, data);
    }
}
