package dev.wfmconnector.historical;

import dev.wfmconnector.output.RecordKeys;
import dev.wfmconnector.output.RecordType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code agent-queue-interval} record: what an agent handled from one queue, by the interval of acceptance
 * (Teleopti agent-queue statistics: answ_call_cnt, talking_call_dur, wrap_up_dur, transfer_out_call_cnt).
 */
public record AgentQueueIntervalRecord(
        String agentId,
        String queueId,
        Instant intervalStart,
        int intervalMinutes,
        long answered,
        long talkSeconds,
        long wrapUpSeconds,
        long transferredOut) implements IntervalRecord {

    /** The record published again with zeros when an interval that had accepted work no longer has any. */
    public static AgentQueueIntervalRecord zero(String agentId, String queueId, Instant intervalStart,
                                                int intervalMinutes) {
        return new AgentQueueIntervalRecord(agentId, queueId, intervalStart, intervalMinutes, 0, 0, 0, 0);
    }

    @Override
    public RecordType type() {
        return RecordType.AGENT_QUEUE_INTERVAL;
    }

    @Override
    public String key(String group) {
        return RecordKeys.agentQueueInterval(group, agentId, queueId, intervalStart);
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", agentId);
        data.put("queueId", queueId);
        data.put("intervalStart", intervalStart.toString());
        data.put("intervalMinutes", intervalMinutes);
        data.put("answered", answered);
        data.put("talkSeconds", talkSeconds);
        data.put("wrapUpSeconds", wrapUpSeconds);
        data.put("transferredOut", transferredOut);
        return data;
    }
}
