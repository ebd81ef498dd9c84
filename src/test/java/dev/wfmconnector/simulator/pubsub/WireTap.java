package dev.wfmconnector.simulator.pubsub;

import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import io.grpc.ForwardingServerCall;
import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * TEST ONLY: watches every Subscribe stream on the wire, independently of the server's own bookkeeping: the first
 * FetchRequest of each stream, and the client's credit (what it requested, capped at 100, minus what it received).
 * A response carrying more events than the client had outstanding is a flow-control violation.
 */
final class WireTap implements ServerInterceptor {

    private static final int SALESFORCE_MAX_REQUESTED = 100;

    private final List<Stream> streams = new CopyOnWriteArrayList<>();

    /** One Subscribe stream as the wire showed it. */
    static final class Stream {
        private final List<FetchRequest> requests = new ArrayList<>();
        private final List<FetchResponse> responses = new ArrayList<>();
        private final List<String> violations = new ArrayList<>();
        private int outstanding;

        synchronized FetchRequest first() {
            return requests.isEmpty() ? null : requests.get(0);
        }

        synchronized List<FetchResponse> responses() {
            return List.copyOf(responses);
        }

        synchronized List<String> violations() {
            return List.copyOf(violations);
        }

        private synchronized void requested(FetchRequest request) {
            outstanding = Math.min(SALESFORCE_MAX_REQUESTED, outstanding + request.getNumRequested());
        }

        private synchronized void accepted(FetchRequest request) {
            requests.add(request);
        }

        private synchronized void sent(FetchResponse response) {
            responses.add(response);
            if (response.getEventsCount() > outstanding) {
                violations.add(response.getEventsCount() + " events sent with " + outstanding + " outstanding");
            }
            outstanding -= Math.min(outstanding, response.getEventsCount());
            if (response.getPendingNumRequested() > outstanding) {
                violations.add("pending_num_requested " + response.getPendingNumRequested() + " > " + outstanding);
            }
        }
    }

    /** Streams whose first FetchRequest the server has taken, in order of subscription. */
    List<Stream> streams() {
        return streams.stream().filter(s -> s.first() != null).toList();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        if (!call.getMethodDescriptor().equals(PubSubGrpc.getSubscribeMethod())) {
            return next.startCall(call, headers);
        }
        Stream stream = new Stream();
        streams.add(stream);
        ServerCall<Q, R> tapped = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            @Override
            public void sendMessage(R message) {
                stream.sent((FetchResponse) message);
                super.sendMessage(message);
            }
        };
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(next.startCall(tapped, headers)) {
            @Override
            public void onMessage(Q message) {
                stream.requested((FetchRequest) message);
                super.onMessage(message);
                stream.accepted((FetchRequest) message);
            }
        };
    }
}
