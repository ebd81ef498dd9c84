package dev.wfmconnector.historical;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deliberately naive computation of the historical records, written from SPEC §3 alone and sharing no code with
 * the processors: interval boundaries found by scanning the local clock minute by minute, agent time by walking the
 * window millisecond by millisecond, contacts by brute force per (WorkItemId, queue). Its results are maps keyed like
 * {@link #byKey} (agent|interval, queue|interval, agent|queue|interval) holding the expected published {@code data}
 * (names null), so any source of rows (a random generator, the simulator's scenario day) can be checked against the
 * processors' records.
 */
final class NaiveHistoricalComputation {

    /** A presence row as the naive computation reads it ({@code end} null while open; corrupt rows are ignored). */
    record Presence(String id, String user, String label, String apiName, long start, Long end, boolean current,
                    boolean corrupt) {
    }

    /** An AgentWork row as the naive computation reads it (nulls for empty fields; corrupt rows are ignored). */
    record Work(String id, String workItem, String user, String groupId, String queueId, long request, Long accept,
                Long cancel, Integer handle, Integer afterConversation, String status, boolean corrupt) {
        String queue() {
            return groupId != null ? groupId : queueId;
        }
    }

    private final int minutes;
    private final List<Long> grid;
    private final String admin;
    private final String idle;
    private final String notReady;
    private final String ready;
    private final int serviceLevelThreshold;
    private final int shortAbandonThreshold;

    /**
     * The computation for a window {@code [from, to)}, both rounded down to the grid of {@code minutes} in
     * {@code zone}; the four activity lists are as typed on the settings screen; the thresholds T and S in seconds.
     */
    NaiveHistoricalComputation(ZoneId zone, int minutes, Instant from, Instant to, String admin, String idle,
                               String notReady, String ready, int serviceLevelThreshold, int shortAbandonThreshold) {
        this.minutes = minutes;
        this.grid = naiveGrid(zone, minutes, from.toEpochMilli(), to.toEpochMilli());
        this.admin = admin;
        this.idle = idle;
        this.notReady = notReady;
        this.ready = ready;
        this.serviceLevelThreshold = serviceLevelThreshold;
        this.shortAbandonThreshold = shortAbandonThreshold;
    }

    Instant windowStart() {
        return Instant.ofEpochMilli(grid.get(0));
    }

    Instant windowEnd() {
        return Instant.ofEpochMilli(grid.get(grid.size() - 1));
    }

    int intervalCount() {
        return grid.size() - 1;
    }

    /** Instants in [from, to] (rounded out to the grid) whose local time is a multiple of the interval: minute scan. */
    private static List<Long> naiveGrid(ZoneId zone, int minutes, long from, long to) {
        List<Long> grid = new ArrayList<>();
        for (long t = from - 90 * 60_000L; t <= to; t += 60_000) {
            ZonedDateTime local = Instant.ofEpochMilli(t).atZone(zone);
            if ((local.getHour() * 60 + local.getMinute()) % minutes == 0) {
                grid.add(t);
            }
        }
        // the window runs from the last boundary at or before `from` to the last one at or before `to`
        int first = 0;
        for (int i = 0; i < grid.size(); i++) {
            if (grid.get(i) <= from) {
                first = i;
            }
        }
        return new ArrayList<>(grid.subList(first, grid.size()));
    }

    private int naiveInterval(long t) {
        for (int i = 0; i + 1 < grid.size(); i++) {
            if (grid.get(i) <= t && t < grid.get(i + 1)) {
                return i;
            }
        }
        return -1;
    }

    private String naiveCategory(String label, String apiName) {
        if (label != null && label.trim().equalsIgnoreCase("offline")) {
            return "offline";
        }
        String byLabel = label == null ? null : listOf(label);
        if (byLabel != null) {
            return byLabel;
        }
        String byApiName = apiName == null ? null : listOf(apiName);
        return byApiName != null ? byApiName : "unmapped";
    }

    private String listOf(String activity) {
        String name = activity.trim().toLowerCase(Locale.ROOT);
        for (String[] list : new String[][] {{admin, "admin"}, {idle, "idle"}, {notReady, "notReady"}, {ready, "ready"}}) {
            for (String entry : list[0].split(";")) {
                if (!entry.isBlank() && entry.trim().toLowerCase(Locale.ROOT).equals(name)) {
                    return list[1];
                }
            }
        }
        return null;
    }

    /** Timeline order: start, then end (open last), then Id. */
    private static final Comparator<Presence> TIMELINE = Comparator.comparingLong(Presence::start)
            .thenComparingLong(p -> p.end() == null ? Long.MAX_VALUE : p.end()).thenComparing(Presence::id);

    /**
     * Walks every millisecond of the window: at instant t the agent is in the status of the last row (timeline
     * order) that started at or before t, unless that row has ended by t (its own end; an open current row at the
     * as-of time; an open row that is not current and has no later row never was).
     */
    Map<String, Map<String, Object>> agentIntervals(List<Presence> all, Instant asOfInstant) {
        long asOf = asOfInstant.toEpochMilli();
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        Map<String, List<Presence>> byUser = new TreeMap<>();
        all.stream().filter(p -> !p.corrupt()).forEach(p -> byUser.computeIfAbsent(p.user(), u -> new ArrayList<>()).add(p));
        String[] names = {"ready", "notReady", "idle", "admin", "unmapped"};
        for (Map.Entry<String, List<Presence>> user : byUser.entrySet()) {
            List<Presence> rows = user.getValue();
            rows.sort(TIMELINE);
            int[] category = new int[rows.size()];
            long[] ownEnd = new long[rows.size()];
            for (int r = 0; r < rows.size(); r++) {
                Presence row = rows.get(r);
                category[r] = List.of(names).indexOf(naiveCategory(row.label(), row.apiName())); // offline: -1
                ownEnd[r] = row.end() != null ? row.end()
                        : row.current() ? asOf
                        : r + 1 < rows.size() ? Long.MAX_VALUE : Long.MIN_VALUE;
            }
            long[] boundaries = grid.stream().mapToLong(Long::longValue).toArray();
            long[][] millis = new long[boundaries.length - 1][5];
            int active = -1;
            int interval = 0;
            for (long t = boundaries[0]; t < boundaries[boundaries.length - 1]; t++) {
                while (active + 1 < rows.size() && rows.get(active + 1).start() <= t) {
                    active++;
                }
                while (t >= boundaries[interval + 1]) {
                    interval++;
                }
                if (active >= 0 && t < ownEnd[active] && category[active] >= 0) {
                    millis[interval][category[active]]++;
                }
            }
            for (int i = 0; i < millis.length; i++) {
                long total = 0;
                Map<String, Object> data = new LinkedHashMap<>();
                data.put("agentId", user.getKey());
                data.put("agentName", null);
                data.put("intervalStart", Instant.ofEpochMilli(grid.get(i)).toString());
                data.put("intervalMinutes", minutes);
                for (int c = 0; c < 5; c++) {
                    long seconds = Math.round(millis[i][c] / 1000.0);
                    data.put(names[c] + "Seconds", seconds);
                    total += seconds;
                }
                data.put("loggedInSeconds", total);
                if (total > 0) {
                    expected.put(user.getKey() + "|" + data.get("intervalStart"), data);
                }
            }
        }
        return expected;
    }

    long malformed(List<Presence> all) {
        long count = 0;
        for (Presence p : all) {
            if (p.corrupt()) {
                continue;
            }
            boolean later = all.stream().anyMatch(o -> !o.corrupt() && o != p && o.user().equals(p.user())
                    && TIMELINE.compare(o, p) > 0);
            if ((p.end() != null && p.end() < p.start()) || (p.end() == null && !p.current() && !later)) {
                count++;
            }
        }
        return count;
    }

    Map<String, Map<String, Object>> queueIntervals(List<Work> all) {
        List<Work> rows = all.stream().filter(w -> !w.corrupt() && w.queue() != null).toList();
        List<String> contacts = rows.stream().map(w -> w.workItem() + "|" + w.queue()).distinct().toList();
        Map<String, long[]> sums = new TreeMap<>();
        for (String contact : contacts) {
            List<Work> mine = rows.stream().filter(w -> (w.workItem() + "|" + w.queue()).equals(contact)).toList();
            long offeredAt = mine.stream().mapToLong(Work::request).min().orElseThrow();
            int interval = naiveInterval(offeredAt);
            if (interval < 0) {
                continue;
            }
            String queue = mine.get(0).queue();
            long[] m = sums.computeIfAbsent(queue + "|" + Instant.ofEpochMilli(grid.get(interval)), k -> new long[12]);
            m[0]++;
            List<Work> accepted = mine.stream().filter(w -> w.accept() != null).toList();
            if (!accepted.isEmpty()) {
                long wait = Math.max(0, accepted.stream().mapToLong(Work::accept).min().orElseThrow() - offeredAt);
                m[1]++;
                m[6] += wait;
                m[8] = Math.max(m[8], wait);
                if (wait <= serviceLevelThreshold * 1000L) {
                    m[4]++;
                }
                for (Work w : accepted) {
                    long handle = w.handle() == null ? 0 : w.handle() * 1000L;
                    long acw = w.afterConversation() == null ? 0 : w.afterConversation() * 1000L;
                    m[10] += Math.max(0, handle - acw);
                    m[11] += acw;
                }
            } else if (mine.stream().anyMatch(w -> "Canceled".equalsIgnoreCase(w.status()))) {
                long lastCancel = mine.stream().filter(w -> w.cancel() != null).mapToLong(Work::cancel).max().orElse(offeredAt);
                long wait = Math.max(0, lastCancel - offeredAt);
                m[2]++;
                m[7] += wait;
                m[9] = Math.max(m[9], wait);
                if (wait <= shortAbandonThreshold * 1000L) {
                    m[3]++;
                } else if (wait <= serviceLevelThreshold * 1000L) {
                    m[5]++;
                }
            }
        }
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        sums.forEach((key, m) -> {
            String[] parts = key.split("\\|");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("queueId", parts[0]);
            data.put("queueName", null);
            data.put("intervalStart", parts[1]);
            data.put("intervalMinutes", minutes);
            String[] counts = {"offered", "answered", "abandoned", "shortAbandoned", "answeredWithinThreshold",
                "abandonedWithinThreshold"};
            for (int i = 0; i < counts.length; i++) {
                data.put(counts[i], m[i]);
            }
            String[] seconds = {"queuedAnsweredSeconds", "queuedAbandonedSeconds", "longestQueuedAnsweredSeconds",
                "longestQueuedAbandonedSeconds", "talkSeconds", "wrapUpSeconds"};
            long[] rounded = new long[seconds.length];
            for (int i = 0; i < seconds.length; i++) {
                rounded[i] = Math.round(m[6 + i] / 1000.0);
                data.put(seconds[i], rounded[i]);
            }
            long denominator = m[0] - m[3];
            data.put("serviceLevelPercent", denominator == 0 ? null : 100.0 * m[4] / denominator);
            data.put("abandonRatePercent", denominator == 0 ? null : 100.0 * (m[2] - m[3]) / denominator);
            data.put("averageSpeedOfAnswerSeconds", m[1] == 0 ? null : (double) rounded[0] / m[1]);
            data.put("averageHandleSeconds", m[1] == 0 ? null : (double) (rounded[4] + rounded[5]) / m[1]);
            expected.put(parts[0] + "|" + parts[1], data);
        });
        return expected;
    }

    Map<String, Map<String, Object>> agentQueueIntervals(List<Work> all) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Work w : all) {
            if (w.corrupt() || w.queue() == null || w.accept() == null || naiveInterval(w.accept()) < 0) {
                continue;
            }
            String start = Instant.ofEpochMilli(grid.get(naiveInterval(w.accept()))).toString();
            long[] m = sums.computeIfAbsent(w.user() + "|" + w.queue() + "|" + start, k -> new long[4]);
            long handle = w.handle() == null ? 0 : w.handle() * 1000L;
            long acw = w.afterConversation() == null ? 0 : w.afterConversation() * 1000L;
            m[0]++;
            m[1] += Math.max(0, handle - acw);
            m[2] += acw;
            m[3] += "Transferred".equalsIgnoreCase(w.status()) ? 1 : 0;
        }
        Map<String, Map<String, Object>> expected = new TreeMap<>();
        sums.forEach((key, m) -> {
            String[] parts = key.split("\\|");
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("agentId", parts[0]);
            data.put("queueId", parts[1]);
            data.put("intervalStart", parts[2]);
            data.put("intervalMinutes", minutes);
            data.put("answered", m[0]);
            data.put("talkSeconds", Math.round(m[1] / 1000.0));
            data.put("wrapUpSeconds", Math.round(m[2] / 1000.0));
            data.put("transferredOut", m[3]);
            expected.put(key, data);
        });
        return expected;
    }

    static Map<String, Map<String, Object>> byKey(List<? extends IntervalRecord> records) {
        Map<String, Map<String, Object>> byKey = new TreeMap<>();
        for (IntervalRecord r : records) {
            String key;
            if (r instanceof AgentIntervalRecord a) {
                key = a.agentId() + "|" + a.intervalStart();
            } else if (r instanceof QueueIntervalRecord q) {
                key = q.queueId() + "|" + q.intervalStart();
            } else {
                AgentQueueIntervalRecord aq = (AgentQueueIntervalRecord) r;
                key = aq.agentId() + "|" + aq.queueId() + "|" + aq.intervalStart();
            }
            byKey.put(key, r.data());
        }
        return byKey;
    }
}
