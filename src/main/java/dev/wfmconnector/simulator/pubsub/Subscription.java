package dev.wfmconnector.simulator.pubsub;

import com.google.protobuf.ByteString;
import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One Subscribe stream. The first FetchRequest names the topic and where to start (LATEST, EARLIEST, or CUSTOM:
 * strictly after a replay id); every FetchRequest adds {@code num_requested} to the stream's credit, which is capped
 * at {@value #MAX_CREDIT} as on Salesforce. Events are delivered as they arrive, never more than the credit, in
 * batches whose {@code latest_replay_id} is the last event's and whose {@code pending_num_requested} is the credit
 * left. A stream with nothing to deliver gets an empty keep-alive response with its current position after every
 * keep-alive interval. The access token is re-checked before each response, so tokens that expire end the stream
 * with UNAUTHENTICATED.
 */
final class Subscription implements StreamObserver<FetchRequest> {

    /** Most events a stream may have requested and not yet received (Salesforce: 100). */
    static final int MAX_CREDIT = 100;

    private final PubSubService service;
    private final ServerCallStreamObserver<FetchResponse> responses;
    private final String rpcId = UUID.randomUUID().toString();
    private final AtomicBoolean drainScheduled = new AtomicBoolean();
    private volatile EventTopic topic;
    private String accessToken;
    private long position;
    private int credit;
    private boolean closed;
    private ScheduledFuture<?> keepAlive;

    Subscription(PubSubService service, ServerCallStreamObserver<FetchResponse> responses, String accessToken) {
        this.service = service;
        this.responses = responses;
        this.accessToken = accessToken;
        responses.setOnCancelHandler(this::close);
    }

    @Override
    public void onNext(FetchRequest request) {
        synchronized (this) {
            if (closed) {
                return;
            }
            try {
                accept(request);
            } catch (StatusRuntimeException refusal) {
                fail(refusal);
                return;
            }
        }
        requestDrain();
    }

    @Override
    public void onError(Throwable clientGone) {
        close();
    }

    @Override
    public synchronized void onCompleted() {
        if (!closed) {
            close();
            responses.onCompleted();
        }
    }

    /** Called for every event published on any topic; schedules a delivery when it is this stream's topic. */
    void published(EventTopic publishedOn) {
        if (publishedOn == topic) {
            requestDrain();
        }
    }

    /** Ends the stream with an error, as the server or the network would. */
    synchronized void fail(StatusRuntimeException error) {
        if (!closed) {
            close();
            responses.onError(error);
        }
    }

    private void accept(FetchRequest request) {
        if (!request.getAuthRefresh().isEmpty()) {
            accessToken = request.getAuthRefresh();
        }
        if (!service.tokens().isValid(accessToken)) {
            throw PubSubErrors.unauthenticated(rpcId);
        }
        if (request.getNumRequested() <= 0) {
            throw PubSubErrors.error(Status.INVALID_ARGUMENT, PubSubErrors.REQUESTED_EVENTS_INVALID,
                    "num_requested must be greater than zero.", rpcId);
        }
        if (topic == null) {
            start(request);
        } else if (!request.getTopicName().isEmpty() && !request.getTopicName().equals(topic.name())) {
            throw PubSubErrors.error(Status.INVALID_ARGUMENT, PubSubErrors.SUBSCRIBE_TOPIC_MISMATCH,
                    "The topic of a FetchRequest differs from the stream's topic " + topic.name() + ".", rpcId);
        }
        credit = Math.min(MAX_CREDIT, credit + request.getNumRequested());
    }

    private void start(FetchRequest request) {
        EventTopic requested = service.bus().topic(request.getTopicName())
                .orElseThrow(() -> PubSubErrors.topicNotFound(request.getTopicName(), rpcId));
        if (service.takeCorruptedReplayIdFault()) {
            throw PubSubErrors.replayIdCorrupted(rpcId);
        }
        position = switch (request.getReplayPreset()) {
            case EARLIEST -> requested.earliest();
            case CUSTOM -> customStart(requested, request.getReplayId());
            default -> requested.tip();
        };
        topic = requested;
        scheduleKeepAlive();
    }

    private long customStart(EventTopic requested, ByteString replayId) {
        if (replayId.isEmpty()) {
            throw PubSubErrors.error(Status.INVALID_ARGUMENT, PubSubErrors.REPLAY_ID_MISSING,
                    "ReplayPreset CUSTOM needs a replay_id.", rpcId);
        }
        return ReplayIds.decode(replayId).stream()
                .filter(requested::accepts)
                .findFirst()
                .orElseThrow(() -> PubSubErrors.replayIdCorrupted(rpcId));
    }

    private void requestDrain() {
        if (drainScheduled.compareAndSet(false, true)) {
            service.schedule(this::drain, service.deliveryDelay());
        }
    }

    private void drain() {
        drainScheduled.set(false);
        synchronized (this) {
            if (closed || topic == null || credit == 0) {
                return;
            }
            List<ConsumerEvent> batch = topic.after(position, credit);
            if (batch.isEmpty()) {
                return;
            }
            if (!service.tokens().isValid(accessToken)) {
                fail(PubSubErrors.unauthenticated(rpcId));
                return;
            }
            ByteString latest = batch.get(batch.size() - 1).getReplayId();
            position = ReplayIds.decode(latest).orElseThrow();
            credit -= batch.size();
            send(FetchResponse.newBuilder().addAllEvents(batch).setLatestReplayId(latest));
        }
    }

    private synchronized void sendKeepAlive() {
        if (closed) {
            return;
        }
        if (drainScheduled.get()) {
            scheduleKeepAlive();
        } else if (!service.tokens().isValid(accessToken)) {
            fail(PubSubErrors.unauthenticated(rpcId));
        } else {
            send(FetchResponse.newBuilder().setLatestReplayId(ReplayIds.encode(position)));
        }
    }

    private void send(FetchResponse.Builder response) {
        responses.onNext(response.setRpcId(rpcId).setPendingNumRequested(credit).build());
        scheduleKeepAlive();
    }

    private void scheduleKeepAlive() {
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        keepAlive = service.schedule(this::sendKeepAlive, service.keepAliveInterval());
    }

    private synchronized void close() {
        closed = true;
        if (keepAlive != null) {
            keepAlive.cancel(false);
        }
        service.bus().closed(this);
    }
}
