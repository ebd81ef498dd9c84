package dev.wfmconnector.output;

import java.time.Instant;

/** Stable record keys (SPEC §8 Outputs) so downstream systems can upsert. */
public final class RecordKeys {
    private RecordKeys() {
    }

    public static String queueInterval(String group, String queueId, Instant start) {
        return join(group, RecordType.QUEUE_INTERVAL, queueId, start.toString());
    }

    public static String agentInterval(String group, String agentId, Instant start) {
        return join(group, RecordType.AGENT_INTERVAL, agentId, start.toString());
    }

    public static String agentQueueInterval(String group, String agentId, String queueId, Instant start) {
        return join(group, RecordType.AGENT_QUEUE_INTERVAL, agentId, queueId, start.toString());
    }

    public static String agent(String group, String agentId) {
        return join(group, RecordType.AGENT, agentId);
    }

    public static String user(String group, String userId) {
        return join(group, RecordType.USER, userId);
    }

    public static String agentState(String group, String agentId, String replayId) {
        return join(group, RecordType.AGENT_STATE, agentId, replayId);
    }

    private static String join(String group, RecordType type, String... parts) {
        return group + "|" + type.wireName() + "|" + String.join("|", parts);
    }
}
