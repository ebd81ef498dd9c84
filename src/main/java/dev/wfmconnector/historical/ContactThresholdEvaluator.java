package dev.wfmconnector.historical;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
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
 * its Status is {@code Transferred} (the queue it left). This is decided per row, not per contact: a row of a
 * contact offered before the window but accepted inside it counts, and a row accepted after the window end is left
 * to the run whose window holds its acceptance. Each run thus computes the agent-queue intervals of its window from
 * the accepted rows it is given. For those records to be complete, and for a later revision not to lose a row an
 * earlier one counted, the AgentWork query must return the rows accepted inside the window as well as those
 * requested inside it, e.g. {@code WHERE (RequestDateTime >= :start AND RequestDateTime < :end) OR (AcceptDateTime
 * >= :start AND AcceptDateTime < :end)}: with RequestDateTime alone, the last run covering an interval would miss
 * the rows requested before its window start and accepted inside it. The extra rows belong to contacts offered
 * before the window, which the queue records leave out.
 * <p>
 * <b>Contacts first offered before the rows read.</b> A contact re-offered long after its first offer (a declined
 * email picked up hours later) may come with no row of its first offer among the rows a later run reads. Its first
 * offer, kept from the run that saw it still unresolved ({@link Result#unresolved}), is handed in with
 * {@link #withEarlierOffers}, so the re-offer is not counted as a new contact.
 * <p>
 * Sums are kept in milliseconds and rounded half-up to whole seconds at the end; longest waits are 0 when nothing
 * was measured. Memory (see {@link RowOrder}): with {@link RowOrder#SORTED} (rows ordered by WorkItemId) only the
 * contacts of the current work item are open, so beyond the outputs memory does not grow with the rows; the order is
 * checked (ascending, by exact or case-insensitive comparison of the ids), and a row that breaks it throws. With
 * {@link RowOrder#ANY} every contact stays open until {@link #finish()}. Not thread-safe; one instance per run.
 */
public final class ContactThresholdEvaluator implements Consumer<AgentWorkRow> {

    private static final long NONE = SalesforceDateTime.NONE;
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
    private static final int QUEUE_MEASURES = 12;
    private static final int AGENT_ANSWERED = 0;
    private static final int AGENT_TALK = 1;
    private static final int AGENT_WRAP_UP = 2;
    private static final int AGENT_TRANSFERRED = 3;
    private static final int AGENT_MEASURES = 4;

    /**
     * What a run's work rows came to.
     *
     * @param queueRecords      queue-interval records (queue names not set yet), by interval, then queue id
     * @param agentQueueRecords agent-queue-interval records, by interval, then agent id, then queue id
     * @param skipped           rows left out, by reason (rows without queue)
     * @param agentIds          every user seen in the rows, for agent sync
     * @param unresolved        contacts offered inside the window and neither answered nor abandoned: to keep, so a
     *                          later run that reads only a re-offer of one knows its first offer
     */
    public record Result(
            List<QueueIntervalRecord> queueRecords,
            List<AgentQueueIntervalRecord> agentQueueRecords,
            SkippedRows skipped,
            Set<String> agentIds,
            List<UnresolvedContact> unresolved) {
    }

    /** A contact (work item in a queue) offered at {@code offeredAt} and not yet answered or abandoned. */
    public record UnresolvedContact(String workItemId, String queueId, Instant offeredAt) {
    }

    /**
     * One agent's measures in one queue, each for every interval in turn: {@link #AGENT_ANSWERED} to
     * {@link #AGENT_TRANSFERRED}. The agent's other queues follow in {@link #next}; an agent that answered nothing
     * yet has one with no queue. Few agents serve many queues, so a short chain is the fewest memory hops.
     */
    private static final class AgentQueue {
        private String queueId;
        private long[] measures;
        private AgentQueue next;

        long[] measuresIn(String queue, int length) {
            for (AgentQueue q = this; ; q = q.next) {
                if (q.queueId == null) {
                    q.queueId = queue;
                    q.measures = new long[length];
                    return q.measures;
                }
                if (q.queueId.equals(queue)) {
                    return q.measures;
                }
                if (q.next == null) {
                    q.next = new AgentQueue();
                }
            }
        }

        SortedMap<String, long[]> byQueue() {
            SortedMap<String, long[]> byQueue = new TreeMap<>();
            for (AgentQueue q = this; q != null && q.queueId != null; q = q.next) {
                byQueue.put(q.queueId, q.measures);
            }
            return byQueue;
        }
    }

    private static final class Contact {
        final String workItemId;
        final String queueId;
        long offeredAt = Long.MAX_VALUE;
        long firstAccept = Long.MAX_VALUE;
        long lastCancel = NONE;
        boolean canceled;
        long talk;
        long wrapUp;

        Contact(String workItemId, String queueId) {
            this.workItemId = workItemId;
            this.queueId = queueId;
        }
    }

    private final RunWindow window;
    private final long threshold;
    private final long shortThreshold;
    private final RowOrder order;
    /** Open contacts: those of the current work item (SORTED), or of every work item (ANY). */
    private final List<Contact> current = new ArrayList<>();
    private final Map<String, List<Contact>> open = new HashMap<>();
    /** Per queue: for each interval in turn, the measures {@link #OFFERED} to {@link #WRAP_UP}. */
    private final Map<String, long[]> queues = new HashMap<>();
    /** Every user seen, with the queues it answered in. */
    private final Map<String, AgentQueue> agents = new HashMap<>();
    private final SkippedRows skipped = new SkippedRows();
    private final List<UnresolvedContact> unresolved = new ArrayList<>();
    /** First offers kept from earlier runs: WorkItemId → queue → epoch milliseconds. */
    private Map<String, Map<String, Long>> earlierOffers = Map.of();
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

    /**
     * The contacts earlier runs left unresolved ({@link Result#unresolved}), kept since: a contact among them was
     * offered when they say, whatever rows of it this run reads. Call before the first row.
     */
    public ContactThresholdEvaluator withEarlierOffers(Collection<UnresolvedContact> offers) {
        Map<String, Map<String, Long>> byWorkItem = new HashMap<>();
        for (UnresolvedContact offer : offers) {
            byWorkItem.computeIfAbsent(offer.workItemId(), k -> new HashMap<>(2))
                    .put(offer.queueId(), offer.offeredAt().toEpochMilli());
        }
        this.earlierOffers = byWorkItem;
        return this;
    }

    @Override
    public void accept(AgentWorkRow row) {
        if (finished) {
            throw new IllegalStateException("rows after finish()");
        }
        AgentQueue agent = agents.computeIfAbsent(row.userId(), userId -> new AgentQueue());
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
        Contact contact = contactOf(row);
        contact.offeredAt = Math.min(contact.offeredAt, row.requestMillis());
        if (row.isAccepted()) {
            contact.firstAccept = Math.min(contact.firstAccept, row.acceptMillis());
            contact.talk += row.talkMillis();
            contact.wrapUp += row.afterConversationMillis();
            countForAgent(agent, row);
        }
        if (row.isCanceled()) {
            contact.canceled = true;
        }
        contact.lastCancel = Math.max(contact.lastCancel, row.cancelMillis());
    }

    /** Evaluates the contacts still open and returns the records, sorted by interval, then ids. */
    public Result finish() {
        if (finished) {
            throw new IllegalStateException("finish() called twice");
        }
        finished = true;
        closeOpenContacts();
        List<List<QueueIntervalRecord>> queueRecords = perInterval();
        new TreeMap<>(queues).forEach((queueId, m) -> {
            for (int i = 0, at = 0; i < window.intervalCount(); i++, at += QUEUE_MEASURES) {
                if (m[at + OFFERED] > 0) {
                    queueRecords.get(i).add(new QueueIntervalRecord(queueId, null, window.intervalStart(i),
                            window.intervalMinutes(), m[at + OFFERED], m[at + ANSWERED], m[at + ABANDONED],
                            m[at + SHORT_ABANDONED], m[at + ANSWERED_WITHIN], m[at + ABANDONED_WITHIN],
                            seconds(m[at + QUEUED_ANSWERED]), seconds(m[at + QUEUED_ABANDONED]),
                            seconds(m[at + LONGEST_ANSWERED]), seconds(m[at + LONGEST_ABANDONED]), seconds(m[at + TALK]),
                            seconds(m[at + WRAP_UP])));
                }
            }
        });
        List<List<AgentQueueIntervalRecord>> agentQueueRecords = perInterval();
        new TreeMap<>(agents).forEach((agentId, agent) -> agent.byQueue().forEach((queueId, m) -> {
            for (int i = 0, at = 0; i < window.intervalCount(); i++, at += AGENT_MEASURES) {
                if (m[at + AGENT_ANSWERED] > 0) {
                    agentQueueRecords.get(i).add(new AgentQueueIntervalRecord(agentId, queueId, window.intervalStart(i),
                            window.intervalMinutes(), m[at + AGENT_ANSWERED], seconds(m[at + AGENT_TALK]),
                            seconds(m[at + AGENT_WRAP_UP]), m[at + AGENT_TRANSFERRED]));
                }
            }
        }));
        return new Result(flatten(queueRecords), flatten(agentQueueRecords), skipped,
                Collections.unmodifiableSortedSet(new TreeSet<>(agents.keySet())), List.copyOf(unresolved));
    }

    private <T> List<List<T>> perInterval() {
        List<List<T>> lists = new ArrayList<>(window.intervalCount());
        for (int i = 0; i < window.intervalCount(); i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static <T> List<T> flatten(List<List<T>> perInterval) {
        return perInterval.stream().flatMap(List::stream).toList();
    }

    private Contact contactOf(AgentWorkRow row) {
        List<Contact> contacts = order == RowOrder.SORTED ? current
                : open.computeIfAbsent(row.workItemId(), workItemId -> new ArrayList<>(2));
        for (Contact contact : contacts) {
            if (contact.queueId.equals(row.queueId())) {
                return contact;
            }
        }
        Contact contact = new Contact(row.workItemId(), row.queueId());
        if (!earlierOffers.isEmpty()) {
            Long firstOffer = earlierOffers.getOrDefault(row.workItemId(), Map.of()).get(row.queueId());
            if (firstOffer != null) {
                contact.offeredAt = firstOffer;
            }
        }
        contacts.add(contact);
        return contact;
    }

    private void countForAgent(AgentQueue agent, AgentWorkRow row) {
        int i = window.indexOf(row.acceptMillis());
        if (i < 0) {
            return;
        }
        long[] m = agent.measuresIn(row.queueId(), window.intervalCount() * AGENT_MEASURES);
        int at = i * AGENT_MEASURES;
        m[at + AGENT_ANSWERED]++;
        m[at + AGENT_TALK] += row.talkMillis();
        m[at + AGENT_WRAP_UP] += row.afterConversationMillis();
        if (row.isTransferred()) {
            m[at + AGENT_TRANSFERRED]++;
        }
    }

    private void closeOpenContacts() {
        for (Contact contact : current) {
            evaluate(contact);
        }
        current.clear();
        if (!open.isEmpty()) {
            for (List<Contact> contacts : open.values()) {
                for (Contact contact : contacts) {
                    evaluate(contact);
                }
            }
            open.clear();
        }
    }

    private void evaluate(Contact contact) {
        int i = window.indexOf(contact.offeredAt);
        if (i < 0) {
            return;
        }
        long[] m = queues.get(contact.queueId);
        if (m == null) {
            m = new long[window.intervalCount() * QUEUE_MEASURES];
            queues.put(contact.queueId, m);
        }
        int at = i * QUEUE_MEASURES;
        m[at + OFFERED]++;
        if (contact.firstAccept != Long.MAX_VALUE) {
            long queueTime = Math.max(0, contact.firstAccept - contact.offeredAt);
            m[at + ANSWERED]++;
            m[at + QUEUED_ANSWERED] += queueTime;
            m[at + LONGEST_ANSWERED] = Math.max(m[at + LONGEST_ANSWERED], queueTime);
            if (queueTime <= threshold) {
                m[at + ANSWERED_WITHIN]++;
            }
            m[at + TALK] += contact.talk;
            m[at + WRAP_UP] += contact.wrapUp;
        } else if (!contact.canceled) {
            unresolved.add(new UnresolvedContact(contact.workItemId, contact.queueId,
                    Instant.ofEpochMilli(contact.offeredAt)));
        } else {
            long queueTime = contact.lastCancel == NONE ? 0 : Math.max(0, contact.lastCancel - contact.offeredAt);
            m[at + ABANDONED]++;
            m[at + QUEUED_ABANDONED] += queueTime;
            m[at + LONGEST_ABANDONED] = Math.max(m[at + LONGEST_ABANDONED], queueTime);
            if (queueTime <= shortThreshold) {
                m[at + SHORT_ABANDONED]++;
            } else if (queueTime <= threshold) {
                m[at + ABANDONED_WITHIN]++;
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
