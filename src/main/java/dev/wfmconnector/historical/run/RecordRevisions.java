package dev.wfmconnector.historical.run;

import dev.wfmconnector.historical.AgentIntervalRecord;
import dev.wfmconnector.historical.AgentQueueIntervalRecord;
import dev.wfmconnector.historical.IntervalRecord;
import dev.wfmconnector.historical.QueueIntervalRecord;
import dev.wfmconnector.output.RecordType;
import dev.wfmconnector.store.EmittedRecord;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides which interval records a run publishes, by comparing each record's content digest with the digest last
 * published under its key (SPEC §3): a new key is published as revision 1, a changed record as the next revision, an
 * unchanged one not at all. A key published before whose interval lies in the window but that the run no longer
 * computes (its contacts or logged-in time are gone) is published again with zeros, once. The result is in interval
 * order: interval start, then queue, agent and agent-queue records, then key.
 */
public final class RecordRevisions {

    /** A record to publish: its key, the revision it goes out with, and its digest. */
    public record Publication(IntervalRecord record, String key, long revision, String digest) {
    }

    private static final Comparator<Publication> INTERVAL_ORDER = Comparator
            .comparing((Publication p) -> p.record().intervalStart())
            .thenComparing(p -> p.record().type())
            .thenComparing(Publication::key);

    private RecordRevisions() {
    }

    /**
     * @param group      the group, as in the record keys
     * @param computed   the records the run computed for its window
     * @param published  what was published before for the window's intervals, by key
     * @param queueNames queue id → name, for zero records
     * @param agentNames agent id → name, for zero records (null when unknown)
     */
    public static List<Publication> toPublish(String group, List<? extends IntervalRecord> computed,
                                              Map<String, EmittedRecord> published, Map<String, String> queueNames,
                                              Function<String, String> agentNames, int intervalMinutes) {
        List<Publication> publications = new ArrayList<>();
        Set<String> computedKeys = new HashSet<>();
        for (IntervalRecord record : computed) {
            String key = record.key(group);
            computedKeys.add(key);
            consider(record, key, published.get(key), publications);
        }
        for (EmittedRecord before : published.values()) {
            if (!computedKeys.contains(before.key())) {
                IntervalRecord zero = zeroRecord(group, before.key(), queueNames, agentNames, intervalMinutes);
                if (zero != null) {
                    consider(zero, before.key(), before, publications);
                }
            }
        }
        publications.sort(INTERVAL_ORDER);
        return publications;
    }

    private static void consider(IntervalRecord record, String key, EmittedRecord before, List<Publication> into) {
        String digest = record.digest();
        if (before == null) {
            into.add(new Publication(record, key, 1, digest));
        } else if (!before.digest().equals(digest)) {
            into.add(new Publication(record, key, before.revision() + 1, digest));
        }
    }

    /**
     * The zero record of a key ({@code group|type|ids...|intervalStart}), or null for a key that is not an interval
     * record of this group.
     */
    static IntervalRecord zeroRecord(String group, String key, Map<String, String> queueNames,
                                     Function<String, String> agentNames, int intervalMinutes) {
        String prefix = group + "|";
        if (!key.startsWith(prefix)) {
            return null;
        }
        String[] parts = key.substring(prefix.length()).split("\\|");
        RecordType type;
        Instant start;
        try {
            type = RecordType.fromWireName(parts[0]);
            start = Instant.parse(parts[parts.length - 1]);
        } catch (RuntimeException e) {
            return null;
        }
        return switch (type) {
            case QUEUE_INTERVAL -> parts.length == 3
                    ? QueueIntervalRecord.zero(parts[1], queueNames.get(parts[1]), start, intervalMinutes) : null;
            case AGENT_INTERVAL -> parts.length == 3
                    ? AgentIntervalRecord.zero(parts[1], agentNames.apply(parts[1]), start, intervalMinutes) : null;
            case AGENT_QUEUE_INTERVAL -> parts.length == 4
                    ? AgentQueueIntervalRecord.zero(parts[1], parts[2], start, intervalMinutes) : null;
            default -> null;
        };
    }
}
