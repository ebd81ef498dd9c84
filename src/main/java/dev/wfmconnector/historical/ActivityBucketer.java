package dev.wfmconnector.historical;

import java.time.Instant;
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
 * Activity bucketing (SPEC §3): turns a run's {@code UserServicePresence} rows into {@code agent-interval} records.
 * <ul>
 *   <li>A user's rows are taken in order of StatusStartDate (rows starting together: by StatusEndDate, an open end
 *       last, then Id). A row ends at {@code min(StatusEndDate, next row's start)}; an open row that is the current
 *       state ends at the run's as-of time (or the next row's start if earlier); an open row that is not current
 *       ends at the next row's start, and with no later row it is malformed: it counts nothing and is counted in
 *       {@link Result#skipped()}, as is a row ending before it starts.</li>
 *   <li>Each piece of time is cut exactly at interval boundaries; only the part inside the run window counts. Its
 *       activity decides the category ({@link ActivityCategories}: label or API name, case-insensitive, the label
 *       decides); {@code Offline} time is not logged-in time and counts nothing.</li>
 *   <li>Milliseconds are summed per agent, interval and category and rounded half-up to seconds at the end; a record
 *       exists for an agent and interval whose published logged-in seconds are above 0.</li>
 * </ul>
 * Memory (see {@link RowOrder}): with {@link RowOrder#SORTED} a user's rows are kept only until the rows of another
 * user begin; then all but the user's last row are bucketed and dropped, and that last row waits (one per user) for
 * a later row of the same user or {@link #finish()}. Beyond the outputs (per agent, 5 sums per interval of the
 * window) memory is therefore one user's rows plus one row per user, however many rows the window has; cut long
 * windows with {@link RunWindow#chunks} to bound the outputs. Rows of a user may also come back later, as when a
 * query orders by StatusStartDate alone, as long as they do not start before that user's waiting row; an earlier one
 * would change a row already bucketed, so it throws. With {@link RowOrder#ANY} every row is kept until
 * {@link #finish()}. Not thread-safe; one instance per run (or backfill chunk).
 */
public final class ActivityBucketer implements Consumer<PresenceRow> {

    private static final long NONE = SalesforceDateTime.NONE;
    private static final int OFFLINE = -1;
    private static final Category[] PUBLISHED = {
        Category.READY, Category.NOT_READY, Category.IDLE, Category.ADMIN, Category.UNMAPPED};
    /** A user's timeline order: start, then end (an open end last), then Id. */
    private static final Comparator<Row> TIMELINE = (a, b) -> {
        int byStart = Long.compare(a.start, b.start);
        if (byStart != 0) {
            return byStart;
        }
        int byEnd = Long.compare(a.end == NONE ? Long.MAX_VALUE : a.end, b.end == NONE ? Long.MAX_VALUE : b.end);
        return byEnd != 0 ? byEnd : a.id.compareTo(b.id);
    };

    /**
     * What a run's presence rows came to.
     *
     * @param records          agent-interval records (agent names not set yet), by interval, then agent id
     * @param skipped          malformed rows, by reason
     * @param agentIds         every user seen in the rows, for agent sync
     * @param presenceStatuses the presence statuses seen, label to API name, for the realtime categorisation
     */
    public record Result(
            List<AgentIntervalRecord> records,
            SkippedRows skipped,
            Set<String> agentIds,
            Map<String, String> presenceStatuses) {
    }

    private record Row(long start, long end, int category, boolean current, String id) {
    }

    private record Status(String label, String apiName) {
    }

    private final class Agent {
        final String id;
        /** For each interval in turn, the milliseconds of each {@link #PUBLISHED} category. */
        final long[] millis = new long[window.intervalCount() * PUBLISHED.length];
        /** Rows held: of the current group (SORTED), or all of them (ANY). */
        List<Row> rows = new ArrayList<>();
        boolean rowsInOrder = true;
        Row last;

        Agent(String id) {
            this.id = id;
        }
    }

    private final RunWindow window;
    private final ActivityCategories categories;
    private final long asOf;
    private final RowOrder order;
    private final Map<String, Agent> agents = new HashMap<>();
    private final Map<Status, Integer> categoryCache = new HashMap<>();
    private final Map<String, String> presenceStatuses = new LinkedHashMap<>();
    private final SkippedRows skipped = new SkippedRows();
    private Agent current;
    private boolean finished;

    /**
     * @param window     the run window; only time inside it counts
     * @param categories the integration's activity lists
     * @param asOf       the run's as-of time, where an open current status ends (the time the rows were read)
     * @param order      how the rows arrive
     */
    public ActivityBucketer(RunWindow window, ActivityCategories categories, Instant asOf, RowOrder order) {
        this.window = window;
        this.categories = categories;
        this.asOf = asOf.toEpochMilli();
        this.order = order;
    }

    @Override
    public void accept(PresenceRow presence) {
        if (finished) {
            throw new IllegalStateException("rows after finish()");
        }
        Row row = new Row(presence.statusStartMillis(), presence.statusEndMillis(),
                categoryIndex(presence.statusLabel(), presence.statusApiName()), presence.currentState(),
                presence.id());
        if (current == null || !current.id.equals(presence.userId())) {
            if (order == RowOrder.SORTED && current != null) {
                release(current);
            }
            current = agents.computeIfAbsent(presence.userId(), Agent::new);
        }
        if (order == RowOrder.SORTED && current.last != null && row.start < current.last.start) {
            throw new IllegalStateException("UserServicePresence rows of user " + current.id + " are out of order: "
                    + "a row starting " + Instant.ofEpochMilli(row.start) + " came after rows up to "
                    + Instant.ofEpochMilli(current.last.start) + " were bucketed; order the query by UserId, "
                    + "StatusStartDate or bucket with RowOrder.ANY");
        }
        List<Row> rows = current.rows;
        if (!rows.isEmpty() && TIMELINE.compare(rows.get(rows.size() - 1), row) > 0) {
            current.rowsInOrder = false;
        }
        rows.add(row);
    }

    /** Buckets the rows still held and returns the records, sorted by interval, then agent id. */
    public Result finish() {
        if (finished) {
            throw new IllegalStateException("finish() called twice");
        }
        finished = true;
        List<Agent> byId = new ArrayList<>(agents.values());
        byId.sort(Comparator.comparing(agent -> agent.id));
        for (Agent agent : byId) {
            release(agent);
            if (agent.last != null) {
                bucket(agent, agent.last, NONE);
                agent.last = null;
            }
        }
        List<AgentIntervalRecord> records = new ArrayList<>();
        for (int i = 0; i < window.intervalCount(); i++) {
            for (Agent agent : byId) {
                long[] m = agent.millis;
                int at = i * PUBLISHED.length;
                AgentIntervalRecord record = new AgentIntervalRecord(agent.id, null, window.intervalStart(i),
                        window.intervalMinutes(), seconds(m[at]), seconds(m[at + 1]), seconds(m[at + 2]),
                        seconds(m[at + 3]), seconds(m[at + 4]));
                if (record.loggedInSeconds() > 0) {
                    records.add(record);
                }
            }
        }
        return new Result(List.copyOf(records), skipped, new TreeSet<>(agents.keySet()), presenceStatuses);
    }

    /** Buckets every held row of {@code agent} but the last by timeline, which waits for a later row or finish. */
    private void release(Agent agent) {
        if (agent.rows.isEmpty()) {
            return;
        }
        if (agent.last != null) {
            agent.rows.add(0, agent.last);
            agent.rowsInOrder &= TIMELINE.compare(agent.last, agent.rows.get(1)) <= 0;
        }
        if (!agent.rowsInOrder) {
            agent.rows.sort(TIMELINE);
        }
        for (int i = 0; i < agent.rows.size() - 1; i++) {
            bucket(agent, agent.rows.get(i), agent.rows.get(i + 1).start);
        }
        agent.last = agent.rows.get(agent.rows.size() - 1);
        agent.rows = new ArrayList<>();
        agent.rowsInOrder = true;
    }

    /** Adds the time of {@code row}, which the next row of its user starts at {@code nextStart} (or NONE). */
    private void bucket(Agent agent, Row row, long nextStart) {
        long end;
        if (row.end != NONE) {
            if (row.end < row.start) {
                skipped.count("presence row ending before it starts");
                return;
            }
            end = nextStart == NONE ? row.end : Math.min(row.end, nextStart);
        } else if (row.current) {
            end = nextStart == NONE ? asOf : Math.min(asOf, nextStart);
        } else if (nextStart != NONE) {
            end = nextStart;
        } else {
            skipped.count("presence row without end, not current, with no later row");
            return;
        }
        long from = Math.max(row.start, window.startMillis());
        long to = Math.min(end, window.endMillis());
        if (row.category == OFFLINE || from >= to) {
            return;
        }
        int i = window.indexOf(from);
        while (from < to) {
            long boundary = window.boundaryMillis(i + 1);
            long pieceEnd = Math.min(to, boundary);
            agent.millis[i * PUBLISHED.length + row.category] += pieceEnd - from;
            from = pieceEnd;
            i++;
        }
    }

    private int categoryIndex(String label, String apiName) {
        return categoryCache.computeIfAbsent(new Status(label, apiName), s -> {
            if (label != null) {
                presenceStatuses.putIfAbsent(label, apiName);
            }
            Category category = categories.categoryOf(label, apiName);
            for (int i = 0; i < PUBLISHED.length; i++) {
                if (PUBLISHED[i] == category) {
                    return i;
                }
            }
            return OFFLINE;
        });
    }

    private static long seconds(long millis) {
        return (millis + 500) / 1000;
    }
}
