package dev.wfmconnector.simulator.pubsub;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;

/**
 * Errors as Salesforce's Pub/Sub API sends them: a gRPC status plus an {@code error-code} trailer that clients
 * (camel-salesforce's {@code PubSubApiClient} among them) branch on. The codes are Salesforce's documented ones.
 */
final class PubSubErrors {

    static final Metadata.Key<String> ERROR_CODE = Metadata.Key.of("error-code", Metadata.ASCII_STRING_MARSHALLER);

    static final String AUTH_ERROR = "sfdc.platform.eventbus.grpc.service.auth.error";
    static final String TOPIC_NOT_FOUND = "sfdc.platform.eventbus.grpc.topic.not.found";
    static final String TOPIC_EMPTY = "sfdc.platform.eventbus.grpc.topic.validation.empty";
    static final String SCHEMA_EMPTY = "sfdc.platform.eventbus.grpc.schema.validation.failed";
    static final String SCHEMA_UNKNOWN = "sfdc.platform.eventbus.grpc.schema.meta.permission";
    static final String REPLAY_ID_CORRUPTED = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted";
    static final String REPLAY_ID_MISSING = "sfdc.platform.eventbus.grpc.subscription.fetch.replayid.validation.failed";
    static final String REQUESTED_EVENTS_INVALID = "sfdc.platform.eventbus.grpc.subscription.fetch.requested.events.invalid";
    static final String SUBSCRIBE_TOPIC_MISMATCH = "sfdc.platform.eventbus.grpc.subscription.fetch.topic.mismatch";
    static final String PUBLISH_EVENT_COUNT_INVALID = "sfdc.platform.eventbus.grpc.publish.event.count.invalid";

    private PubSubErrors() {
    }

    static StatusRuntimeException error(Status status, String errorCode, String message, String rpcId) {
        Metadata trailers = new Metadata();
        trailers.put(ERROR_CODE, errorCode);
        return status.withDescription(message + " rpcId: " + rpcId).asRuntimeException(trailers);
    }

    static StatusRuntimeException unauthenticated(String rpcId) {
        return error(Status.UNAUTHENTICATED, AUTH_ERROR,
                "An authentication exception occurred. Provide valid authentication via metadata headers.", rpcId);
    }

    static StatusRuntimeException topicNotFound(String topicName, String rpcId) {
        return topicName.isBlank()
                ? error(Status.INVALID_ARGUMENT, TOPIC_EMPTY, "The topic name is blank.", rpcId)
                : error(Status.NOT_FOUND, TOPIC_NOT_FOUND, "The topic does not exist: " + topicName, rpcId);
    }

    static StatusRuntimeException replayIdCorrupted(String rpcId) {
        return error(Status.INVALID_ARGUMENT, REPLAY_ID_CORRUPTED,
                "The Replay ID validation failed. Ensure that the Replay ID is valid.", rpcId);
    }

    /** What a dropped connection looks like to a client (Salesforce documents this one for network trouble). */
    static StatusRuntimeException streamDropped() {
        return Status.UNAVAILABLE.withDescription("RST_STREAM closed stream").asRuntimeException();
    }
}
