package dev.wfmconnector.realtime;

import dev.wfmconnector.ConnectorApplication;
import dev.wfmconnector.simulator.SalesforceOrgSimulator;
import dev.wfmconnector.simulator.pubsub.JvmTrust;
import dev.wfmconnector.simulator.pubsub.PubSubServer;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * TEST ONLY: a simulated Salesforce org for the realtime integration: OAuth and REST on loopback, its Pub/Sub API
 * over TLS (trusted through the JVM's {@code javax.net.ssl.trustStore}, as camel-salesforce's channel uses the default
 * trust managers), and optionally its contact-center scenario running live on a fast clock so agents change presence
 * often. Records every platform event published (scenario or {@link #publish}) with its replay id and when, in order.
 */
final class SimulatedSalesforce implements AutoCloseable {

    static final String GROUP = "emea";
    static final String TOPIC = SalesforceOrgSimulator.AGENT_STATE_EVENT;
    static final String CLIENT_ID = "3MVG9-realtime-client";
    static final String CLIENT_SECRET = "rt-S3cret-7d1e09";
    static final String API_PASSWORD = "Adm1n-Realtime-Pa55";

    /** One published platform event. */
    record Published(String userId, String activity, String replayId, long publishedNanos) {
    }

    private final SalesforceOrgSimulator org;
    private final PubSubServer pubSub;
    private final List<Published> published = new ArrayList<>();
    private final AtomicBoolean refuseSubscribes = new AtomicBoolean();
    private final JvmTrust jvmTrust;

    private SimulatedSalesforce(int agents, boolean live, double speed, Path directory) throws IOException {
        Clock clock = live ? new FastClock(Instant.parse("2026-11-24T09:30:00Z"), speed) : Clock.systemUTC();
        this.org = SalesforceOrgSimulator.builder()
                .client(CLIENT_ID, CLIENT_SECRET)
                .agents(agents)
                .live(live)
                .clock(clock)
                .tokenTimeToLive(Duration.ofDays(30))
                .build();
        this.pubSub = PubSubServer.builder(org.accessTokens())
                .keepAliveInterval(Duration.ofSeconds(5))
                .interceptor(new RefuseSubscribes())
                .start();
        org.connectPubSub(this::publishAndRecord, pubSub);
        jvmTrust = JvmTrust.remember().trust(pubSub, directory.resolve("pubsub-trust.p12"));
        org.start();
    }

    /** An org of {@code agents} whose scenario runs live, {@code speed} times faster than real time. */
    static SimulatedSalesforce live(int agents, double speed, Path directory) throws IOException {
        return new SimulatedSalesforce(agents, true, speed, directory);
    }

    /** An org whose agents change presence only when a test says so. */
    static SimulatedSalesforce scripted(int agents, Path directory) throws IOException {
        return new SimulatedSalesforce(agents, false, 1, directory);
    }

    /**
     * The connector's settings for group {@value #GROUP}: its historical integration logs in with a client the org
     * does not know (it can never open the gate by itself: tests open it), its realtime integration with one it
     * knows, against this org's Pub/Sub API; the state store and the broker's journal under {@code directory}.
     */
    private Map<String, Object> connectorProperties(Path directory) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("spring.security.user.name", "admin");
        p.put("spring.security.user.password", API_PASSWORD);
        p.put("spring.datasource.url", "jdbc:h2:file:" + directory.resolve("connector") + ";AUTO_SERVER=FALSE");
        p.put("spring.artemis.embedded.data-directory", directory.resolve("artemis").toString());
        p.put("connector.historical[0].group", GROUP);
        p.put("connector.historical[0].oauth-client-id", "3MVG9-historical-client-unknown-to-the-org");
        p.put("connector.historical[0].oauth-client-secret", "hist-S3cret-40c2aa");
        p.put("connector.historical[0].oauth-url", org.baseUrl());
        p.put("connector.historical[0].api-version", "53.0");
        p.put("connector.historical[0].admin-time-activities", "Admin; Email");
        p.put("connector.historical[0].idle-time-activities", "Idle");
        p.put("connector.historical[0].not-ready-activities", "Not ready; Training");
        p.put("connector.historical[0].ready-time-activities", "Ready; On call");
        p.put("connector.realtime[0].group", GROUP);
        p.put("connector.realtime[0].oauth-client-id", CLIENT_ID);
        p.put("connector.realtime[0].oauth-client-secret", CLIENT_SECRET);
        p.put("connector.realtime[0].oauth-url", org.baseUrl());
        p.put("connector.realtime[0].api-version", "53.0");
        p.put("connector.realtime[0].platform-event-name", TOPIC);
        p.put("connector.realtime[0].pubsub-host", "localhost");
        p.put("connector.realtime[0].pubsub-port", String.valueOf(pubSub.port()));
        p.put("connector.runtime.initial-retry", "PT2S");
        p.put("connector.runtime.realtime.reconnect-timeout", "PT3S");
        p.put("connector.runtime.realtime.fail-after", "PT25S");
        return p;
    }

    /**
     * Starts the connector on a free port with {@link #connectorProperties} and {@code extra} (which win), passed as
     * command-line arguments: they take precedence over application.yaml ({@code SpringApplicationBuilder.properties}
     * only sets defaults, below it).
     */
    ConfigurableApplicationContext startConnector(Path directory, Map<String, Object> extra) {
        Map<String, Object> properties = new LinkedHashMap<>(connectorProperties(directory));
        properties.put("server.port", "0");
        properties.putAll(extra);
        return new SpringApplicationBuilder(ConnectorApplication.class).run(properties.entrySet().stream()
                .map(p -> "--" + p.getKey() + "=" + p.getValue()).toArray(String[]::new));
    }

    SalesforceOrgSimulator org() {
        return org;
    }

    PubSubServer pubSub() {
        return pubSub;
    }

    /** Publishes an agent-state event with these fields (as a flow or trigger in the org would). */
    String publish(Map<String, Object> fields) {
        return Base64.getEncoder().encodeToString(publishAndRecord("/event/" + TOPIC, fields));
    }

    /** Every event published so far, in replay order. */
    List<Published> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    /** While on, every new Subscribe stream is refused with UNAVAILABLE at once (an outage of the Pub/Sub API). */
    void refuseSubscribes(boolean refuse) {
        refuseSubscribes.set(refuse);
    }

    private byte[] publishAndRecord(String topic, Map<String, Object> fields) {
        synchronized (published) {
            long now = System.nanoTime();
            byte[] replayId = pubSub.publish(topic, fields);
            Object userId = fields.get("UserId__c");
            Object activity = fields.get("StatusName__c");
            published.add(new Published(userId == null ? null : userId.toString(),
                    activity == null ? null : activity.toString(), Base64.getEncoder().encodeToString(replayId), now));
            return replayId;
        }
    }

    @Override
    public void close() {
        org.close();
        pubSub.close();
        jvmTrust.close();
    }

    /** Refuses Subscribe calls while {@link #refuseSubscribes} is on. */
    private final class RefuseSubscribes implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                                                           ServerCallHandler<Q, R> next) {
            if (refuseSubscribes.get() && call.getMethodDescriptor().getBareMethodName().equals("Subscribe")) {
                call.close(Status.UNAVAILABLE.withDescription("simulated Pub/Sub API outage"), new Metadata());
                return new ServerCall.Listener<>() {
                };
            }
            return next.startCall(call, headers);
        }
    }

    /** A clock running {@code speed} times faster than real time from {@code start}. */
    private static final class FastClock extends Clock {
        private final Instant start;
        private final double speed;
        private final long startNanos;
        private final ZoneId zone;

        FastClock(Instant start, double speed) {
            this(start, speed, System.nanoTime(), ZoneOffset.UTC);
        }

        private FastClock(Instant start, double speed, long startNanos, ZoneId zone) {
            this.start = start;
            this.speed = speed;
            this.startNanos = startNanos;
            this.zone = zone;
        }

        @Override
        public Instant instant() {
            return start.plusNanos((long) ((System.nanoTime() - startNanos) * speed));
        }

        @Override
        public ZoneId getZone() {
            return zone;
        }

        @Override
        public Clock withZone(ZoneId newZone) {
            return new FastClock(start, speed, startNanos, newZone);
        }
    }
}
