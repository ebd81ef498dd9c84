package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.historical.NaiveHistoricalComputation.Presence;
import dev.wfmconnector.historical.NaiveHistoricalComputation.Work;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Independent cross-check: random presence and work rows, written as raw SOQL pages and run through the parsers and
 * processors (rows sorted as the default queries sort them, then shuffled), must agree for every agent, queue and
 * interval with {@link NaiveHistoricalComputation}, which shares no code with them. The generator makes gaps,
 * overlaps, rows starting together, open and malformed rows, every activity list, unknown activities, case and
 * spaces, label against API name, Offline, declines, transfers (to another queue and back to the same), cancels with
 * and without CancelDateTime, unresolved contacts, rows without queue, OriginalQueueId only, waits exactly at and
 * 1 ms around T and S, contacts offered or accepted outside the window, and records that do not parse.
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
        NaiveHistoricalComputation naive = new NaiveHistoricalComputation(zone, minutes, from,
                from.plus(Duration.ofHours(2)), ADMIN, IDLE, NOT_READY, READY, T, S);
        long windowStart = naive.windowStart().toEpochMilli();
        long windowEnd = naive.windowEnd().toEpochMilli();
        long asOf = seed % 3 == 0 ? windowEnd - 600_000 + random.nextInt(300_000) : windowEnd + 120_000;
        boolean acwQueried = seed % 2 == 1;

        List<Presence> presence = generatePresence(random, windowStart, windowEnd);
        List<Work> work = generateWork(random, windowStart, windowEnd, acwQueried);

        Map<String, Map<String, Object>> expectedAgents = naive.agentIntervals(presence, Instant.ofEpochMilli(asOf));
        Map<String, Map<String, Object>> expectedQueues = naive.queueIntervals(work);
        Map<String, Map<String, Object>> expectedAgentQueues = naive.agentQueueIntervals(work);
        assertThat(expectedAgents).as("the generator makes agent time").hasSizeGreaterThan(5);
        assertThat(expectedQueues).as("the generator makes contacts").hasSizeGreaterThan(3);
        assertThat(expectedAgentQueues).as("the generator makes accepted work").hasSizeGreaterThan(5);

        RunWindow window = new Intervals(minutes, zone).window(naive.windowStart(), naive.windowEnd());
        assertThat(window.start()).isEqualTo(naive.windowStart());
        assertThat(window.intervalCount()).isEqualTo(naive.intervalCount());
        ActivityCategories categories = new ActivityCategories(ActivityCategories.parseList(ADMIN),
                ActivityCategories.parseList(IDLE), ActivityCategories.parseList(NOT_READY),
                ActivityCategories.parseList(READY));

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

            assertThat(NaiveHistoricalComputation.byKey(activity.records())).as("agent intervals, %s rows", order)
                    .isEqualTo(expectedAgents);
            assertThat(NaiveHistoricalComputation.byKey(contacts.queueRecords())).as("queue intervals, %s rows", order)
                    .isEqualTo(expectedQueues);
            assertThat(NaiveHistoricalComputation.byKey(contacts.agentQueueRecords()))
                    .as("agent-queue intervals, %s rows", order)
                    .isEqualTo(expectedAgentQueues);
            assertThat(presenceSkipped).isEqualTo(presence.stream().filter(Presence::corrupt).count());
            assertThat(activity.skipped().total()).isEqualTo(naive.malformed(presence));
            assertThat(workSkipped).isEqualTo(work.stream().filter(Work::corrupt).count());
            assertThat(contacts.skipped().total())
                    .isEqualTo(work.stream().filter(w -> !w.corrupt() && w.queue() == null).count());
        }
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
            json.append(",\"HandleTime\":").append(w.corrupt() ? "\"a while\"" : w.handle());
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
