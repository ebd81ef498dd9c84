package dev.wfmconnector.historical;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Threshold evaluation (SPEC §3): turns a run's {@code AgentWork} rows into {@code queue-interval} and
 * {@code agent-queue-interval} records.
 * <p>
 * <b>Queues.</b> A contact is a distinct (WorkItemId, queue) pair, the queue being OriginalGroupId else
 * OriginalQueueId (a transfer to another queue is a new contact there); rows without a queue (direct routing) are
 * skipped and counted. {@code offeredAt} is the earliest RequestDateTime of its rows, and the contact belongs to the
 * interval of {@code offeredAt}; only contacts offered inside the run window are emitted. A contact is answered when
 * a row has an AcceptDateTime (queue time: earliest AcceptDateTime − offeredAt), abandoned when not answered and a
 * row has Status {@code Canceled} (queue time: latest CancelDateTime − offeredAt, 0 when no row has one), otherwise
 * unresolved (still waiting, or declined and gone): offered only, so it stays in the service-level denominator.
 * Queue times below 0 (clock skew) count as 0. With T and S the two thresholds, compared in milliseconds and
 * inclusive: answered within threshold when queue time ≤ T, short abandoned when ≤ S, abandoned within threshold
 * when S &lt; queue time ≤ T. Talk ({@code max(0, HandleTime − AfterConversationActualTime)}) and wrap-up
 * (AfterConversationActualTime) sum the contact's accepted rows into the interval of arrival.
 * <p>
 * <b>Agents per queue.</b> Every accepted row counts for its agent in its queue, in the interval of its own
 * AcceptDateTime, when that lies inside the run window: answered 1, its talk and wrap-up, and transferredOut 1 when
 * its Status is {@code Transferred} (the queue it left). This is decided per row, whether or not its contact was
 * offered inside the window: a row offered before the window and accepted inside it still counts, and a row
 * accepted after the window end counts in the run whose window holds its acceptance. Every run therefore computes
 * an agent-queue interval from all the rows accepted in it that it was given, and a later run never removes a row
 * an earlier one counted. For that to be complete the AgentWork query must also return rows accepted inside the
 * window, e.g. {@code WHERE (RequestDateTime >= :start AND RequestDateTime < :end) OR (AcceptDateTime >= :start AND
 * AcceptDateTime < :end)}; the extra rows are contacts offered before the window, which the queue records ignore.
 * <p>
 * Sums are kept in milliseconds and rounded half-up to whole seconds at the end; longest waits are 0 when nothing
 * was measured. Memory (see {@link RowOrder}): with {@link RowOrder#SORTED} (rows ordered by WorkItemId) only the
 * contacts of the current work item are open, so beyond the outputs memory does not grow with the rows; the order is
 * checked (ascending, by exact or case-insensitive comparison of the ids), and a row that breaks it throws. With
 * {@link RowOrder#ANY} every contact stays open until {@link #finish()}. Not thread-safe; one instance per run.
 */
public final class ContactThresholdEvaluator implements Consumer<AgentWorkRow> {

    private static final long NONE = Long.MIN_VALUE;
    private static final int OFFERED = 0;
    private static final int ANSWERED = 1;
    private static final int ABANDONED = 2;
    private static final int SHORT_ABANDONED = 3;
    private static final int ANSWERED_WITHIN = 4;
    private static final int ABANDONED_WITHIN = 5;
    private static final int QUEUED_ANSWERED = 6;
    private static final int QUEUED_ABANDONED = 7;
    private static final int LONGEST_ANSWERED = 8;
    private static final int LONGEST_ABANDONED = 9;
    private static final int TALK = 10;
    private static final int WRAP_UP = 11;
    private static final int AGENT_ANSWERED = 0;
    private static final int AGENT_TALK = 1;
    private static final int AGENT_WRAP_UP = 2;
    private static final int AGENT_TRANSFERRED = 3;

    /** What a run's work rows came to. */
    public record Result(
            List<QueueIntervalRecord> queueRecords,
            List<AgentQueueIntervalRecord> agentQueueRecords,
            SkippedRows skipped,
            Set<String> agentIds) {
    }

    private record ContactKey(String workItemId, String queueId) {
    }

    private record AgentQueue(String agentId, String queueId) {
    }

    private static final class Contact {
        long offeredAt = Long.MAX_VALUE;
        long firstAccept = Long.MAX_VALUE;
        long lastCancel = NONE;
        boolean canceled;
        long talk;
        long wrapUp;
    }

    private final RunWindow window;
    private final long threshold;
    private final long shortThreshold;
    private final RowOrder order;
    private final Map<ContactKey, Contact> open = new LinkedHashMap<>();
    private final Map<String, long[][]> queues = new HashMap<>();
    private final Map<AgentQueue, long[][]> agentQueues = new HashMap<>();
    private final Set<String> agentIds = new TreeSet<>();
    private final SkippedRows skipped = new SkippedRows();
    private String workItem;
    private boolean ascending = true;
    private boolean ascendingIgnoringCase = true;
    private boolean finished;

    /**
     * @param window                                the run window
     * @param serviceLevelThresholdSeconds          T, [Service level and abandonment threshold]
     * @param abandonedShortContactThresholdSeconds S, [Abandoned short contact threshold]
     * @param order                                 how the rows arrive
     */
    public ContactThresholdEvaluator(RunWindow window, int serviceLevelThresholdSeconds,
                                     int abandonedShortContactThresholdSeconds, RowOrder order) {
        this.window = window;
        this.threshold = serviceLevelThresholdSeconds * 1000L;
        this.shortThreshold = abandonedShortContactThresholdSeconds * 1000L;
        this.order = order;
    }

    @Override
    public void accept(AgentWorkRow row) {
        if (finished) {
            throw new IllegalStateException("rows after finish()");
        }
        agentIds.add(row.userId());
        if (row.queueId() == null) {
            skipped.count("AgentWork row without queue (direct routing)");
            return;
        }
        if (order == RowOrder.SORTED && !row.workItemId().equals(workItem)) {
            if (workItem != null) {
                checkOrder(workItem, row.workItemId());
                closeOpenContacts();
            }
            workItem = row.workItemId();
        }
        Contact contact = open.computeIfAbsent(new ContactKey(row.workItemId(), row.queueId()), k -> new Contact());
        contact.offeredAt = Math.min(contact.offeredAt, row.requestDateTime().toEpochMilli());
        if (row.acceptDateTime() != null) {
            contact.firstAccept = Math.min(contact.firstAccept, row.acceptDateTime().toEpochMilli());
            contact.talk += row.talkMillis();
            contact.wrapUp += row.afterConversationMillis();
            countForAgent(row);
        }
        if (row.isCanceled()) {
            contact.canceled = true;
        }
        if (row.cancelDateTime() != null) {
            contact.lastCancel = Math.max(contact.lastCancel, row.cancelDateTime().toEpochMilli());
        }
    }

    /** Evaluates the contacts still open and returns the records, sorted by interval, then ids. */
    public Result finish() {
        if (finished) {
            throw new IllegalStateException("finish() called twice");
        }
        finished = true;
        closeOpenContacts();
        List<QueueIntervalRecord> queueRecords = new ArrayList<>();
        queues.forEach((queueId, intervals) -> {
            for (int i = 0; i < intervals.length; i++) {
                long[] m = intervals[i];
                if (m != null) {
                    queueRecords.add(new QueueIntervalRecord(queueId, null, window.intervalStart(i),
                            window.intervalMinutes(), m[OFFERED], m[ANSWERED], m[ABANDONED], m[SHORT_ABANDONED],
                            m[ANSWERED_WITHIN], m[ABANDONED_WITHIN], seconds(m[QUEUED_ANSWERED]),
                            seconds(m[QUEUED_ABANDONED]), seconds(m[LONGEST_ANSWERED]), seconds(m[LONGEST_ABANDONED]),
                            seconds(m[TALK]), seconds(m[WRAP_UP])));
                }
            }
        });
        List<AgentQueueIntervalRecord> agentQueueRecords = new ArrayList<>();
        agentQueues.forEach((key, intervals) -> {
            for (int i = 0; i < intervals.length; i++) {
                long[] m = intervals[i];
                if (m != null) {
                    agentQueueRecords.add(new AgentQueueIntervalRecord(key.agentId(), key.queueId(),
                            window.intervalStart(i), window.intervalMinutes(), m[AGENT_ANSWERED],
                            seconds(m[AGENT_TALK]), seconds(m[AGENT_WRAP_UP]), m[AGENT_TRANSFERRED]));
                }
            }
        });
        queueRecords.sort(Comparator.comparing(QueueIntervalRecord::intervalStart)
                .thenComparing(QueueIntervalRecord::queueId));
        agentQueueRecords.sort(Comparator.comparing(AgentQueueIntervalRecord::intervalStart)
                .thenComparing(AgentQueueIntervalRecord::agentId).thenComparing(AgentQueueIntervalRecord::queueId));
        return new Result(List.copyOf(queueRecords), List.copyOf(agentQueueRecords), skipped, agentIds);
    }

    private void countForAgent(AgentWorkRow row) {
        int i = window.indexOf(row.acceptDateTime().toEpochMilli());
        if (i < 0) {
            return;
        }
        long[][] intervals = agentQueues.computeIfAbsent(new AgentQueue(row.userId(), row.queueId()),
                k -> new long[window.intervalCount()][]);
        long[] m = intervals[i];
        if (m == null) {
            m = new long[4];
            intervals[i] = m;
        }
        m[AGENT_ANSWERED]++;
        m[AGENT_TALK] += row.talkMillis();
        m[AGENT_WRAP_UP] += row.afterConversationMillis();
        if (row.isTransferred()) {
            m[AGENT_TRANSFERRED]++;
        }
    }

    private void closeOpenContacts() {
        open.forEach(this::evaluate);
        open.clear();
    }

    private void evaluate(ContactKey key, Contact contact) {
        int i = window.indexOf(contact.offeredAt);
        if (i < 0) {
            return;
        }
        long[][] intervals = queues.computeIfAbsent(key.queueId(), k -> new long[window.intervalCount()][]);
        long[] m = intervals[i];
        if (m == null) {
            m = new long[12];
            intervals[i] = m;
        }
        m[OFFERED]++;
        if (contact.firstAccept != Long.MAX_VALUE) {
            long queueTime = Math.max(0, contact.firstAccept - contact.offeredAt);
            m[ANSWERED]++;
            m[QUEUED_ANSWERED] += queueTime;
            m[LONGEST_ANSWERED] = Math.max(m[LONGEST_ANSWERED], queueTime);
            if (queueTime <= threshold) {
                m[ANSWERED_WITHIN]++;
            }
            m[TALK] += contact.talk;
            m[WRAP_UP] += contact.wrapUp;
        } else if (contact.canceled) {
            long queueTime = contact.lastCancel == NONE ? 0 : Math.max(0, contact.lastCancel - contact.offeredAt);
            m[ABANDONED]++;
            m[QUEUED_ABANDONED] += queueTime;
            m[LONGEST_ABANDONED] = Math.max(m[LONGEST_ABANDONED], queueTime);
            if (queueTime <= shortThreshold) {
                m[SHORT_ABANDONED]++;
            } else if (queueTime <= threshold) {
                m[ABANDONED_WITHIN]++;
            }
        }
    }

    /** Rows must come grouped by WorkItemId: ascending by exact or by case-insensitive comparison of the ids. */
    private void checkOrder(String previous, String next) {
        ascending &= previous.compareTo(next) < 0;
        int ignoringCase = previous.compareToIgnoreCase(next);
        ascendingIgnoringCase &= ignoringCase < 0 || (ignoringCase == 0 && previous.compareTo(next) < 0);
        if (!ascending && !ascendingIgnoringCase) {
            throw new IllegalStateException("AgentWork rows are not ordered by WorkItemId (" + next + " came after "
                    + previous + "): order the query by WorkItemId, RequestDateTime or evaluate with RowOrder.ANY");
        }
    }

    private static long seconds(long millis) {
        return (millis + 500) / 1000;
    }
}
