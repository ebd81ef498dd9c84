package dev.wfmconnector.realtime;

import static dev.wfmconnector.realtime.SimulatedSalesforce.GROUP;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.integration.RealtimeGateOpened;
import dev.wfmconnector.realtime.SimulatedSalesforce.Published;
import dev.wfmconnector.status.IntegrationState;
import dev.wfmconnector.status.IntegrationStates;
import dev.wfmconnector.store.AgentRegistry;
import dev.wfmconnector.store.PresenceStatus;
import dev.wfmconnector.store.PresenceStatusCatalog;
import dev.wfmconnector.store.RealtimeGates;
import dev.wfmconnector.store.SalesforceUser;
import dev.wfmconnector.store.StoredUser;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.salesforce.AuthenticationType;
import org.apache.camel.component.salesforce.SalesforceComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.util.FileSystemUtils;

/**
 * Realtime throughput and latency on the production path: the simulator publishes 1,000 agent-state events a
 * second for 60 seconds; the whole application (TLS Pub/Sub client, registry and catalog lookups, persistent JMS on
 * the embedded broker, checkpoints in the H2 file store) turns them into {@code wfm.agent-state} messages, which a
 * JMS listener receives. Latency is from the simulator's publish call to the JMS message; loss and duplicates are
 * counted on the queue and on the connector's own published count. In the same run the same events go through a
 * bare {@code pubSubSubscribe} → log route (its own component and stream) for the ratio of the two throughputs.
 * Prints figures; run with {@code ./mvnw -q -Pbenchmark test -Dtest=RealtimeBenchmark}.
 */
@Tag("benchmark")
class RealtimeBenchmark {

    private static final int RATE = 1_000;
    private static final Duration LOAD = Duration.ofSeconds(60);
    /** Until the JIT has compiled most of the path: on 2 cores its compiler threads otherwise compete with the load. */
    private static final Duration WARM_UP = Duration.ofSeconds(90);
    private static final int AGENTS = 500;
    private static final String[] ACTIVITIES = {"Ready", "On call", "Not ready", "Admin", "Idle", "Lunch", "Offline"};
    private static final Pattern REPLAY_ID = Pattern.compile("\"replayId\":\"([^\"]+)\"");

    @Test
    void agentStatesAtOneThousandEventsASecond() throws Exception {
        Path directory = Files.createTempDirectory("realtime-benchmark");
        try (SimulatedSalesforce salesforce = SimulatedSalesforce.scripted(0, directory)) {
            List<String> agents = agents(salesforce);
            try (ConfigurableApplicationContext application = salesforce.startConnector(directory,
                    Map.of("logging.level.org.apache.camel.component.salesforce", "WARN"));
                 JmsArrivals connector = new JmsArrivals(application.getBean(ConnectionFactory.class));
                 BareRoute bare = new BareRoute(salesforce)) {
                openTheGate(application, salesforce, agents);

                Load warmUp = publish(salesforce, agents, WARM_UP);
                awaitArrivals(List.of(connector.arrivals, bare.arrivals), warmUp.replayIds(), Duration.ofSeconds(60));
                connector.arrivals.clear();
                bare.arrivals.clear();
                double publishedBefore = published(application);
                long compilingBefore = ManagementFactory.getCompilationMXBean().getTotalCompilationTime();

                Load load = publish(salesforce, agents, LOAD);
                awaitArrivals(List.of(connector.arrivals, bare.arrivals), load.replayIds(), Duration.ofSeconds(120));
                Thread.sleep(1_000);

                long compilingMillis = ManagementFactory.getCompilationMXBean().getTotalCompilationTime() - compilingBefore;
                System.out.printf("%nRealtime benchmark: %,d events at %,d/s for %d s (%d agents), sent %.1f s, after "
                                + "%d s of warm-up; JIT compiling during the load: %.1f s, %d CPUs%n",
                        load.events().size(), RATE, LOAD.toSeconds(), AGENTS, load.seconds(), WARM_UP.toSeconds(),
                        compilingMillis / 1e3, Runtime.getRuntime().availableProcessors());
                Figures connectorFigures = report("connector (Pub/Sub → records → persistent JMS → checkpoint)",
                        load, connector.arrivals, connector.duplicates.get());
                System.out.printf("  connector published count: %,.0f (events %,d)%n",
                        published(application) - publishedBefore, load.events().size());
                Timer lag = application.getBean(MeterRegistry.class).find("wfm.realtime.event.lag").timer();
                System.out.printf("  wfm.realtime.event.lag (CreatedDate → published, whole run incl. warm-up and subscription start): mean %.1f ms, max %.1f ms%n",
                        lag.mean(TimeUnit.MILLISECONDS), lag.max(TimeUnit.MILLISECONDS));
                Figures bareFigures = report("bare pubSubSubscribe → log route", load, bare.arrivals, 0);
                System.out.printf("  throughput ratio connector / bare: %.3f%n%n",
                        connectorFigures.throughput() / bareFigures.throughput());
            }
        } finally {
            FileSystemUtils.deleteRecursively(directory.toFile());
        }
    }

    /** Agents of the synthetic load: synced in the registry, with a name. */
    private static List<String> agents(SimulatedSalesforce salesforce) {
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(salesforce.org().org().addUser("Agent", String.format("Number %03d", i)).id());
        }
        return agents;
    }

    /** Opens the gate and waits until the connector's stream is open beside the bare route's. */
    private static void openTheGate(ConfigurableApplicationContext application, SimulatedSalesforce salesforce,
                                    List<String> agents) {
        application.getBean(AgentRegistry.class).save(GROUP, agents.stream()
                .map(id -> salesforce.org().org().user(id))
                .map(u -> StoredUser.published(new SalesforceUser(u.id(), u.username(), u.firstName(), u.lastName(),
                        u.name(), u.email(), u.active(), u.federationIdentifier(), u.timeZoneSidKey()), 1))
                .toList());
        application.getBean(PresenceStatusCatalog.class).replace(GROUP, salesforce.org().org().presenceStatuses()
                .stream().map(s -> new PresenceStatus(s.id(), s.masterLabel(), s.developerName())).toList());
        application.getBean(RealtimeGates.class).open(GROUP, 1, Instant.now());
        application.publishEvent(new RealtimeGateOpened(GROUP));
        IntegrationStates states = application.getBean(IntegrationStates.class);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> states.get(IntegrationType.REALTIME, GROUP).state() == IntegrationState.RUNNING);
        await().atMost(Duration.ofSeconds(60)).until(() -> salesforce.pubSub().openStreams() >= 2);
    }

    /** Events sent during the load, in order. */
    private record Load(List<Published> events, double seconds) {
        List<String> replayIds() {
            return events.stream().map(Published::replayId).toList();
        }
    }

    /** Publishes {@value #RATE} events a second, a tenth of them every 10 ms, for {@code duration}. */
    private static Load publish(SimulatedSalesforce salesforce, List<String> agents, Duration duration)
            throws InterruptedException {
        int before = salesforce.published().size();
        int total = (int) (duration.toSeconds() * RATE);
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        long start = System.nanoTime();
        publisher.scheduleAtFixedRate(() -> {
            long due = Math.min(total, (System.nanoTime() - start) * RATE / 1_000_000_000L + RATE / 100);
            while (sent.get() < due) {
                int i = sent.getAndIncrement();
                salesforce.publish(Map.of("UserId__c", agents.get(i % agents.size()),
                        "StatusName__c", ACTIVITIES[i % ACTIVITIES.length], "StatusStartDate__c", Instant.now()));
            }
        }, 0, 10, TimeUnit.MILLISECONDS);
        await().atMost(duration.plusSeconds(30)).pollInterval(Duration.ofMillis(50)).until(() -> sent.get() >= total);
        double seconds = (System.nanoTime() - start) / 1e9;
        publisher.shutdownNow();
        publisher.awaitTermination(5, TimeUnit.SECONDS);
        List<Published> all = salesforce.published();
        return new Load(all.subList(before, before + total), seconds);
    }

    private static void awaitArrivals(List<Map<String, Long>> arrivals, List<String> replayIds, Duration atMost) {
        try {
            await().atMost(atMost).pollInterval(Duration.ofMillis(200))
                    .until(() -> arrivals.stream().allMatch(a -> a.keySet().containsAll(replayIds)));
        } catch (RuntimeException e) {
            System.out.println("not every event arrived within " + atMost.toSeconds() + " s");
        }
    }

    private record Figures(double throughput) {
    }

    private static Figures report(String path, Load load, Map<String, Long> arrivals, int duplicates) {
        long[] latencies = load.events().stream().filter(e -> arrivals.containsKey(e.replayId()))
                .mapToLong(e -> arrivals.get(e.replayId()) - e.publishedNanos()).sorted().toArray();
        long lost = load.events().size() - latencies.length;
        long first = load.events().get(0).publishedNanos();
        long last = load.events().stream().map(Published::replayId).filter(arrivals::containsKey)
                .mapToLong(arrivals::get).max().orElse(first);
        double throughput = latencies.length / ((last - first) / 1e9);
        System.out.printf("%s:%n  latency publish → arrival: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n"
                        + "  received %,d, lost %,d, duplicates %,d, throughput %,.0f events/s%n",
                path, percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies.length == 0 ? 0 : latencies[latencies.length - 1] / 1e6,
                latencies.length, lost, duplicates, throughput);
        assertThat(latencies).isNotEmpty();
        return new Figures(throughput);
    }

    private static double percentile(long[] sorted, int percent) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double published(ConfigurableApplicationContext application) {
        var counter = application.getBean(MeterRegistry.class).find("wfm.realtime.events.published").counter();
        return counter == null ? 0 : counter.count();
    }

    /** A JMS listener on {@code wfm.agent-state}: when each replay id arrived, and how many arrived twice. */
    private static final class JmsArrivals implements AutoCloseable {
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        final AtomicInteger duplicates = new AtomicInteger();
        private final Connection connection;

        JmsArrivals(ConnectionFactory connectionFactory) throws Exception {
            connection = connectionFactory.createConnection();
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageConsumer consumer = session.createConsumer(session.createQueue(AgentStateMessages.QUEUE));
            consumer.setMessageListener(message -> {
                long now = System.nanoTime();
                try {
                    Matcher replayId = REPLAY_ID.matcher(((TextMessage) message).getText());
                    if (replayId.find() && arrivals.putIfAbsent(replayId.group(1), now) != null) {
                        duplicates.incrementAndGet();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            connection.start();
        }

        @Override
        public void close() throws Exception {
            connection.close();
        }
    }

    /** camel-salesforce's consumer alone, in a CamelContext of its own: pubSubSubscribe → log. */
    private static final class BareRoute implements AutoCloseable {
        final Map<String, Long> arrivals = new ConcurrentHashMap<>();
        private final DefaultCamelContext context = new DefaultCamelContext();

        BareRoute(SimulatedSalesforce salesforce) throws Exception {
            SalesforceComponent component = new SalesforceComponent();
            component.setLoginUrl(salesforce.org().baseUrl());
            component.setClientId(SimulatedSalesforce.CLIENT_ID);
            component.setClientSecret(SimulatedSalesforce.CLIENT_SECRET);
            component.setAuthenticationType(AuthenticationType.CLIENT_CREDENTIALS);
            component.setPubSubHost("localhost");
            component.setPubSubPort(salesforce.pubSub().port());
            context.addComponent("salesforce", component);
            context.addRoutes(new RouteBuilder() {
                @Override
                public void configure() {
                    from("salesforce:pubSubSubscribe:/event/" + SimulatedSalesforce.TOPIC
                            + "?replayPreset=LATEST&pubSubDeserializeType=GENERIC_RECORD")
                            .process(e -> arrivals.putIfAbsent(
                                    e.getMessage().getHeader("CamelSalesforcePubSubReplayId", String.class), System.nanoTime()))
                            .to("log:bare-subscriber?level=DEBUG");
                }
            });
            context.start();
            int streams = salesforce.pubSub().openStreams();
            await().atMost(Duration.ofSeconds(30)).until(() -> salesforce.pubSub().openStreams() > streams);
        }

        @Override
        public void close() {
            context.stop();
        }
    }
}
