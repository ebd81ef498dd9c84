package dev.wfmconnector.historical;

import dev.wfmconnector.output.RecordKeys;
import dev.wfmconnector.output.RecordType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@code queue-interval} record: the contacts that arrived in a queue in one interval (interval of arrival) and
 * how they ended against the thresholds (Teleopti queue statistics). Seconds are sums (or maxima) of milliseconds
 * rounded half-up at the end. The derived figures are computed from the published counts and seconds, unrounded,
 * and null when their denominator is 0.
 */
public record QueueIntervalRecord(
        String queueId,
        String queueName,
        Instant intervalStart,
        int intervalMinutes,
        long offered,
        long answered,
        long abandoned,
        long shortAbandoned,
        long answeredWithinThreshold,
        long abandonedWithinThreshold,
        long queuedAnsweredSeconds,
        long queuedAbandonedSeconds,
        long longestQueuedAnsweredSeconds,
        long longestQueuedAbandonedSeconds,
        long talkSeconds,
        long wrapUpSeconds) implements IntervalRecord {

    /** The record published again with zeros (derived figures null) when an interval no longer has contacts. */
    public static QueueIntervalRecord zero(String queueId, String queueName, Instant intervalStart, int intervalMinutes) {
        return new QueueIntervalRecord(queueId, queueName, intervalStart, intervalMinutes,
                0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /** {@code 100 · answeredWithinThreshold / (offered − shortAbandoned)}. */
    public Double serviceLevelPercent() {
        return ratio(100.0 * answeredWithinThreshold, offered - shortAbandoned);
    }

    /** {@code 100 · (abandoned − shortAbandoned) / (offered − shortAbandoned)}. */
    public Double abandonRatePercent() {
        return ratio(100.0 * (abandoned - shortAbandoned), offered - shortAbandoned);
    }

    /** {@code queuedAnsweredSeconds / answered}. */
    public Double averageSpeedOfAnswerSeconds() {
        return ratio(queuedAnsweredSeconds, answered);
    }

    /** {@code (talkSeconds + wrapUpSeconds) / answered}. */
    public Double averageHandleSeconds() {
        return ratio(talkSeconds + wrapUpSeconds, answered);
    }

    private static Double ratio(double numerator, long denominator) {
        return denominator == 0 ? null : numerator / denominator;
    }

    /** This record with the queue's name (from {@code Group}). */
    public QueueIntervalRecord withQueueName(String name) {
        return new QueueIntervalRecord(queueId, name, intervalStart, intervalMinutes, offered, answered, abandoned,
                shortAbandoned, answeredWithinThreshold, abandonedWithinThreshold, queuedAnsweredSeconds,
                queuedAbandonedSeconds, longestQueuedAnsweredSeconds, longestQueuedAbandonedSeconds, talkSeconds,
                wrapUpSeconds);
    }

    @Override
    public RecordType type() {
        return RecordType.QUEUE_INTERVAL;
    }

    @Override
    public String key(String group) {
        return RecordKeys.queueInterval(group, queueId, intervalStart);
    }

    @Override
    public Map<String, Object> data() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("queueId", queueId);
        data.put("queueName", queueName);
        data.put("intervalStart", intervalStart.toString());
        data.put("intervalMinutes", intervalMinutes);
        data.put("offered", offered);
        data.put("answered", answered);
        data.put("abandoned", abandoned);
        data.put("shortAbandoned", shortAbandoned);
        data.put("answeredWithinThreshold", answeredWithinThreshold);
        data.put("abandonedWithinThreshold", abandonedWithinThreshold);
        data.put("queuedAnsweredSeconds", queuedAnsweredSeconds);
        data.put("queuedAbandonedSeconds", queuedAbandonedSeconds);
        data.put("longestQueuedAnsweredSeconds", longestQueuedAnsweredSeconds);
        data.put("longestQueuedAbandonedSeconds", longestQueuedAbandonedSeconds);
        data.put("talkSeconds", talkSeconds);
        data.put("wrapUpSeconds", wrapUpSeconds);
        data.put("serviceLevelPercent", serviceLevelPercent());
        data.put("abandonRatePercent", abandonRatePercent());
        data.put("averageSpeedOfAnswerSeconds", averageSpeedOfAnswerSeconds());
        data.put("averageHandleSeconds", averageHandleSeconds());
        return data;
    }
}
