package dev.wfmconnector.simulator.pubsub;

import com.salesforce.eventbus.protobuf.ProducerEvent;
import dev.wfmconnector.simulator.PlatformEvents;
import dev.wfmconnector.simulator.auth.AccessTokens;
import io.grpc.Server;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyServerBuilder;
import io.netty.handler.ssl.SslContextBuilder;
import org.apache.avro.Schema;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The simulated org's Salesforce Pub/Sub API: a gRPC {@code eventbus.v1.PubSub} server on a loopback port, over TLS
 * with a certificate generated at start (or plaintext), speaking the protocol camel-salesforce's
 * {@code pubSubSubscribe} consumer expects. It serves {@value PlatformEventSchemas#AGENT_STATE_TOPIC} and any
 * registered topic; the scenario engine publishes through {@link PlatformEvents}, tests and the admin endpoint
 * inject {@link PubSubFaults}. Calls authenticate with tokens of the shared {@link AccessTokens}.
 * <pre>{@code
 * try (PubSubServer pubSub = PubSubServer.builder(tokens).start()) {
 *     byte[] replayId = pubSub.publish(PlatformEventSchemas.AGENT_STATE_TOPIC, Map.of("UserId__c", userId, ...));
 * }
 * }</pre>
 */
public final class PubSubServer implements PlatformEvents, PubSubFaults, AutoCloseable {

    /** Salesforce keeps events 72 hours. */
    public static final Duration DEFAULT_RETENTION = Duration.ofHours(72);
    /** Salesforce sends an empty keep-alive response within 270 seconds when there is nothing to deliver. */
    public static final Duration DEFAULT_KEEP_ALIVE_INTERVAL = Duration.ofSeconds(270);
    /** {@code CreatedById} of events published without one: the simulated org's automated process user. */
    public static final String DEFAULT_CREATED_BY_ID = "005000000000001AAA";

    private static final Logger LOG = LoggerFactory.getLogger(PubSubServer.class);
    private static final Duration CERTIFICATE_VALIDITY = Duration.ofDays(365);

    private final Server server;
    private final EventBus bus;
    private final PubSubService service;
    private final ScheduledThreadPoolExecutor scheduler;
    private final SelfSignedCertificate certificate;
    private final Clock clock;
    private final String createdById;

    private PubSubServer(Builder builder) throws IOException {
        this.clock = builder.clock;
        this.createdById = builder.createdById;
        this.bus = new EventBus(builder.retention, clock);
        bus.register(PlatformEventSchemas.AGENT_STATE_TOPIC, PlatformEventSchemas.AGENT_STATE);
        this.scheduler = new ScheduledThreadPoolExecutor(2, daemonThreads());
        scheduler.setRemoveOnCancelPolicy(true);
        this.service = new PubSubService(bus, builder.tokens, scheduler, builder.keepAliveInterval);
        this.certificate = builder.tls ? SelfSignedCertificate.generate(Instant.now(), CERTIFICATE_VALIDITY) : null;
        List<ServerInterceptor> interceptors = new ArrayList<>();
        interceptors.add(new AuthInterceptor(builder.tokens));
        interceptors.addAll(builder.interceptors);
        NettyServerBuilder netty = NettyServerBuilder
                .forAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), builder.port))
                .addService(ServerInterceptors.intercept(service, interceptors));
        if (certificate != null) {
            netty.sslContext(GrpcSslContexts.configure(
                    SslContextBuilder.forServer(certificate.privateKey(), certificate.certificate())).build());
        }
        try {
            this.server = netty.build().start();
        } catch (IOException | RuntimeException e) {
            scheduler.shutdownNow();
            throw e;
        }
        LOG.info("Salesforce Pub/Sub API simulator listening on localhost:{} ({})", port(), isTls() ? "TLS" : "plaintext");
    }

    /** A server for the org of {@code tokens}; see {@link Builder} for the settings and their defaults. */
    public static Builder builder(AccessTokens tokens) {
        return new Builder(tokens);
    }

    /** The loopback port the server listens on. */
    public int port() {
        return server.getPort();
    }

    public boolean isTls() {
        return certificate != null;
    }

    /** The server's self-signed certificate (for {@code localhost} and {@code 127.0.0.1}); only with TLS. */
    public X509Certificate certificate() {
        if (certificate == null) {
            throw new IllegalStateException("The Pub/Sub simulator runs without TLS");
        }
        return certificate.certificate();
    }

    /**
     * Writes a PKCS#12 trust store holding only the server's certificate, for clients that trust through
     * {@code javax.net.ssl.trustStore} (camel-salesforce's gRPC channel uses the JVM's default trust managers).
     */
    public void writeTrustStore(Path file, char[] password) {
        try (OutputStream out = Files.newOutputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setCertificateEntry("salesforce-pubsub-simulator", certificate());
            store.store(out, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot write the trust store", e);
        }
    }

    /**
     * Adds a topic, e.g. a change data capture channel {@code /data/AccountChangeEvent} whose events are published
     * with {@link #publish}. Platform event topics ({@code /event/...}) also accept the Publish RPC.
     */
    public void registerTopic(String topicName, Schema schema) {
        bus.register(topicName, schema);
    }

    /**
     * Publishes an event built from {@code fields} (API names; instants become epoch milliseconds); fields left
     * out take their schema defaults, {@code CreatedDate} is now and {@code CreatedById} the automated user.
     *
     * @throws IllegalArgumentException for an unknown topic or fields that do not fit its schema
     */
    @Override
    public byte[] publish(String topicName, Map<String, Object> fields) {
        EventTopic topic = bus.topic(topicName)
                .orElseThrow(() -> new IllegalArgumentException("No topic " + topicName + " in the Pub/Sub simulator"));
        ProducerEvent event = ProducerEvent.newBuilder()
                .setId(UUID.randomUUID().toString())
                .setSchemaId(topic.schemaId())
                .setPayload(AvroPayloads.encode(AvroPayloads.record(topic.schema(), fields, clock.instant(), createdById)))
                .build();
        return ReplayIds.encode(bus.publish(topic, event)).toByteArray();
    }

    /** Number of Subscribe streams open right now. */
    public int openStreams() {
        return bus.subscriptions().size();
    }

    @Override
    public void dropAllStreams() {
        service.dropAllStreams();
    }

    @Override
    public void failNextSubscribeWithCorruptedReplayId() {
        service.failNextSubscribeWithCorruptedReplayId();
    }

    @Override
    public void delayDeliveries(Duration delay) {
        service.delayDeliveries(delay);
    }

    /** Stops at once: open streams end with an error on the client side. */
    @Override
    public void close() {
        server.shutdownNow();
        try {
            server.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            scheduler.shutdownNow();
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = Executors.defaultThreadFactory().newThread(task);
            thread.setName("pubsub-simulator-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a {@link PubSubServer}; every one has a default. */
    public static final class Builder {
        private final AccessTokens tokens;
        private final List<ServerInterceptor> interceptors = new ArrayList<>();
        private int port;
        private boolean tls = true;
        private Clock clock = Clock.systemUTC();
        private Duration retention = DEFAULT_RETENTION;
        private Duration keepAliveInterval = DEFAULT_KEEP_ALIVE_INTERVAL;
        private String createdById = DEFAULT_CREATED_BY_ID;

        private Builder(AccessTokens tokens) {
            this.tokens = tokens;
        }

        /** Port on the loopback interface; 0 (the default) picks a free one. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Serves plaintext HTTP/2 instead of TLS (clients then need camel-salesforce's plaintext switch). */
        public Builder plaintext() {
            this.tls = false;
            return this;
        }

        /** Clock of event times and retention (default the system clock). */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        public Builder retention(Duration retention) {
            this.retention = retention;
            return this;
        }

        public Builder keepAliveInterval(Duration keepAliveInterval) {
            this.keepAliveInterval = keepAliveInterval;
            return this;
        }

        public Builder createdById(String createdById) {
            this.createdById = createdById;
            return this;
        }

        /** Adds a gRPC interceptor that sees every call, before authentication: e.g. to observe the wire in tests. */
        public Builder interceptor(ServerInterceptor interceptor) {
            interceptors.add(interceptor);
            return this;
        }

        public PubSubServer start() throws IOException {
            return new PubSubServer(this);
        }
    }
}
