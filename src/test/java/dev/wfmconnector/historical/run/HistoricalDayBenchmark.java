package dev.wfmconnector.historical.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.org.OrgSchema;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.RunState;
import io.micrometer.core.instrument.Counter;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * Issue 4, benchmark part (2): one simulated day of 500 agents end to end through the simulator, as the first run
 * of a new group (its initial backfill of the day) on the production path: the real camel-salesforce client,
 * persistent embedded Artemis, an H2 file store, digests and agent sync on. Prints wall time, Salesforce API calls
 * beside the number of result pages, rows read, records published and peak heap. Run with
 * {@code ./mvnw -q -Pbenchmark test -Dtest=HistoricalDayBenchmark} (-Xmx256m; {@code -Dbenchmark.agents=500}).
 * The simulator runs in the same JVM, so the heap figures include the simulated org's data.
 */
@Tag("benchmark")
@SpringBootTest(properties = {
        "spring.security.user.password=bench-Pa55",
        "connector.defaults.schedule=0 0 0 1 1 ? 2099",
        "logging.level.org.apache.activemq=WARN"})
@Import(HistoricalDayBenchmark.BenchClock.class)
class HistoricalDayBenchmark {

    private static final Instant NOW = Instant.parse("2026-11-24T00:02:00Z");
    private static final MutableClock CLOCK = new MutableClock(NOW);
    private static final int AGENTS = Integer.getInteger("benchmark.agents", 500);
    private static final Path DATA = tempDir();
    private static final long GENERATION_STARTED = System.nanoTime();
    private static final SalesforceOrgSimulator SIM = SalesforceOrgSimulator.builder().client("bench", "bench-secret")
            .agents(AGENTS).seed(7).history(Duration.ofHours(26)).clock(CLOCK).build().start();
    private static final double GENERATION_SECONDS = (System.nanoTime() - GENERATION_STARTED) / 1e9;

    @TestConfiguration
    static class BenchClock {
        @Bean
        @Primary
        Clock benchClock() {
            return CLOCK;
        }
    }

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        // a list is bound from one property source: every element of connector.historical[0] goes here
        Map.of("group", "bench", "status", "disabled", "oauth-client-id", "bench", "oauth-client-secret", "bench-secret",
                "api-version", "53.0", "admin-time-activities", "Admin; Email", "idle-time-activities", "Idle",
                "not-ready-activities", "Not ready; Training", "ready-time-activities", "Ready; On call")
                .forEach((name, value) -> registry.add("connector.historical[0]." + name, () -> value));
        registry.add("connector.historical[0].oauth-url", SIM::tokenUrl);
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + DATA.resolve("connector"));
        registry.add("spring.artemis.embedded.data-directory", () -> DATA.resolve("artemis").toString());
    }

    @Autowired
    private IntegrationStates states;
    @Autowired
    private RunLog runLog;
    @Autowired
    private MeterRegistry meters;
    @Autowired
    private ConnectionFactory connectionFactory;

    @Test
    void oneDayOf500AgentsEndToEnd() throws Exception {
        System.out.printf("Simulated org: %d agents, %d UserServicePresence and %d AgentWork rows, generated in %.1f s%n",
                AGENTS, SIM.org().count(OrgSchema.USER_SERVICE_PRESENCE), SIM.org().count(OrgSchema.AGENT_WORK),
                GENERATION_SECONDS);
        int apiCallsBefore = SIM.apiRequestsUsed();
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP && p.getCollectionUsage() != null).toList();
        System.gc();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        AtomicLong peakUsed = new AtomicLong(heapBefore);
        AtomicLong peakLive = new AtomicLong(heapBefore);
        AtomicBoolean sampling = new AtomicBoolean(true);
        Thread sampler = new Thread(() -> {
            while (sampling.get()) {
                peakUsed.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                // what the heap held right after its last collection: the live data
                peakLive.accumulateAndGet(heapPools.stream().mapToLong(p -> p.getCollectionUsage().getUsed()).sum(),
                        Math::max);
                try {
                    TimeUnit.MILLISECONDS.sleep(20);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.start();

        // a downstream consumer drains the four queues while the run publishes, as the WFM platform would
        AtomicLong received = new AtomicLong();
        List<Thread> consumers = new ArrayList<>();
        for (String type : List.of("agent", "queue-interval", "agent-interval", "agent-queue-interval")) {
            Thread consumer = new Thread(() -> drain("wfm." + type, received, sampling));
            consumer.start();
            consumers.add(consumer);
        }

        long started = System.nanoTime();
        states.setStatus(IntegrationType.HISTORICAL, "bench", true);
        // the run has ended once its duration is recorded (after its last commit)
        await().atMost(Duration.ofMinutes(20)).pollInterval(Duration.ofMillis(50)).until(() ->
                meters.find("wfm.historical.run.duration").tag("group", "bench").timer() != null);
        double wall = (System.nanoTime() - started) / 1e9;
        await().atMost(Duration.ofMinutes(5)).until(() -> received.get()
                == runLog.latest(IntegrationType.HISTORICAL, "bench", 1).get(0).counts().recordsPublished());
        double consumed = (System.nanoTime() - started) / 1e9;
        sampling.set(false);
        sampler.join();
        for (Thread consumer : consumers) {
            consumer.join();
        }
        int apiCalls = SIM.apiRequestsUsed() - apiCallsBefore;

        Run run = runLog.latest(IntegrationType.HISTORICAL, "bench", 1).get(0);
        assertThat(run.state()).as(run.error()).isEqualTo(RunState.SUCCEEDED);
        Timer duration = meters.find("wfm.historical.run.duration").tag("group", "bench").timer();
        Map<String, Double> rows = byTag("wfm.historical.records.read", "object");
        Map<String, Double> calls = byTag("wfm.salesforce.api.calls", "operation");
        Map<String, Double> published = byTag("wfm.historical.records.published", "type");
        long pages = rows.entrySet().stream().filter(e -> !e.getKey().equals("User"))
                .mapToLong(e -> Math.max(1, (long) Math.ceil(e.getValue() / 2000))).sum()
                + (long) Math.ceil(rows.getOrDefault("User", 0.0) / 200);
        double runCalls = calls.getOrDefault("query", 0.0) + calls.getOrDefault("queryMore", 0.0);

        System.out.printf("Window: [%s, %s), %d intervals of 15 minutes%n", run.windowFrom(), run.windowTo(),
                run.intervalsTotal());
        System.out.printf("Wall time: %.1f s from enabling the integration to its first run SUCCEEDED "
                + "(login and version check included); the run itself %.1f s%n", wall,
                duration.totalTime(TimeUnit.MILLISECONDS) / 1000);
        System.out.printf("Rows read: %d %s (%.0f rows/s over the run)%n", run.counts().recordsRead(), rows,
                run.counts().recordsRead() / duration.totalTime(TimeUnit.SECONDS));
        System.out.printf("Salesforce API calls: %d counted by the simulator; by the connector %s%n", apiCalls, calls);
        System.out.printf("Result pages (2,000 rows, user batches of 200): %d; calls - pages = %d "
                + "(one describe per object queried, once per integration start)%n", pages, apiCalls - pages);
        System.out.printf("Records published: %d %s; all received by a JMS consumer %.1f s after enabling%n",
                run.counts().recordsPublished(), published, consumed);
        System.out.printf("Heap (-Xmx %.0f MB; the simulated org included): %.0f MB live before the run, peak %.0f MB "
                + "live after a collection, peak %.0f MB used (garbage included)%n",
                memory.getHeapMemoryUsage().getMax() / 1e6, heapBefore / 1e6, peakLive.get() / 1e6,
                peakUsed.get() / 1e6);

        assertThat(runCalls).as("query + queryMore calls = pages").isEqualTo((double) pages);
        assertThat(calls.values().stream().mapToDouble(Double::doubleValue).sum())
                .as("the connector's count of its calls = the org's").isEqualTo((double) apiCalls);
        assertThat(apiCalls).as("at most the pages plus a small constant").isLessThanOrEqualTo((int) pages + 6);
        assertThat(run.counts().recordsPublished()).isPositive();
    }

    private void drain(String queue, AtomicLong received, AtomicBoolean running) {
        try (Connection connection = connectionFactory.createConnection();
             Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE)) {
            connection.start();
            MessageConsumer consumer = session.createConsumer(session.createQueue(queue));
            while (running.get()) {
                if (consumer.receive(100) != null) {
                    received.incrementAndGet();
                }
            }
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Double> byTag(String meter, String tag) {
        Map<String, Double> byTag = new TreeMap<>();
        for (Counter counter : meters.find(meter).tag("group", "bench").counters()) {
            byTag.merge(counter.getId().getTag(tag), counter.count(), Double::sum);
        }
        return byTag;
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("historical-day-benchmark");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
