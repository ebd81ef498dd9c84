package dev.wfmconnector.historical.run;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.output.CamelPublisher;
import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.output.Publisher;
import dev.wfmconnector.simulator.MutableClock;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.store.Run;
import dev.wfmconnector.store.RunLog;
import dev.wfmconnector.store.RunState;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.TextMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

/**
 * The one application context the historical scenario tests share: the whole connector (routes, store, embedded
 * Artemis, API) against four simulated orgs through the real camel-salesforce client. Group {@code scripted} reads
 * the hand-scripted evening of {@link ScriptedDay}; groups {@code seed-1} .. {@code seed-3} read two randomized
 * scenario days (20 agents, seeds 101, 202, 303; seed-3 on API 51.0, which lacks AfterConversationActualTime).
 * Every simulator and the connector read the same {@link MutableClock}, set to {@link #T0} at start: each group's
 * first run (its initial backfill of a day) starts right after start-up. The schedule never fires; tests start runs
 * through the API. Published records are read back from the JMS queues.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "spring.security.user.name=admin",
        "spring.security.user.password=" + HistoricalApplicationTest.PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:historical-application;DB_CLOSE_DELAY=-1",
        "connector.defaults.schedule=0 0 0 1 1 ? 2099",
        "connector.runtime.salesforce-retry-delay=20",
        "connector.runtime.shared-state-refresh=PT0.2S",
        "logging.level.org.apache.camel.component.salesforce=WARN",
        "logging.level.org.eclipse.jetty=WARN"})
@Import(HistoricalApplicationTest.TestBeans.class)
@AutoConfigureObservability(tracing = false)
public abstract class HistoricalApplicationTest {

    protected static final String PASSWORD = "hist-Test-Pa55";
    protected static final String CLIENT_ID = "3MVG9-historical-test";
    protected static final String CLIENT_SECRET = "hist-S3cret-5ee1";
    protected static final String[] LISTS = {"Admin; Email", "Idle", "Not ready; Training", "Ready; On call"};
    /** "Now" when the context starts: 2 minutes after the 23:30 boundary of 2026-11-23. */
    protected static final Instant T0 = Instant.parse("2026-11-23T23:32:00Z");
    protected static final MutableClock CLOCK = new MutableClock(T0);
    protected static final String SCRIPTED_GROUP = "scripted";
    protected static final ScriptedDay SCRIPTED = new ScriptedDay(SalesforceOrgSimulator.builder()
            .client(CLIENT_ID, CLIENT_SECRET).agents(0).pageSize(4).clock(CLOCK).build().start());
    protected static final long[] SEEDS = {101, 202, 303};
    protected static final Map<String, SalesforceOrgSimulator> SEEDED = seeded();
    private static final Path ARTEMIS = tempDir();
    private static final ObjectMapper JSON = new ObjectMapper();
    /** Every envelope received so far, per group, in arrival order. */
    private static final Map<String, List<JsonNode>> RECEIVED = new ConcurrentHashMap<>();

    @Autowired
    protected RunLog runLog;
    @Autowired
    private ConnectionFactory connectionFactory;
    @Autowired
    protected GatedPublisher gatedPublisher;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("spring.artemis.embedded.data-directory", ARTEMIS::toString);
        int i = 0;
        historical(registry, i++, SCRIPTED_GROUP, SCRIPTED.sim, "53.0");
        for (Map.Entry<String, SalesforceOrgSimulator> seeded : SEEDED.entrySet()) {
            historical(registry, i++, seeded.getKey(), seeded.getValue(), seeded.getKey().equals("seed-3") ? "51.0" : "53.0");
        }
    }

    private static void historical(DynamicPropertyRegistry registry, int i, String group, SalesforceOrgSimulator sim,
                                   String apiVersion) {
        String prefix = "connector.historical[" + i + "].";
        registry.add(prefix + "group", () -> group);
        registry.add(prefix + "oauth-client-id", () -> CLIENT_ID);
        registry.add(prefix + "oauth-client-secret", () -> CLIENT_SECRET);
        registry.add(prefix + "oauth-url", sim::tokenUrl);
        registry.add(prefix + "api-version", () -> apiVersion);
        registry.add(prefix + "admin-time-activities", () -> LISTS[0]);
        registry.add(prefix + "idle-time-activities", () -> LISTS[1]);
        registry.add(prefix + "not-ready-activities", () -> LISTS[2]);
        registry.add(prefix + "ready-time-activities", () -> LISTS[3]);
    }

    private static Map<String, SalesforceOrgSimulator> seeded() {
        Map<String, SalesforceOrgSimulator> sims = new LinkedHashMap<>();
        for (int i = 0; i < SEEDS.length; i++) {
            sims.put("seed-" + (i + 1), SalesforceOrgSimulator.builder().client(CLIENT_ID, CLIENT_SECRET)
                    .seed(SEEDS[i]).agents(20).history(Duration.ofDays(2)).clock(CLOCK).build().start());
        }
        return Collections.unmodifiableMap(sims);
    }

    /** The test's clock is the connector's clock; the publisher can be held after a publish (a crash right then). */
    @TestConfiguration
    static class TestBeans {
        @Bean
        @Primary
        Clock testClock() {
            return CLOCK;
        }

        @Bean
        @Primary
        GatedPublisher gatedPublisher(CamelPublisher publisher) {
            return new GatedPublisher(publisher);
        }
    }

    /**
     * The real publisher, which can be told to hold the n-th publish call after the outputs took its records, until
     * released: the run then stands exactly between publishing and committing.
     */
    public static final class GatedPublisher implements Publisher {
        private final Publisher delegate;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile int holdCall = -1;
        private volatile CountDownLatch held = new CountDownLatch(1);
        private volatile CountDownLatch release = new CountDownLatch(1);

        GatedPublisher(Publisher delegate) {
            this.delegate = delegate;
        }

        @Override
        public void publish(List<Envelope> envelopes) {
            delegate.publish(envelopes);
            if (calls.incrementAndGet() == holdCall) {
                held.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        /** Holds the {@code n}-th publish call from now on (1 = the next one). */
        public void holdCall(int n) {
            held = new CountDownLatch(1);
            release = new CountDownLatch(1);
            holdCall = calls.get() + n;
        }

        public void awaitHeld() throws InterruptedException {
            if (!held.await(60, TimeUnit.SECONDS)) {
                throw new AssertionError("the publish call to hold never came");
            }
        }

        public void release() {
            holdCall = -1;
            release.countDown();
        }
    }

    /** Every group's first run (started right after start-up) has ended before any test moves the clock. */
    @BeforeEach
    protected void firstRunsEnded() {
        for (String group : groups()) {
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100)).until(() -> {
                List<Run> runs = runLog.latest(IntegrationType.HISTORICAL, group, 1000);
                return !runs.isEmpty() && runs.stream().allMatch(r -> r.state().finished());
            });
        }
    }

    private static List<String> groups() {
        List<String> groups = new ArrayList<>(List.of(SCRIPTED_GROUP));
        groups.addAll(SEEDED.keySet());
        return groups;
    }

    /** The first run of a group (its initial backfill at start-up). */
    protected Run firstRun(String group) {
        List<Run> runs = runLog.latest(IntegrationType.HISTORICAL, group, 1000);
        return runs.get(runs.size() - 1);
    }

    /** Waits until the run has ended and returns it. */
    protected Run awaitEnd(long runId) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(50))
                .until(() -> runLog.find(runId).orElseThrow().state().finished());
        return runLog.find(runId).orElseThrow();
    }

    protected Run awaitSucceeded(long runId) {
        Run run = awaitEnd(runId);
        if (run.state() != RunState.SUCCEEDED) {
            throw new AssertionError("run " + runId + " " + run.state() + ": " + run.error());
        }
        return run;
    }

    /**
     * The envelopes of the group published since the last call, from the queues wfm.agent, wfm.queue-interval,
     * wfm.agent-interval and wfm.agent-queue-interval (each drained until empty).
     */
    protected List<JsonNode> drain(String group) {
        JmsTemplate jms = new JmsTemplate(connectionFactory);
        jms.setReceiveTimeout(300);
        List<JsonNode> received = new ArrayList<>();
        for (String type : List.of("agent", "queue-interval", "agent-interval", "agent-queue-interval")) {
            for (var m = jms.receiveSelected("wfm." + type, "wfmGroup = '" + group + "'"); m != null;
                 m = jms.receiveSelected("wfm." + type, "wfmGroup = '" + group + "'")) {
                try {
                    received.add(JSON.readTree(((TextMessage) m).getText()));
                } catch (JMSException | IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        RECEIVED.computeIfAbsent(group, g -> Collections.synchronizedList(new ArrayList<>())).addAll(received);
        return received;
    }

    /** Every envelope of the group drained so far (all tests). */
    protected static List<JsonNode> receivedSoFar(String group) {
        return List.copyOf(RECEIVED.getOrDefault(group, List.of()));
    }

    private static Path tempDir() {
        try {
            Path dir = Files.createTempDirectory("artemis-historical-test");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> FileSystemUtils.deleteRecursively(dir.toFile())));
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
