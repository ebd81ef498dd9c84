package dev.wfmconnector.simulator.pubsub;

import dev.wfmconnector.simulator.auth.AccessTokens;
import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;

import java.util.UUID;

/**
 * Authenticates every call from its metadata as Salesforce does: {@code accesstoken} must be a valid token of the
 * org, {@code instanceurl} present and {@code tenantid} the org id; otherwise the call ends with UNAUTHENTICATED and
 * {@code error-code: sfdc.platform.eventbus.grpc.service.auth.error}. The token is handed to the call's context.
 */
final class AuthInterceptor implements ServerInterceptor {

    /** The caller's access token, for streams that re-check it while they live. */
    static final Context.Key<String> ACCESS_TOKEN = Context.key("accesstoken");

    private static final Metadata.Key<String> ACCESS_TOKEN_HEADER = Metadata.Key.of("accesstoken", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> INSTANCE_URL_HEADER = Metadata.Key.of("instanceurl", Metadata.ASCII_STRING_MARSHALLER);
    private static final Metadata.Key<String> TENANT_ID_HEADER = Metadata.Key.of("tenantid", Metadata.ASCII_STRING_MARSHALLER);

    private final AccessTokens tokens;

    AuthInterceptor(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String token = headers.get(ACCESS_TOKEN_HEADER);
        String instanceUrl = headers.get(INSTANCE_URL_HEADER);
        if (!tokens.isValid(token) || instanceUrl == null || instanceUrl.isBlank() || !isOrg(headers.get(TENANT_ID_HEADER))) {
            StatusRuntimeException refusal = PubSubErrors.unauthenticated(UUID.randomUUID().toString());
            call.close(refusal.getStatus(), refusal.getTrailers());
            return new ServerCall.Listener<>() {
            };
        }
        return Contexts.interceptCall(Context.current().withValue(ACCESS_TOKEN, token), call, headers, next);
    }

    /** The org id in its 18- or 15-character form. */
    private boolean isOrg(String tenantId) {
        String orgId = tokens.orgId();
        return orgId.equals(tenantId) || orgId.substring(0, 15).equals(tenantId);
    }
}
