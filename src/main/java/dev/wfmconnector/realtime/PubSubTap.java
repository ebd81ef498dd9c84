package dev.wfmconnector.realtime;

import com.salesforce.eventbus.protobuf.FetchRequest;
import com.salesforce.eventbus.protobuf.FetchResponse;
import com.salesforce.eventbus.protobuf.PubSubGrpc;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ForwardingClientCallListener;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;

/**
 * Watches the Subscribe streams of one camel-salesforce Pub/Sub client (one route instance) on its gRPC channel, for
 * what the client does not show its route: each stream's first FetchRequest (replay preset and id), every
 * FetchResponse (events and keep-alives, with {@code latest_replay_id}) and how each stream ended (status and the
 * {@code error-code} trailer). Responses are reported before the client handles them, on the same thread.
 *
 * <p>Once {@link #retire() retired} (its route stopped), the channel's new calls go nowhere: the 4.17 client,
 * which resubscribes after a sleep on its gRPC thread even when its route was stopped meanwhile, then starts a
 * call that never answers, and its retry loop ends instead of running on against a shut-down channel.
 */
final class PubSubTap implements ClientInterceptor {

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);
    private static final String SUBSCRIBE = PubSubGrpc.getSubscribeMethod().getFullMethodName();

    /** What the tap reports; called on gRPC threads, one stream's calls in order. */
    interface Observer {
        /** A Subscribe stream sent its first request. */
        void subscribing(FetchRequest first);

        /** A FetchResponse arrived; called before the client handles its events. */
        void answered(FetchResponse response);

        /** A Subscribe stream ended; {@code errorCode} is Salesforce's {@code error-code} trailer, or null. */
        void closed(Status status, String errorCode);
    }

    private final Observer observer;
    private volatile boolean retired;

    PubSubTap(Observer observer) {
        this.observer = observer;
    }

    /** The route of this tap's client stopped: its channel takes no new calls. */
    void retire() {
        retired = true;
    }

    @Override
    public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        if (retired) {
            return new NoCall<>();
        }
        if (!SUBSCRIBE.equals(method.getFullMethodName())) {
            return next.newCall(method, options);
        }
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            private boolean first = true;

            @Override
            public void start(Listener<R> responses, Metadata headers) {
                super.start(new ForwardingClientCallListener.SimpleForwardingClientCallListener<>(responses) {
                    @Override
                    public void onMessage(R message) {
                        observer.answered((FetchResponse) message);
                        super.onMessage(message);
                    }

                    @Override
                    public void onClose(Status status, Metadata trailers) {
                        observer.closed(status, trailers == null ? null : trailers.get(ERROR_CODE));
                        super.onClose(status, trailers);
                    }
                }, headers);
            }

            @Override
            public void sendMessage(Q message) {
                if (first) {
                    first = false;
                    observer.subscribing((FetchRequest) message);
                }
                super.sendMessage(message);
            }
        };
    }

    /** A call that does nothing and never answers. */
    private static final class NoCall<Q, R> extends ClientCall<Q, R> {
        @Override
        public void start(Listener<R> responseListener, Metadata headers) {
        }

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void cancel(String message, Throwable cause) {
        }

        @Override
        public void halfClose() {
        }

        @Override
        public void sendMessage(Q message) {
        }
    }
}
