package dev.wfmconnector.historical;

import dev.wfmconnector.output.RecordKeys;
import dev.wfmconnector.output.RecordType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An {@code agent-interval} record: an agent's logged-in time in one interval, by activity category
 * (Teleopti agent log: avail_dur, pause_dur, wait_dur, admin_dur, tot_work_dur). Each category is rounded half-up
 * from milliseconds; {@link #loggedInSeconds()} is the sum of the published categories.
 */
public record AgentIntervalRecord(
        String agentId,
        String agentName,
        Instant intervalStart,
        int intervalMinutes,
        long readySeconds,
        long notReadySeconds,
        long idleSeconds,
        long adminSeconds,
        long unmappedSeconds) implements IntervalRecord {

    /** The record published again with zeros when an interval that had logged-in time no longer has any. */
    public static AgentIntervalRecord zero(String agentId, String agentName, Instant intervalStart, int intervalMinutes) {
        return new AgentIntervalRecord(agentId, agentName, intervalStart, intervalMinutes, 0, 0, 0, 0, 0);
    }

    public long loggedInSeconds() {
        return readySeconds + notReadySeconds + idleSeconds + adminSeconds + unmappedSeconds;
    }

    /** This record with the agent's name (from the agent registry). */
    public AgentIntervalRecord withAgentName(String name) {
        return new AgentIntervalRecord(agentId, name, intervalStart, intervalMinutes, readySeconds, notReadySeconds,
                idleSeconds, adminSeconds, unmappedSeconds);
    }

    @Override
    public RecordType type() {
        return RecordType.AGENT_INTERVAL;
    }

    @Override
    public String key(String group) {
        return RecordKeys.agentInterval(group, agentId, intervalStart);
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", agentId);
        data.put("agentName", agentName);
        data.put("intervalStart", intervalStart.toString());
        data.put("intervalMinutes", intervalMinutes);
        data.put("readySeconds", readySeconds);
        data.put("notReadySeconds", notReadySeconds);
        data.put("idleSeconds", idleSeconds);
        data.put("adminSeconds", adminSeconds);
        data.put("unmappedSeconds", unmappedSeconds);
        data.put("loggedInSeconds", loggedInSeconds());
        return data;
    }
}
