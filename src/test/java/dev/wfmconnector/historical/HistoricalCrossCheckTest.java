package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Independent cross-check: random presence and work rows, written as raw SOQL pages and run through the parsers and
 * processors, must agree for every agent, queue and interval with a deliberately naive computation written here from
 * SPEC §3 alone: interval boundaries found by scanning the local clock minute by minute, agent time by walking the
 * window millisecond by millisecond, contacts by brute force per (WorkItemId, queue). Nothing below calls the
 * processors' code except to produce the records under test.
 */
class HistoricalCrossCheckTest {

    private static final int T = 20;
    private static final int S = 5;
    private static final String[] QUEUES = {"00G000000000001AAA", "00G000000000002AAA", "00G000000000003AAA",
        "00G000000000004AAA"};
    /** Label, API name: every list, unknown activities, case and spaces, label vs API name, Offline. */
    private static final String[][] STATUSES = {
        {"Ready", "Ready"}, {"ready ", "Available"}, {"On Call", "On_Call"}, {"Not Ready", "Not_Ready"},
        {"Training", "Ready"}, {"Idle", "Idle"}, {"Admin", "Admin"}, {"EMAIL", "Email"}, {"Lunch", "Lunch"},
        {"Break", "Admin"}, {null, "idle"}, {null, null}, {"Offline", "Offline"}};
    private static final DateTimeFormatter SALESFORCE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSxx");

    /** The settings screen lists, as configured. */
    private static final String ADMIN = "Admin; Email";
    private static final String IDLE = "Idle";
    private static final String NOT_READY = "Not ready;Training;";
    private static final String READY = " Ready ; On call ;";

    record Presence(String id, String user, String label, String apiName, long start, Long end, boolean current,
                    boolean corrupt) {
    }

    record Work(String id, String workItem, String user, String groupId, String queueId, long request, Long accept,
                Long cancel, Integer handle, Integer afterConversation, String status, boolean corrupt) {
        String queue() {
            return groupId != null ? groupId : queueId;
        }
    }

    @ParameterizedTest(name = "seed {0}: {1} {2} min from {3}")
    @CsvSource({
        "1, UTC,                 15, 2026-11-24T10:00:00Z",
        "2, Asia/Kolkata,        30, 2026-11-24T09:45:00Z",
        "3, Asia/Kolkata,        60, 2026-11-24T09:45:00Z",
        "4, Europe/Berlin,       15, 2026-10-25T00:00:00Z",
        "5, Australia/Lord_Howe, 60, 2026-04-04T13:00:00Z",
        "6, America/New_York,    30, 2026-03-08T06:00:00Z",
        "7, UTC,                 60, 2026-11-24T10:00:00Z",
    })
    void processorsAgreeWithANaiveComputation(long seed, String zoneName, int minutes, Instant from) throws IOException {
        ZoneId zone = ZoneId.of(zoneName);
        Random random = new Random(seed);
        List<Long> grid = naiveGrid(zone, minutes, from.toEpochMilli(), from.toEpochMilli() + 2 * 3_600_000L);
        long windowStart = grid.get(0);
        long windowEnd = grid.get(grid.size() - 1);
        long asOf = seed % 3 == 0 ? windowEnd - 600_000 + random.nextInt(300_000) : windowEnd + 120_000;
        boolean acwQueried = seed % 2 == 1;

        List<Presence> presence = generatePresence(random, windowStart, windowEnd);
        List<Work> work = generateWork(random, windowStart, windowEnd, acwQueried);

        Map<String, Map<String, Object>> expectedAgents = naiveAgentIntervals(presence, grid, asOf, minutes);
        Map<String, Map<String, Object>> expectedQueues = naiveQueueIntervals(work, grid, minutes);
        Map<String, Map<String, Object>> expectedAgentQueues = naiveAgentQueueIntervals(work, grid, minutes);
        assertThat(expectedAgents).as("the generator makes agent time").hasSizeGreaterThan(5);
        assertThat(expectedQueues).as("the generator makes contacts").hasSizeGreaterThan(3);
        assertThat(expectedAgentQueues).as("the generator makes accepted work").hasSizeGreaterThan(5);

        RunWindow window = new Intervals(minutes, zone).window(Instant.ofEpochMilli(windowStart), Instant.ofEpochMilli(windowEnd));
        assertThat(window.intervalCount()).isEqualTo(grid.size() - 1);
        ActivityCategories categories = new ActivityCategories(ActivityCategories.parseList(ADMIN),
                ActivityCategories.parseList(IDLE), ActivityCategories.parseList(NOT_READY), ActivityCategories.parseList(READY));

        for (RowOrder order : RowOrder.values()) {
            List<Presence> presenceRows = new ArrayList<>(presence);
            List<Work> workRows = new ArrayList<>(work);
            if (order == RowOrder.SORTED) {
                presenceRows.sort(Comparator.comparing(Presence::user).thenComparingLong(Presence::start));
                workRows.sort(Comparator.comparing(Work::workItem).thenComparingLong(Work::request));
            } else {
                Collections.shuffle(presenceRows, random);
                Collections.shuffle(workRows, random);
            }
            ActivityBucketer bucketer = new ActivityBucketer(window, categories, Instant.ofEpochMilli(asOf), order);
            long presenceSkipped = feed(new PresencePageParser(), presencePages(presenceRows, random), bucketer);
            ActivityBucketer.Result activity = bucketer.finish();
            ContactThresholdEvaluator evaluator = new ContactThresholdEvaluator(window, T, S, order);
            long workSkipped = feed(new AgentWorkPageParser(), workPages(workRows, random, acwQueried), evaluator);
            ContactThresholdEvaluator.Result contacts = evaluator.finish();

            assertThat(byKey(activity.records())).as("agent intervals, %s rows", order).isEqualTo(expectedAgents);
            assertThat(byKey(contacts.queueRecords())).as("queue intervals, %s rows", order).isEqualTo(expectedQueues);
            assertThat(byKey(contacts.agentQueueRecords())).as("agent-queue intervals, %s rows", order)
                    .isEqualTo(expectedAgentQueues);
            assertThat(presenceSkipped).isEqualTo(presence.stream().filter(Presence::corrupt).count());
            assertThat(activity.skipped().total()).isEqualTo(naiveMalformed(presence, asOf));
            assertThat(workSkipped).isEqualTo(work.stream().filter(Work::corrupt).count());
            assertThat(contacts.skipped().total())
                    .isEqualTo(work.stream().filter(w -> !w.corrupt() && w.queue() == null).count());
        }
    }

    // ---------------------------------------------------------------- the naive computation

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

    private static int naiveInterval(List<Long> grid, long t) {
        for (int i = 0; i + 1 < grid.size(); i++) {
            if (grid.get(i) <= t && t < grid.get(i + 1)) {
                return i;
            }
        }
        return -1;
    }

    private static String naiveCategory(String label, String apiName) {
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

    private static String listOf(String activity) {
        String name = activity.trim().toLowerCase(Locale.ROOT);
        for (String[] list : new String[][] {{ADMIN, "admin"}, {IDLE, "idle"}, {NOT_READY, "notReady"}, {READY, "ready"}}) {
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
    private static Map<String, Map<String, Object>> naiveAgentIntervals(List<Presence> all, List<Long> grid, long asOf,
                                                                        int minutes) {
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

    private static long naiveMalformed(List<Presence> all, long asOf) {
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

    private static Map<String, Map<String, Object>> naiveQueueIntervals(List<Work> all, List<Long> grid, int minutes) {
        List<Work> rows = all.stream().filter(w -> !w.corrupt() && w.queue() != null).toList();
        List<String> contacts = rows.stream().map(w -> w.workItem() + "|" + w.queue()).distinct().toList();
        Map<String, long[]> sums = new TreeMap<>();
        for (String contact : contacts) {
            List<Work> mine = rows.stream().filter(w -> (w.workItem() + "|" + w.queue()).equals(contact)).toList();
            long offeredAt = mine.stream().mapToLong(Work::request).min().orElseThrow();
            int interval = naiveInterval(grid, offeredAt);
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
                if (wait <= T * 1000L) {
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
                if (wait <= S * 1000L) {
                    m[3]++;
                } else if (wait <= T * 1000L) {
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

    private static Map<String, Map<String, Object>> naiveAgentQueueIntervals(List<Work> all, List<Long> grid, int minutes) {
        Map<String, long[]> sums = new TreeMap<>();
        for (Work w : all) {
            if (w.corrupt() || w.queue() == null || w.accept() == null || naiveInterval(grid, w.accept()) < 0) {
                continue;
            }
            String start = Instant.ofEpochMilli(grid.get(naiveInterval(grid, w.accept()))).toString();
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

    // ---------------------------------------------------------------- records under test, keyed like the naive maps

    private static Map<String, Map<String, Object>> byKey(List<? extends IntervalRecord> records) {
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

    // ---------------------------------------------------------------- generator

    private static String sfId(String prefix, int n) {
        return prefix + String.format("%012d", n) + "AAA";
    }

    /** A few agents' timelines around the window, with gaps, overlaps, open, malformed and corrupt rows. */
    private static List<Presence> generatePresence(Random random, long windowStart, long windowEnd) {
        List<Presence> rows = new ArrayList<>();
        int ids = 0;
        int agents = 6 + random.nextInt(3);
        for (int a = 0; a < agents; a++) {
            String user = sfId("005", 100 + random.nextInt(900) * 10 + a);
            long t = windowStart - random.nextInt(40 * 60_000);
            boolean openCurrentAtEnd = random.nextBoolean();
            while (t < windowEnd + 10 * 60_000) {
                String[] status = STATUSES[random.nextInt(STATUSES.length)];
                long duration = 1 + random.nextInt(random.nextInt(4) == 0 ? 30_000 : 25 * 60_000);
                Long end = t + duration;
                boolean current = false;
                int shape = random.nextInt(100);
                if (shape < 4) {
                    end = null;                           // open, not current: ends at the next row, or malformed
                } else if (shape < 6) {
                    end = t - 1 - random.nextInt(60_000); // ends before it starts
                } else if (shape < 9) {
                    current = true;                       // a stale current flag with an end
                } else if (shape < 11) {
                    end = null;                           // open and current, yet a later row follows
                    current = true;
                }
                rows.add(new Presence(sfId("0Nw", ++ids), user, status[0], status[1], t, end, current, random.nextInt(40) == 0));
                if (random.nextInt(30) == 0) {            // a second row starting at the same instant
                    rows.add(new Presence(sfId("0Nw", ++ids), user, "Idle", "Idle", t, t + random.nextInt(600_000), false, false));
                }
                long gap = random.nextInt(6 * 60_000) - 3 * 60_000; // negative: overlaps the next row
                t = Math.max(t + 1, (end == null || end < t ? t + duration : end) + gap);
            }
            if (openCurrentAtEnd) {
                rows.add(new Presence(sfId("0Nw", ++ids), user, "Ready", "Ready", t, null, true, false));
            }
        }
        // the presence query selects rows overlapping the window
        return rows.stream().filter(p -> p.start() < windowEnd && (p.end() == null || p.end() > windowStart)).toList();
    }

    /** Contacts answered (around the thresholds), declined and re-offered, transferred, canceled, unresolved. */
    private static List<Work> generateWork(Random random, long windowStart, long windowEnd, boolean acwQueried) {
        List<Work> rows = new ArrayList<>();
        int[] ids = {0};
        long[] waits = {0, T * 1000L, T * 1000L + 1, S * 1000L, S * 1000L + 1, 20_400, T * 1000L - 1};
        int contacts = 120 + random.nextInt(60);
        String[] agents = new String[10];
        for (int i = 0; i < agents.length; i++) {
            agents[i] = sfId("005", 5000 + i);
        }
        for (int c = 0; c < contacts; c++) {
            String workItem = sfId(random.nextBoolean() ? "570" : "500", random.nextInt(1_000_000));
            String queue = random.nextInt(20) == 0 ? null : QUEUES[random.nextInt(QUEUES.length)];
            long request = windowStart - 10 * 60_000 + (long) (random.nextDouble() * (windowEnd - windowStart + 15 * 60_000));
            int hops = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(2) : 0);
            for (int hop = 0; hop < hops; hop++) {
                long wait = random.nextInt(3) == 0 ? waits[random.nextInt(waits.length)] : random.nextInt(90_000);
                String agent = agents[random.nextInt(agents.length)];
                boolean useQueueField = random.nextInt(5) == 0;
                String groupId = useQueueField ? null : queue;
                String queueId = useQueueField || queue == null ? queue : (random.nextBoolean() ? QUEUES[0] : null);
                Integer handle = random.nextInt(10) == 0 ? null : random.nextInt(900);
                Integer acw = !acwQueried || random.nextInt(10) == 0 ? null : random.nextInt(150);
                boolean corrupt = random.nextInt(50) == 0;
                int outcome = random.nextInt(10);
                boolean last = hop == hops - 1;
                if (!last && random.nextBoolean()) {              // declined, re-offered to another agent
                    rows.add(new Work(sfId("0Bz", ++ids[0]), workItem, agent, groupId, queueId, request, null, null,
                            null, null, "Declined", corrupt));
                    request += random.nextInt(30_000);
                } else if (!last) {                               // accepted, then transferred (maybe the same queue)
                    long accept = request + wait;
                    rows.add(new Work(sfId("0Bz", ++ids[0]), workItem, agent, groupId, queueId, request, accept, null,
                            handle, acw, "Transferred", corrupt));
                    request = accept + (handle == null ? 0 : handle * 1000L);
                    queue = random.nextInt(4) == 0 ? queue : QUEUES[random.nextInt(QUEUES.length)];
                } else if (outcome < 5) {
                    rows.add(new Work(sfId("0Bz", ++ids[0]), workItem, agent, groupId, queueId, request, request + wait,
                            null, handle, acw, random.nextBoolean() ? "Closed" : "Opened", corrupt));
                } else if (outcome < 8) {
                    Long cancel = random.nextInt(8) == 0 ? null : request + wait;
                    rows.add(new Work(sfId("0Bz", ++ids[0]), workItem, agent, groupId, queueId, request, null, cancel,
                            null, null, random.nextInt(10) == 0 ? "canceled" : "Canceled", corrupt));
                } else {
                    rows.add(new Work(sfId("0Bz", ++ids[0]), workItem, agent, groupId, queueId, request, null, null,
                            null, null, random.nextBoolean() ? "Assigned" : "Declined", corrupt));
                }
            }
        }
        return rows;
    }

    // ---------------------------------------------------------------- raw SOQL pages

    private static String date(long millis) {
        return "\"" + OffsetDateTime.ofInstant(Instant.ofEpochMilli(millis), ZoneOffset.UTC).format(SALESFORCE) + "\"";
    }

    private static void nullable(Long millis, Random random, String name, StringBuilder json) {
        if (millis != null) {
            json.append(",\"").append(name).append("\":").append(date(millis));
        } else if (random.nextBoolean()) {
            json.append(",\"").append(name).append("\":null");
        }
    }

    private static String text(String value) {
        return value == null ? "null" : "\"" + value + "\"";
    }

    private static List<String> presencePages(List<Presence> rows, Random random) {
        return pages(rows, "UserServicePresence", (p, json) -> {
            json.append("\"Id\":").append(text(p.id())).append(",\"UserId\":").append(text(p.user()));
            if (p.label() == null && p.apiName() == null && random.nextBoolean()) {
                json.append(",\"ServicePresenceStatus\":null");
            } else {
                json.append(",\"ServicePresenceStatus\":{\"attributes\":{\"type\":\"ServicePresenceStatus\",\"url\":\"/x\"},")
                        .append("\"MasterLabel\":").append(text(p.label())).append(",\"DeveloperName\":")
                        .append(text(p.apiName())).append("}");
            }
            json.append(",\"StatusStartDate\":").append(p.corrupt() ? "\"2026-11-24 soon\"" : date(p.start()));
            nullable(p.end(), random, "StatusEndDate", json);
            json.append(",\"IsCurrentState\":").append(p.current());
        });
    }

    private static List<String> workPages(List<Work> rows, Random random, boolean acwQueried) {
        return pages(rows, "AgentWork", (w, json) -> {
            json.append("\"Id\":").append(text(w.id())).append(",\"WorkItemId\":").append(text(w.workItem()))
                    .append(",\"UserId\":").append(text(w.user()))
                    .append(",\"OriginalGroupId\":").append(text(w.groupId()))
                    .append(",\"OriginalQueueId\":").append(text(w.queueId()))
                    .append(",\"ServiceChannelId\":\"0N9000000000001AAA\"")
                    .append(",\"RequestDateTime\":").append(date(w.request()));
            nullable(w.accept(), random, "AcceptDateTime", json);
            nullable(w.cancel(), random, "CancelDateTime", json);
            if (w.corrupt()) {
                json.append(",\"CloseDateTime\":\"31/12/2026\"");
            }
            json.append(",\"HandleTime\":").append(w.handle());
            if (acwQueried) {
                json.append(",\"AfterConversationActualTime\":").append(w.afterConversation());
            }
            json.append(",\"Status\":").append(text(w.status()));
        });
    }

    private interface RecordWriter<R> {
        void write(R row, StringBuilder json);
    }

    private static <R> List<String> pages(List<R> rows, String type, RecordWriter<R> writer) {
        List<String> pages = new ArrayList<>();
        int pageSize = 37;
        for (int from = 0; from < rows.size(); from += pageSize) {
            boolean last = from + pageSize >= rows.size();
            StringBuilder json = new StringBuilder("{\"totalSize\":").append(rows.size()).append(",\"done\":").append(last);
            if (!last) {
                json.append(",\"nextRecordsUrl\":\"/services/data/v53.0/query/01g-").append(from + pageSize).append('"');
            }
            json.append(",\"records\":[");
            for (int i = from; i < Math.min(rows.size(), from + pageSize); i++) {
                json.append(i > from ? ",{" : "{").append("\"attributes\":{\"type\":\"").append(type)
                        .append("\",\"url\":\"/services/data/v53.0/sobjects/").append(type).append("/x\"},");
                writer.write(rows.get(i), json);
                json.append('}');
            }
            pages.add(json.append("]}").toString());
        }
        return pages;
    }

    private static <R> long feed(SoqlPageParser<R> parser, List<String> pages, Consumer<R> processor) throws IOException {
        long skipped = 0;
        for (int i = 0; i < pages.size(); i++) {
            SoqlPageParser.PageResult page = parser.parse(pages.get(i), processor);
            assertThat(page.done()).isEqualTo(i == pages.size() - 1);
            skipped += page.skipped().total();
        }
        return skipped;
    }
}
