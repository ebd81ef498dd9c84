package dev.wfmconnector.simulator.pubsub;

import dev.wfmconnector.simulator.MutableClock;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.ProducerEvent;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.PublishRequest;
import com.salesforce.eventbus.protobuf.PublishResponse;
import com.salesforce.eventbus.protobuf.ReplayPreset;
import com.salesforce.eventbus.protobuf.SchemaInfo;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import com.salesforce.eventbus.protobuf.TopicInfo;
import com.salesforce.eventbus.protobuf.TopicRequest;
import dev.wfmconnector.simulator.auth.AccessTokens;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The server's wire protocol, driven by a plain gRPC client built from the generated stubs. */
class PubSubServerProtocolTest {

    private static final String ORG_ID = "00D000000000001EAA";
    private static final String TOPIC = PlatformEventSchemas.AGENT_STATE_TOPIC;
    private static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final AccessTokens tokens = new AccessTokens(ORG_ID, Duration.ofHours(2), clock);
    private PubSubServer server;
    private ManagedChannel channel;
    private String token;

    @BeforeEach
    void start() throws Exception {
        server = PubSubServer.builder(tokens).plaintext().clock(clock).keepAliveInterval(Duration.ofMillis(300)).start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext().build();
        token = tokens.issue();
    }

    @AfterEach
    void stop() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        server.close();
    }

    @Test
    void getTopicAndGetSchemaDescribeTheAgentStateEvent() {
        TopicInfo topic = blocking(token).getTopic(TopicRequest.newBuilder().setTopicName(TOPIC).build());

        assertThat(topic.getTopicName()).isEqualTo(TOPIC);
        assertThat(topic.getTenantGuid()).isEqualTo(ORG_ID);
        assertThat(topic.getCanSubscribe()).isTrue();
        assertThat(topic.getCanPublish()).isTrue();
        assertThat(topic.getSchemaId()).hasSize(22);
        assertThat(topic.getRpcId()).isNotBlank();

        SchemaInfo schema = blocking(token).getSchema(SchemaRequest.newBuilder().setSchemaId(topic.getSchemaId()).build());

        assertThat(schema.getSchemaId()).isEqualTo(topic.getSchemaId());
        assertThat(new Schema.Parser().parse(schema.getSchemaJson())).isEqualTo(PlatformEventSchemas.AGENT_STATE);
    }

    @Test
    void unknownTopicsAndSchemasAreNotFound() {
        assertError(() -> blocking(token).getTopic(TopicRequest.newBuilder().setTopicName("/event/Nope__e").build()),
                Status.Code.NOT_FOUND, "sfdc.platform.eventbus.grpc.topic.not.found");
        assertError(() -> blocking(token).getSchema(SchemaRequest.newBuilder().setSchemaId("nope").build()),
                Status.Code.NOT_FOUND, "sfdc.platform.eventbus.grpc.schema.meta.permission");

        RawSubscriber subscriber = subscribe(token, fetch("/event/Nope__e", ReplayPreset.LATEST, 10));

        assertTrailer(subscriber.error(), Status.Code.NOT_FOUND, "sfdc.platform.eventbus.grpc.topic.not.found");
    }

    @Test
    void callsWithoutAValidTokenOrForAnotherOrgAreUnauthenticated() {
        String auth = "sfdc.platform.eventbus.grpc.service.auth.error";
        TopicRequest request = TopicRequest.newBuilder().setTopicName(TOPIC).build();

        assertError(() -> PubSubGrpc.newBlockingStub(channel).getTopic(request), Status.Code.UNAUTHENTICATED, auth);
        assertError(() -> blocking("00D000000000001!forged").getTopic(request), Status.Code.UNAUTHENTICATED, auth);
        assertError(() -> blocking(token, "00D000000000002EAA").getTopic(request), Status.Code.UNAUTHENTICATED, auth);
        tokens.revoke(token);
        assertError(() -> blocking(token).getTopic(request), Status.Code.UNAUTHENTICATED, auth);
        assertTrailer(subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 10)).error(), Status.Code.UNAUTHENTICATED, auth);
    }

    @Test
    void publishedAvroEventsGetIncreasingReplayIdsAndReachSubscribers() throws Exception {
        String schemaId = schemaId();
        RawSubscriber subscriber = subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 10));
        Thread.sleep(100);

        PublishResponse response = blocking(token).publish(PublishRequest.newBuilder().setTopicName(TOPIC)
                .addEvents(event(schemaId, "ev-1", "Ready"))
                .addEvents(event(schemaId, "ev-2", "On call"))
                .build());

        assertThat(response.getSchemaId()).isEqualTo(schemaId);
        assertThat(response.getResultsList()).allMatch(r -> !r.hasError());
        assertThat(response.getResultsList()).extracting(r -> r.getCorrelationKey()).containsExactly("ev-1", "ev-2");
        List<Long> positions = response.getResultsList().stream()
                .map(r -> ReplayIds.decode(r.getReplayId()).getAsLong()).toList();
        assertThat(positions).isSorted().doesNotHaveDuplicates();

        List<ConsumerEvent> received = subscriber.events(2);
        assertThat(received).extracting(e -> e.getEvent().getId()).containsExactly("ev-1", "ev-2");
        assertThat(received).extracting(ConsumerEvent::getReplayId)
                .containsExactlyElementsOf(response.getResultsList().stream().map(r -> r.getReplayId()).toList());
        GenericRecord record = AvroPayloads.decode(PlatformEventSchemas.AGENT_STATE, received.get(1).getEvent().getPayload());
        assertThat(record.get("StatusName__c")).hasToString("On call");
    }

    @Test
    void publishRefusesEventsThatDoNotFitTheTopicOneByOne() {
        String schemaId = schemaId();

        PublishResponse response = blocking(token).publish(PublishRequest.newBuilder().setTopicName(TOPIC)
                .addEvents(event(schemaId, "good", "Ready"))
                .addEvents(ProducerEvent.newBuilder().setId("garbage").setSchemaId(schemaId).setPayload(ByteString.copyFromUtf8("garbage!")))
                .addEvents(event("otherSchema", "wrong-schema", "Ready"))
                .build());

        assertThat(response.getResults(0).hasError()).isFalse();
        assertThat(response.getResults(1).getError().getMsg()).contains("does not match the schema");
        assertThat(response.getResults(2).getError().getMsg()).contains("otherSchema");
        assertError(() -> blocking(token).publish(PublishRequest.newBuilder().setTopicName(TOPIC).build()),
                Status.Code.INVALID_ARGUMENT, "sfdc.platform.eventbus.grpc.publish.event.count.invalid");
    }

    @Test
    void changeDataCaptureTopicsCanBeRegisteredButNotPublishedTo() {
        Schema schema = SchemaBuilder.record("AccountChangeEvent").namespace("com.sforce.eventbus")
                .fields().requiredLong("CreatedDate").requiredString("CreatedById").optionalString("Name").endRecord();
        server.registerTopic("/data/AccountChangeEvent", schema);

        TopicInfo topic = blocking(token).getTopic(TopicRequest.newBuilder().setTopicName("/data/AccountChangeEvent").build());
        server.publish("/data/AccountChangeEvent", Map.of("Name", "Acme"));
        RawSubscriber subscriber = subscribe(token, fetch("/data/AccountChangeEvent", ReplayPreset.EARLIEST, 5));

        assertThat(topic.getCanPublish()).isFalse();
        assertThat(topic.getCanSubscribe()).isTrue();
        assertThat(subscriber.events(1)).extracting(e -> e.getEvent().getSchemaId()).containsExactly(topic.getSchemaId());
    }

    @Test
    void deliversNoMoreThanRequestedAndReportsTheCreditLeft() {
        List<byte[]> replayIds = publish(5);
        RawSubscriber subscriber = subscribe(token, fetch(TOPIC, ReplayPreset.EARLIEST, 2));

        FetchResponse first = subscriber.next();
        assertThat(first.getEventsList()).hasSize(2);
        assertThat(first.getPendingNumRequested()).isZero();
        assertThat(first.getLatestReplayId().toByteArray()).isEqualTo(replayIds.get(1));
        FetchResponse idle = subscriber.next();
        assertThat(idle.getEventsList()).isEmpty();
        assertThat(idle.getLatestReplayId().toByteArray()).isEqualTo(replayIds.get(1));

        subscriber.request(10);
        FetchResponse rest = subscriber.next();
        assertThat(rest.getEventsList()).extracting(e -> e.getReplayId().toByteArray())
                .containsExactlyElementsOf(replayIds.subList(2, 5));
        assertThat(rest.getPendingNumRequested()).isEqualTo(7);
    }

    @Test
    void keepAlivesCarryTheLatestReplayIdAndTheCappedCredit() {
        byte[] last = publish(3).get(2);
        RawSubscriber subscriber = subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 500));

        FetchResponse keepAlive = subscriber.next();

        assertThat(keepAlive.getEventsList()).isEmpty();
        assertThat(keepAlive.getLatestReplayId().toByteArray()).isEqualTo(last);
        assertThat(keepAlive.getPendingNumRequested()).isEqualTo(Subscription.MAX_CREDIT);
        assertThat(subscriber.next().getEventsList()).isEmpty();
    }

    @Test
    void customReplayDeliversStrictlyAfterTheGivenReplayId() {
        List<byte[]> replayIds = publish(6);

        RawSubscriber subscriber = subscribe(token, fetch(TOPIC, ReplayPreset.CUSTOM, 100).toBuilder()
                .setReplayId(ByteString.copyFrom(replayIds.get(2))).build());

        assertThat(subscriber.events(3)).extracting(e -> e.getReplayId().toByteArray())
                .containsExactlyElementsOf(replayIds.subList(3, 6));
    }

    @Test
    void malformedExpiredOrMissingReplayIdsAreRefused() {
        byte[] old = publish(1).get(0);
        clock.advance(Duration.ofHours(73));
        publish(1);
        token = tokens.issue();
        String corrupted = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";

        assertTrailer(subscribe(token, custom(ByteString.copyFromUtf8("123"))).error(), Status.Code.INVALID_ARGUMENT, corrupted);
        assertTrailer(subscribe(token, custom(ByteString.copyFrom(old))).error(), Status.Code.INVALID_ARGUMENT, corrupted);
        assertTrailer(subscribe(token, custom(ByteString.EMPTY)).error(), Status.Code.INVALID_ARGUMENT,
                "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed");
        assertTrailer(subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 0)).error(), Status.Code.INVALID_ARGUMENT,
                "sfdc.platform.eventbus.grpc.subscription.fetch.requested.events.invalid");
    }

    @Test
    void aStreamEndsUnauthenticatedOnceItsTokenExpires() {
        RawSubscriber subscriber = subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 10));
        subscriber.next();

        clock.advance(Duration.ofHours(3));

        assertTrailer(subscriber.error(), Status.Code.UNAUTHENTICATED, "sfdc.platform.eventbus.grpc.service.auth.error");
        assertThat(server.openStreams()).isZero();
    }

    @Test
    void faultsDropStreamsCorruptTheNextSubscribeAndDelayDeliveries() {
        RawSubscriber dropped = subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 10));
        dropped.next();
        server.dropAllStreams();
        assertThat(dropped.error().getStatus().getCode()).isEqualTo(Status.Code.UNAVAILABLE);

        server.failNextSubscribeWithCorruptedReplayId();
        assertTrailer(subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 10)).error(), Status.Code.INVALID_ARGUMENT,
                "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted");

        server.delayDeliveries(Duration.ofMillis(700));
        RawSubscriber delayed = subscribe(token, fetch(TOPIC, ReplayPreset.LATEST, 10));
        delayed.next();
        long publishedAt = System.nanoTime();
        publish(1);
        assertThat(delayed.events(1)).hasSize(1);
        assertThat(Duration.ofNanos(System.nanoTime() - publishedAt)).isGreaterThanOrEqualTo(Duration.ofMillis(700));
    }

    private String schemaId() {
        return blocking(token).getTopic(TopicRequest.newBuilder().setTopicName(TOPIC).build()).getSchemaId();
    }

    private List<byte[]> publish(int count) {
        List<byte[]> replayIds = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            replayIds.add(server.publish(TOPIC, Map.of("UserId__c", "005000000000042AAA", "StatusName__c", "Ready " + i)));
        }
        return replayIds;
    }

    private static ProducerEvent.Builder event(String schemaId, String id, String status) {
        GenericRecord record = AvroPayloads.record(PlatformEventSchemas.AGENT_STATE,
                Map.of("UserId__c", "005000000000042AAA", "StatusName__c", status), Instant.now(), "005000000000009AAA");
        return ProducerEvent.newBuilder().setId(id).setSchemaId(schemaId).setPayload(AvroPayloads.encode(record));
    }

    private static FetchRequest fetch(String topic, ReplayPreset preset, int numRequested) {
        return FetchRequest.newBuilder().setTopicName(topic).setReplayPreset(preset).setNumRequested(numRequested).build();
    }

    private static FetchRequest custom(ByteString replayId) {
        return fetch(TOPIC, ReplayPreset.CUSTOM, 10).toBuilder().setReplayId(replayId).build();
    }

    private PubSubGrpc.PubSubBlockingStub blocking(String accessToken) {
        return blocking(accessToken, ORG_ID);
    }

    private PubSubGrpc.PubSubBlockingStub blocking(String accessToken, String tenantId) {
        return PubSubGrpc.newBlockingStub(channel).withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(accessToken, tenantId)));
    }

    private RawSubscriber subscribe(String accessToken, FetchRequest first) {
        RawSubscriber subscriber = new RawSubscriber();
        subscriber.requests = PubSubGrpc.newStub(channel)
                .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers(accessToken, ORG_ID)))
                .subscribe(subscriber);
        subscriber.requests.onNext(first);
        return subscriber;
    }

    private static Metadata headers(String accessToken, String tenantId) {
        Metadata headers = new Metadata();
        headers.put(Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER), accessToken);
        headers.put(Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER), "https://sim.my.salesforce.com");
        headers.put(Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER), tenantId);
        return headers;
    }

    private static void assertError(Runnable call, Status.Code code, String errorCode) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> assertTrailer(e, code, errorCode));
    }

    private static void assertTrailer(StatusRuntimeException error, Status.Code code, String errorCode) {
        assertThat(error.getStatus().getCode()).isEqualTo(code);
        assertThat(error.getTrailers().get(ERROR_CODE)).isEqualTo(errorCode);
        assertThat(error.getStatus().getDescription()).contains("rpcId: ");
    }

    /** The client side of one Subscribe stream: responses in a queue, the terminal error kept. */
    private static final class RawSubscriber implements StreamObserver<FetchResponse> {
        private final BlockingQueue<Object> received = new LinkedBlockingQueue<>();
        private StreamObserver<FetchRequest> requests;

        void request(int numRequested) {
            requests.onNext(FetchRequest.newBuilder().setTopicName(TOPIC).setNumRequested(numRequested).build());
        }

        FetchResponse next() {
            Object next = poll();
            assertThat(next).isInstanceOf(FetchResponse.class);
            return (FetchResponse) next;
        }

        List<ConsumerEvent> events(int count) {
            List<ConsumerEvent> events = new ArrayList<>();
            while (events.size() < count) {
                events.addAll(next().getEventsList());
            }
            return events;
        }

        StatusRuntimeException error() {
            Object next;
            do {
                next = poll();
            } while (next instanceof FetchResponse);
            assertThat(next).isInstanceOf(StatusRuntimeException.class);
            return (StatusRuntimeException) next;
        }

        private Object poll() {
            try {
                Object next = received.poll(5, TimeUnit.SECONDS);
                assertThat(next).as("a response within 5 s").isNotNull();
                return next;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        @Override
        public void onNext(FetchResponse response) {
            received.add(response);
        }

        @Override
        public void onError(Throwable error) {
            received.add(error instanceof StatusRuntimeException s ? s : Status.fromThrowable(error).asRuntimeException());
        }

        @Override
        public void onCompleted() {
            received.add("completed");
        }
    }
}
