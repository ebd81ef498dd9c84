package dev.wfmconnector.historical;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 4 benchmark, part (1): processing throughput from raw SOQL pages, beside a bare Jackson token parse of the same
 * bytes in the same run. 1,000,000 UserServicePresence rows (1,000 agents, one day, ordered by UserId,
 * StatusStartDate) and 1,000,000 AgentWork rows (ordered by WorkItemId, RequestDateTime), in pages of 2,000 rows
 * generated on the fly: only one page exists at a time, so the heap figures show what processing keeps.
 * <p>
 * Run: {@code ./mvnw -o -q -Pbenchmark test -Dtest=HistoricalProcessingBenchmark} (the profile sets -Xmx256m).
 * Prints rows/s for the bare parse, parse into rows, and parse + bucket / evaluate; the ratio to the bare parse
 * (target ≥ 0.5), overall and as the median of the per-page ratios (steadier on a busy machine, since the three
 * passes over a page run back to back); the peak heap; and the live heap after GC at each quarter of the rows.
 */
@Tag("benchmark")
class HistoricalProcessingBenchmark {

    private static final int PAGE_ROWS = 2_000;
    private static final int PAGES = 500;
    private static final int AGENTS = 1_000;
    private static final int QUEUES = 20;
    private static final Instant DAY = Instant.parse("2026-11-24T00:00:00Z");
    private static final long DAY_MILLIS = 86_400_000L;
    private static final String[][] STATUSES = {{"Ready", "Ready"}, {"On call", "On_Call"}, {"Not ready", "Not_Ready"},
        {"Training", "Training"}, {"Idle", "Idle"}, {"Admin", "Admin"}, {"Email", "Email"}, {"Lunch", "Lunch"}};
    private static final JsonFactory JSON = new JsonFactory();
    private static final ObjectMapper TREE = new ObjectMapper();

    @Test
    void presenceAndAgentWorkThroughput() throws IOException {
        RunWindow window = new Intervals(15, ZoneOffset.UTC).window(DAY, DAY.plusMillis(DAY_MILLIS));
        ActivityCategories categories = new ActivityCategories(List.of("Admin", "Email"), List.of("Idle"),
                List.of("Not ready", "Training"), List.of("Ready", "On call"));
        Instant asOf = window.end().plusSeconds(120);
        System.out.printf(Locale.ROOT, "%nHistorical processing benchmark: %d pages x %d rows per object, max heap %d MB, %d CPUs%n",
                PAGES, PAGE_ROWS, Runtime.getRuntime().maxMemory() >> 20, Runtime.getRuntime().availableProcessors());

        // warm-up: a tenth of the pages, results discarded
        run("warm-up presence", new PresencePages(), PAGES / 10, new PresencePageParser(),
                () -> new ActivityBucketer(window, categories, asOf, RowOrder.SORTED), false);
        run("warm-up work", new WorkPages(), PAGES / 10, new AgentWorkPageParser(),
                () -> new ContactThresholdEvaluator(window, 20, 5, RowOrder.SORTED), false);

        ActivityBucketer bucketer = run("UserServicePresence", new PresencePages(), PAGES, new PresencePageParser(),
                () -> new ActivityBucketer(window, categories, asOf, RowOrder.SORTED), true);
        ActivityBucketer.Result activity = bucketer.finish();
        System.out.printf(Locale.ROOT, "  -> %,d agent-interval records, %,d rows skipped%n",
                activity.records().size(), activity.skipped().total());
        assertThat(activity.records()).hasSize(AGENTS * window.intervalCount());

        ContactThresholdEvaluator evaluator = run("AgentWork", new WorkPages(), PAGES, new AgentWorkPageParser(),
                () -> new ContactThresholdEvaluator(window, 20, 5, RowOrder.SORTED), true);
        ContactThresholdEvaluator.Result contacts = evaluator.finish();
        System.out.printf(Locale.ROOT, "  -> %,d queue-interval and %,d agent-queue-interval records, %,d contacts offered%n",
                contacts.queueRecords().size(), contacts.agentQueueRecords().size(),
                contacts.queueRecords().stream().mapToLong(QueueIntervalRecord::offered).sum());
        assertThat(contacts.queueRecords()).hasSize(QUEUES * window.intervalCount());
    }

    /**
     * Writes page {@code index} into a buffer reused for every page (a fresh ~1 MB array per page would be a G1
     * humongous allocation each time and the benchmark would mostly measure that), read as the InputStream that
     * camel-salesforce's {@code rawPayload=true} hands over.
     */
    private abstract static class PageSource {
        final StringBuilder json = new StringBuilder(1 << 21);
        private byte[] bytes = new byte[1 << 21];
        private int length;

        abstract void write(int index);

        int next(int index) {
            json.setLength(0);
            write(index);
            length = json.length();
            if (bytes.length < length) {
                bytes = new byte[length * 2];
            }
            for (int i = 0; i < length; i++) {
                bytes[i] = (byte) json.charAt(i);
            }
            return length;
        }

        InputStream stream() {
            return new ByteArrayInputStream(bytes, 0, length);
        }
    }

    private interface Processor<R, P extends Consumer<R>> {
        P create();
    }

    private static <R, P extends Consumer<R>> P run(String name, PageSource pages, int count, SoqlPageParser<R> parser,
                                                    Processor<R, P> processors, boolean report) throws IOException {
        P processor = processors.create();
        SharedStrings shared = new SharedStrings();  // as a run shares its values across its pages
        List<R> lastRow = new ArrayList<>(List.of());
        Consumer<R> keepLast = row -> {  // materializes each row, as a real consumer does, and keeps only the last
            lastRow.clear();
            lastRow.add(row);
        };
        long bareNanos = 0;
        long treeNanos = 0;
        long parseNanos = 0;
        long processNanos = 0;
        long tokens = 0;
        long rows = 0;
        long bytes = 0;
        double[] pageRatios = new double[count];
        List<String> liveHeap = new ArrayList<>();
        resetPeakHeap();
        long compilingBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();
        for (int i = 0; i < count; i++) {
            if (report && i % (count / 4) == 0) {
                liveHeap.add(liveHeapMb() + " MB");
            }
            bytes += pages.next(i);
            long t0 = System.nanoTime();
            try (JsonParser p = JSON.createParser(pages.stream())) {
                while (p.nextToken() != null) {
                    tokens++;
                }
            }
            long t1 = System.nanoTime();
            rows += parser.parse(pages.stream(), keepLast).rows();
            long t2 = System.nanoTime();
            parser.parse(pages.stream(), shared, processor);
            long t3 = System.nanoTime();
            TREE.readTree(pages.stream());
            long t4 = System.nanoTime();
            bareNanos += t1 - t0;
            treeNanos += t4 - t3;
            parseNanos += t2 - t1;
            processNanos += t3 - t2;
            pageRatios[i] = (t1 - t0) / (double) (t3 - t2);
        }
        if (report) {
            long peak = peakHeapMb();
            liveHeap.add(liveHeapMb() + " MB");
            double bare = rows / (bareNanos / 1e9);
            double parse = rows / (parseNanos / 1e9);
            double process = rows / (processNanos / 1e9);
            System.out.printf(Locale.ROOT, "%s: %,d rows, %,d MB of JSON, %,d tokens%n", name, rows, bytes >> 20, tokens);
            System.out.printf(Locale.ROOT, "  bare Jackson token parse : %,12.0f rows/s%n", bare);
            System.out.printf(Locale.ROOT, "  (for reference, Jackson readTree: %,.0f rows/s)%n", rows / (treeNanos / 1e9));
            System.out.printf(Locale.ROOT, "  parse into rows          : %,12.0f rows/s  (%.2f of bare)%n", parse, parse / bare);
            Arrays.sort(pageRatios);
            System.out.printf(Locale.ROOT, "  parse + %-17s: %,12.0f rows/s  (%.2f of bare, median page %.2f; target >= 0.50)%n",
                    name.equals("AgentWork") ? "evaluate" : "bucket", process, process / bare, pageRatios[count / 2]);
            System.out.printf(Locale.ROOT, "  JIT compiling meanwhile: %.1f s%n",
                    (ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compilingBefore) / 1e3);
            System.out.printf(Locale.ROOT, "  peak heap %d MB; live heap after GC at 0/25/50/75/100%% of the rows: %s%n",
                    peak, String.join(", ", liveHeap));
        }
        return processor;
    }

    private static long liveHeapMb() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() >> 20;
    }

    private static void resetPeakHeap() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() >> 20;
    }

    // ---------------------------------------------------------------- raw pages, made one at a time

    private static String id(String prefix, long n) {
        return prefix + String.format(Locale.ROOT, "%012d", n) + "AAA";
    }

    private static final String[] DAYS = {"2026-11-23T", "2026-11-24T", "2026-11-25T"};

    /** {@code 2026-11-24T10:00:00.000+0000} for an offset in milliseconds from the day's start. */
    private static void date(StringBuilder json, long millisFromDay) {
        long dayIndex = Math.floorDiv(millisFromDay, DAY_MILLIS) + 1;
        long ms = Math.floorMod(millisFromDay, DAY_MILLIS);
        json.append('"').append(DAYS[(int) dayIndex]);
        two(json, ms / 3_600_000).append(':');
        two(json, ms / 60_000 % 60).append(':');
        two(json, ms / 1000 % 60).append('.');
        long fraction = ms % 1000;
        json.append(fraction < 100 ? (fraction < 10 ? "00" : "0") : "").append(fraction).append("+0000\"");
    }

    private static StringBuilder two(StringBuilder json, long value) {
        return json.append(value < 10 ? "0" : "").append(value);
    }

    private static void header(StringBuilder json, int index) {
        boolean last = index == PAGES - 1;
        json.append("{\"totalSize\":").append(PAGES * PAGE_ROWS).append(",\"done\":").append(last);
        if (!last) {
            json.append(",\"nextRecordsUrl\":\"/services/data/v53.0/query/0r8xx3VKXRZZyyBAAR-").append((index + 1) * PAGE_ROWS).append('"');
        }
        json.append(",\"records\":[");
    }

    /** 1,000 agents x 1,000 rows over the day, by UserId then StatusStartDate; each agent's last status is open. */
    private static final class PresencePages extends PageSource {
        private final Random random = new Random(1);
        private long nextStart = -random.nextInt(600_000);
        private int rowOfAgent;
        private int agent;
        private long rowId;

        @Override
        void write(int index) {
            header(json, index);
            for (int r = 0; r < PAGE_ROWS; r++) {
                long start = nextStart;
                long end = start + 1_000 + random.nextInt(170_000);
                boolean current = rowOfAgent == 999;
                String[] status = STATUSES[random.nextInt(STATUSES.length)];
                String rowIdText = id("0Nw", ++rowId);
                json.append(r == 0 ? "{" : ",{").append("\"attributes\":{\"type\":\"UserServicePresence\",")
                        .append("\"url\":\"/services/data/v53.0/sobjects/UserServicePresence/").append(rowIdText).append("\"},")
                        .append("\"Id\":\"").append(rowIdText).append("\",\"UserId\":\"").append(id("005", 1000 + agent))
                        .append("\",\"ServicePresenceStatus\":{\"attributes\":{\"type\":\"ServicePresenceStatus\",")
                        .append("\"url\":\"/services/data/v53.0/sobjects/ServicePresenceStatus/0N5000000000")
                        .append(status[0].length()).append("AAA\"},\"MasterLabel\":\"").append(status[0])
                        .append("\",\"DeveloperName\":\"").append(status[1]).append("\"},\"StatusStartDate\":");
                date(json, start);
                json.append(",\"StatusEndDate\":");
                if (current) {
                    json.append("null");
                } else {
                    date(json, end);
                }
                json.append(",\"IsCurrentState\":").append(current).append('}');
                nextStart = end;
                if (++rowOfAgent == 1000) {
                    rowOfAgent = 0;
                    agent++;
                    nextStart = -random.nextInt(600_000);
                }
            }
            json.append("]}");
        }
    }

    /**
     * AgentWork by WorkItemId then RequestDateTime: most work items one accepted row, some declined and re-offered,
     * transferred to another queue, canceled or unresolved; each agent serves two queues.
     */
    private static final class WorkPages extends PageSource {
        private final Random random = new Random(2);
        private long workItem;
        private long rowId;
        private int rowsLeftOfItem;
        private long request;
        private int queue;

        @Override
        void write(int index) {
            header(json, index);
            for (int r = 0; r < PAGE_ROWS; r++) {
                if (rowsLeftOfItem == 0) {
                    workItem += 1 + random.nextInt(5);
                    rowsLeftOfItem = random.nextInt(10) < 8 ? 1 : 2 + random.nextInt(2);
                    request = random.nextLong(DAY_MILLIS);
                    queue = random.nextInt(QUEUES);
                }
                rowsLeftOfItem--;
                int agent = (random.nextBoolean() ? queue : (queue + 1) % QUEUES) + QUEUES * random.nextInt(AGENTS / QUEUES);
                int outcome = random.nextInt(100);
                long wait = random.nextInt(60_000);
                String status;
                Long accept = null;
                Long cancel = null;
                Integer handle = null;
                Integer acw = null;
                if (rowsLeftOfItem > 0 && outcome < 50) {
                    status = "Declined";
                } else if (rowsLeftOfItem > 0) {
                    status = "Transferred";
                    accept = request + wait;
                    handle = 30 + random.nextInt(300);
                    acw = 0;
                } else if (outcome < 80) {
                    status = "Closed";
                    accept = request + wait;
                    handle = 30 + random.nextInt(900);
                    acw = random.nextInt(120);
                } else if (outcome < 93) {
                    status = "Canceled";
                    cancel = request + wait;
                } else {
                    status = "Assigned";
                }
                String rowIdText = id("0Bz", ++rowId);
                json.append(r == 0 ? "{" : ",{").append("\"attributes\":{\"type\":\"AgentWork\",")
                        .append("\"url\":\"/services/data/v53.0/sobjects/AgentWork/").append(rowIdText).append("\"},")
                        .append("\"Id\":\"").append(rowIdText).append("\",\"WorkItemId\":\"").append(id("570", workItem))
                        .append("\",\"UserId\":\"").append(id("005", 1000 + agent))
                        .append("\",\"OriginalGroupId\":\"").append(id("00G", 100 + queue))
                        .append("\",\"OriginalQueueId\":null,\"ServiceChannelId\":\"0N9000000000001AAA\",\"RequestDateTime\":");
                date(json, request);
                json.append(",\"AcceptDateTime\":");
                nullableDate(accept);
                json.append(",\"CancelDateTime\":");
                nullableDate(cancel);
                json.append(",\"CloseDateTime\":");
                nullableDate(accept == null ? null : accept + handle * 1000L);
                json.append(",\"HandleTime\":").append(handle).append(",\"AfterConversationActualTime\":").append(acw)
                        .append(",\"Status\":\"").append(status).append("\"}");
                if (status.equals("Declined")) {
                    request += random.nextInt(20_000);
                } else if (status.equals("Transferred")) {
                    request = accept + handle * 1000L;
                    queue = (queue + 1 + random.nextInt(QUEUES - 1)) % QUEUES;
                }
            }
            json.append("]}");
        }

        private void nullableDate(Long millis) {
            if (millis == null) {
                json.append("null");
            } else {
                date(json, millis);
            }
        }
    }
}
