package dev.wfmconnector.simulator.pubsub;

import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import dev.wfmconnector.simulator.auth.AccessTokens;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static dev.wfmconnector.simulator.pubsub.PlatformEventSchemas.AGENT_STATE_TOPIC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Throughput of the Pub/Sub simulator, so later benchmarks know it is not their bottleneck: how fast it accepts
 * agent-state events, and how fast it delivers a backlog to the real camel-salesforce consumer over TLS (default
 * batch size 100, flow control on) and to a plain gRPC client with the same flow control (the server alone). Run: {@code ./mvnw -q -Pbenchmark test -Dtest=PubSubServerBenchmark}.
 */
@Tag("benchmark")
class PubSubServerBenchmark {

    private static final int EVENTS = 100_000;

    @Test
    void eventsPerSecondDeliveredToTheCamelSalesforceConsumer(@TempDir Path dir) throws Exception {
        AccessTokens tokens = new AccessTokens("00D000000000001EAA", Duration.ofHours(2), Clock.systemUTC());
        try (PubSubServer server = PubSubServer.builder(tokens).start();
             TokenEndpointFixture login = new TokenEndpointFixture(tokens)) {
            long publishStart = System.nanoTime();
            String last = null;
            for (int i = 0; i < EVENTS; i++) {
                last = Base64.getEncoder().encodeToString(server.publish(AGENT_STATE_TOPIC, Map.of(
                        "UserId__c", "005000000000042AAA", "StatusName__c", i % 2 == 0 ? "Ready" : "On call",
                        "StatusStartDate__c", Instant.now())));
            }
            Duration publishing = Duration.ofNanos(System.nanoTime() - publishStart);

            long deliveryStart = System.nanoTime();
            try (CamelSubscriber subscriber = JvmTrust.trusting(server, dir,
                    () -> new CamelSubscriber(server, login, AGENT_STATE_TOPIC, "replayPreset=EARLIEST", Duration.ZERO))) {
                await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(50))
                        .until(() -> subscriber.receivedCount() >= EVENTS);
                Duration delivery = Duration.ofNanos(System.nanoTime() - deliveryStart);
                List<CamelSubscriber.Received> received = subscriber.received();

                assertThat(received).hasSize(EVENTS);
                assertThat(received.get(EVENTS - 1).replayId()).isEqualTo(last);
                System.out.printf("Pub/Sub simulator: published %,d events in %,d ms (%,.0f events/s)%n",
                        EVENTS, publishing.toMillis(), EVENTS / seconds(publishing));
                System.out.printf("Pub/Sub simulator: delivered %,d events to camel-salesforce pubSubSubscribe over TLS"
                        + " in %,d ms (%,.0f events/s, login and subscribe included)%n",
                        EVENTS, delivery.toMillis(), EVENTS / seconds(delivery));
            }
        }
    }

    @Test
    void eventsPerSecondTheServerStreamsToAPlainGrpcClient() throws Exception {
        AccessTokens tokens = new AccessTokens("00D000000000001EAA", Duration.ofHours(2), Clock.systemUTC());
        try (PubSubServer server = PubSubServer.builder(tokens).start()) {
            for (int i = 0; i < EVENTS; i++) {
                server.publish(AGENT_STATE_TOPIC, Map.of("UserId__c", "005000000000042AAA", "StatusName__c", "Ready"));
            }
            ManagedChannel channel = NettyChannelBuilder.forAddress("localhost", server.port())
                    .sslContext(GrpcSslContexts.forClient().trustManager(server.certificate()).build()).build();
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), tokens.issue());
            headers.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), "https://sim.my.salesforce.com");
            headers.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), tokens.orgId());
            CountDownLatch done = new CountDownLatch(EVENTS);
            long start = System.nanoTime();
            AtomicReference<StreamObserver<FetchRequest>> requests = new AtomicReference<>();
            requests.set(PubSubGrpc.newStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers))
                    .subscribe(new StreamObserver<>() {
                        @Override
                        public void onNext(FetchResponse response) {
                            response.getEventsList().forEach(event -> done.countDown());
                            int more = 100 - response.getPendingNumRequested();
                            if (more > 0) {
                                requests.get().onNext(FetchRequest.newBuilder().setNumRequested(more).build());
                            }
                        }

                        @Override
                        public void onError(Throwable error) {
                            throw new AssertionError(error);
                        }

                        @Override
                        public void onCompleted() {
                        }
                    }));
            requests.get().onNext(FetchRequest.newBuilder().setTopicName(AGENT_STATE_TOPIC)
                    .setReplayPreset(ReplayPreset.EARLIEST).setNumRequested(100).build());

            assertThat(done.await(5, TimeUnit.MINUTES)).isTrue();
            Duration streaming = Duration.ofNanos(System.nanoTime() - start);
            channel.shutdownNow();
            System.out.printf("Pub/Sub simulator: streamed %,d events to a plain gRPC client over TLS (100 requested"
                    + " at a time) in %,d ms (%,.0f events/s)%n", EVENTS, streaming.toMillis(), EVENTS / seconds(streaming));
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }
}
