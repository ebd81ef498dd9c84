package dev.wfmconnector.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import com.salesforce.eventbus.protobuf.TopicRequest;
import dev.wfmconnector.simulator.auth.AccessTokens;
import dev.wfmconnector.simulator.pubsub.PlatformEventSchemas;
import dev.wfmconnector.simulator.pubsub.PubSubServer;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The tap on a channel built the way camel-salesforce builds its own ({@code ManagedChannelBuilder.forAddress}),
 * against the Pub/Sub simulator: it sees each stream's first request, every response before the client does, how
 * streams end, and once retired the channel starts no more calls.
 */
class PubSubTapTest {

    private static final String TOPIC = PlatformEventSchemas.AGENT_STATE_TOPIC;

    private final AccessTokens tokens = new AccessTokens("00D000000000001EAA", Duration.ofHours(2), Clock.systemUTC());
    private final List<String> seen = Collections.synchronizedList(new ArrayList<>());
    private final List<String> clientSaw = Collections.synchronizedList(new ArrayList<>());
    private PubSubServer server;
    private ManagedChannel channel;
    private PubSubTap tap;

    @BeforeEach
    void start() throws Exception {
        server = PubSubServer.builder(tokens).plaintext().keepAliveInterval(Duration.ofMillis(300)).start();
        tap = new PubSubTap(new PubSubTap.Observer() {
            @Override
            public void subscribing(FetchRequest first) {
                seen.add("subscribing " + first.getReplayPreset());
            }

            @Override
            public void answered(FetchResponse response) {
                seen.add("answered " + response.getEventsCount() + ", the client had seen " + clientSaw.size());
            }

            @Override
            public void closed(Status status, String errorCode) {
                seen.add("closed " + status.getCode() + " " + errorCode);
            }
        });
        channel = TappedChannels.building(tap, () -> ManagedChannelBuilder.forAddress("localhost", server.port())
                .usePlaintext().build());
    }

    @AfterEach
    void stop() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void seesTheFirstRequestEveryResponseBeforeTheClientAndHowTheStreamEnded() {
        subscribe();
        await().atMost(Duration.ofSeconds(10)).until(() -> clientSaw.contains("0 events"));
        server.publish(TOPIC, Map.of("UserId__c", "005000000000042AAA", "StatusName__c", "Ready"));

        await().atMost(Duration.ofSeconds(10)).until(() -> clientSaw.contains("1 events"));
        server.dropAllStreams();

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(s -> s.startsWith("closed")));
        List<String> answers = seen.stream().filter(s -> s.startsWith("answered")).toList();
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i)).as("the tap sees each response first").endsWith("the client had seen " + i);
        }
        assertThat(answers).anyMatch(a -> a.startsWith("answered 1,")).anyMatch(a -> a.startsWith("answered 0,"));
        assertThat(seen.get(0)).isEqualTo("subscribing LATEST");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("closed UNAVAILABLE null");
    }

    @Test
    void reportsSalesforcesErrorCode() {
        server.failNextSubscribeWithCorruptedReplayId();
        subscribe();

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.stream().anyMatch(s -> s.startsWith("closed")));
        assertThat(seen).contains("closed INVALID_ARGUMENT sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted");
    }

    @Test
    void aRetiredChannelStartsNoMoreCallsAndLeavesOtherChannelsAlone() throws Exception {
        tap.retire();
        subscribe();
        int streams = server.openStreams();

        assertThat(streams).isZero();
        assertThat(seen).isEmpty();
        ManagedChannel untapped = ManagedChannelBuilder.forAddress("localhost", server.port()).usePlaintext().build();
        try {
            assertThat(stub(PubSubGrpc.newBlockingStub(untapped)).getTopic(TopicRequest.newBuilder().setTopicName(TOPIC)
                    .build()).getTopicName()).isEqualTo(TOPIC);
        } finally {
            untapped.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private void subscribe() {
        StreamObserver<FetchRequest> requests = stub(PubSubGrpc.newStub(channel)).subscribe(new StreamObserver<>() {
            @Override
            public void onNext(FetchResponse response) {
                clientSaw.add(response.getEventsCount() + " events");
            }

            @Override
            public void onError(Throwable t) {
            }

            @Override
            public void onCompleted() {
            }
        });
        requests.onNext(FetchRequest.newBuilder().setTopicName(TOPIC).setReplayPreset(ReplayPreset.LATEST)
                .setNumRequested(10).build());
    }

    private <S extends io.grpc.stub.AbstractStub<S>> S stub(S stub) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), tokens.issue());
        headers.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), "http://127.0.0.1");
        headers.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), tokens.orgId());
        return stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }
}
