package dev.wfmconnector.simulator.pubsub;

import com.salesforce.eventbus.protobuf.Error;
import com.salesforce.eventbus.protobuf.ErrorCode;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.ProducerEvent;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import com.salesforce.eventbus.protobuf.PublishRequest;
import com.salesforce.eventbus.protobuf.PublishResponse;
import com.salesforce.eventbus.protobuf.PublishResult;
import com.salesforce.eventbus.protobuf.SchemaInfo;
import com.salesforce.eventbus.protobuf.SchemaRequest;
import com.salesforce.eventbus.protobuf.TopicInfo;
import com.salesforce.eventbus.protobuf.TopicRequest;
import dev.wfmconnector.simulator.auth.AccessTokens;
import io.grpc.Status;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import org.apache.avro.AvroRuntimeException;

import java.io.IOException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/** The {@code eventbus.v1.PubSub} RPCs over the event bus, with the faults a test can switch on. */
final class PubSubService extends PubSubGrpc.PubSubImplBase implements PubSubFaults {

    private final EventBus bus;
    private final AccessTokens tokens;
    private final ScheduledExecutorService scheduler;
    private final Duration keepAliveInterval;
    private final AtomicBoolean corruptNextSubscribe = new AtomicBoolean();
    private volatile Duration deliveryDelay = Duration.ZERO;

    PubSubService(EventBus bus, AccessTokens tokens, ScheduledExecutorService scheduler, Duration keepAliveInterval) {
        this.bus = bus;
        this.tokens = tokens;
        this.scheduler = scheduler;
        this.keepAliveInterval = keepAliveInterval;
    }

    @Override
    public StreamObserver<FetchRequest> subscribe(StreamObserver<FetchResponse> responses) {
        Subscription subscription = new Subscription(this, (ServerCallStreamObserver<FetchResponse>) responses,
                AuthInterceptor.ACCESS_TOKEN.get());
        bus.opened(subscription);
        return subscription;
    }

    @Override
    public void getTopic(TopicRequest request, StreamObserver<TopicInfo> response) {
        String rpcId = UUID.randomUUID().toString();
        bus.topic(request.getTopicName()).ifPresentOrElse(topic -> {
            response.onNext(TopicInfo.newBuilder()
                    .setTopicName(topic.name())
                    .setTenantGuid(tokens.orgId())
                    .setCanPublish(topic.canPublish())
                    .setCanSubscribe(true)
                    .setSchemaId(topic.schemaId())
                    .setRpcId(rpcId)
                    .build());
            response.onCompleted();
        }, () -> response.onError(PubSubErrors.topicNotFound(request.getTopicName(), rpcId)));
    }

    @Override
    public void getSchema(SchemaRequest request, StreamObserver<SchemaInfo> response) {
        String rpcId = UUID.randomUUID().toString();
        if (request.getSchemaId().isBlank()) {
            response.onError(PubSubErrors.error(Status.INVALID_ARGUMENT, PubSubErrors.SCHEMA_EMPTY, "The schema ID is blank.", rpcId));
            return;
        }
        bus.topicBySchemaId(request.getSchemaId()).ifPresentOrElse(topic -> {
            response.onNext(SchemaInfo.newBuilder()
                    .setSchemaId(topic.schemaId())
                    .setSchemaJson(topic.schema().toString())
                    .setRpcId(rpcId)
                    .build());
            response.onCompleted();
        }, () -> response.onError(PubSubErrors.error(Status.NOT_FOUND, PubSubErrors.SCHEMA_UNKNOWN,
                "No schema with ID " + request.getSchemaId() + ".", rpcId)));
    }

    @Override
    public void publish(PublishRequest request, StreamObserver<PublishResponse> response) {
        String rpcId = UUID.randomUUID().toString();
        EventTopic topic = bus.topic(request.getTopicName()).orElse(null);
        if (topic == null) {
            response.onError(PubSubErrors.topicNotFound(request.getTopicName(), rpcId));
            return;
        }
        if (request.getEventsCount() == 0) {
            response.onError(PubSubErrors.error(Status.INVALID_ARGUMENT, PubSubErrors.PUBLISH_EVENT_COUNT_INVALID,
                    "The publish request has no events.", rpcId));
            return;
        }
        PublishResponse.Builder results = PublishResponse.newBuilder().setSchemaId(topic.schemaId()).setRpcId(rpcId);
        for (ProducerEvent event : request.getEventsList()) {
            results.addResults(publish(topic, event));
        }
        response.onNext(results.build());
        response.onCompleted();
    }

    private PublishResult publish(EventTopic topic, ProducerEvent event) {
        String id = event.getId().isEmpty() ? UUID.randomUUID().toString() : event.getId();
        PublishResult.Builder result = PublishResult.newBuilder().setCorrelationKey(id);
        if (!topic.canPublish()) {
            return result.setError(publishError("Events cannot be published on " + topic.name() + ".")).build();
        }
        if (!event.getSchemaId().equals(topic.schemaId())) {
            return result.setError(publishError("Schema ID " + event.getSchemaId() + " is not the schema of " + topic.name() + ".")).build();
        }
        try {
            AvroPayloads.decode(topic.schema(), event.getPayload());
        } catch (IOException | AvroRuntimeException e) {
            return result.setError(publishError("The payload does not match the schema: " + e.getMessage())).build();
        }
        long position = bus.publish(topic, event.toBuilder().setId(id).build());
        return result.setReplayId(ReplayIds.encode(position)).build();
    }

    private static Error publishError(String message) {
        return Error.newBuilder().setCode(ErrorCode.PUBLISH).setMsg(message).build();
    }

    @Override
    public void dropAllStreams() {
        bus.subscriptions().forEach(subscription -> subscription.fail(PubSubErrors.streamDropped()));
    }

    @Override
    public void failNextSubscribeWithCorruptedReplayId() {
        corruptNextSubscribe.set(true);
    }

    @Override
    public void delayDeliveries(Duration delay) {
        deliveryDelay = delay;
    }

    EventBus bus() {
        return bus;
    }

    AccessTokens tokens() {
        return tokens;
    }

    Duration keepAliveInterval() {
        return keepAliveInterval;
    }

    Duration deliveryDelay() {
        return deliveryDelay;
    }

    boolean takeCorruptedReplayIdFault() {
        return corruptNextSubscribe.getAndSet(false);
    }

    ScheduledFuture<?> schedule(Runnable task, Duration delay) {
        return scheduler.schedule(task, delay.toNanos(), TimeUnit.NANOSECONDS);
    }
}
