package dev.wfmconnector.simulator.rest;

import dev.wfmconnector.simulator.auth.AccessTokens;
import dev.wfmconnector.simulator.org.SimulatedOrg;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code /services/oauth2/token} (client-credentials flow) and {@code /services/oauth2/revoke}, answering as
 * Salesforce does. Tokens run as the org's integration user; a deactivated integration user gets
 * {@code invalid_grant}. With {@code loginDomain} set it behaves like login.salesforce.com, which refuses the
 * client-credentials flow ("request not supported on this domain").
 */
final class OAuthEndpoint {

    private final Map<String, String> clients;
    private final AccessTokens tokens;
    private final SimulatedOrg org;
    private final Supplier<String> instanceUrl;

    OAuthEndpoint(Map<String, String> clients, AccessTokens tokens, SimulatedOrg org, Supplier<String> instanceUrl) {
        this.clients = Map.copyOf(clients);
        this.tokens = tokens;
        this.org = org;
        this.instanceUrl = instanceUrl;
    }

    ApiResponse token(ApiRequest request, boolean loginDomain) {
        if (!request.method().equals("POST")) {
            return oauthError("invalid_request", "must use HTTP POST");
        }
        String grantType = request.param("grant_type");
        if (!"client_credentials".equals(grantType)) {
            return oauthError("unsupported_grant_type", "grant type not supported");
        }
        if (loginDomain) {
            return oauthError("invalid_request", "request not supported on this domain");
        }
        String clientId = request.param("client_id");
        String expectedSecret = clientId == null ? null : clients.get(clientId);
        if (expectedSecret == null) {
            return oauthError("invalid_client_id", "client identifier invalid");
        }
        String secret = request.param("client_secret");
        if (secret == null || !MessageDigest.isEqual(expectedSecret.getBytes(StandardCharsets.UTF_8),
                secret.getBytes(StandardCharsets.UTF_8))) {
            return oauthError("invalid_client", "invalid client credentials");
        }
        String userId = org.integrationUserId();
        if (!org.user(userId).active()) {
            return oauthError("invalid_grant", "no client credentials user enabled");
        }
        String issuedAt = Long.toString(org.clock().millis());
        String id = instanceUrl.get() + "/id/" + org.orgId() + "/" + userId;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue());
        body.put("signature", signature(id + issuedAt, expectedSecret));
        body.put("scope", "api");
        body.put("instance_url", instanceUrl.get());
        body.put("id", id);
        body.put("token_type", "Bearer");
        body.put("issued_at", issuedAt);
        return ApiResponse.json(body).withHeader("Cache-Control", "no-cache,no-store");
    }

    /** Revokes the token given as {@code token} (query or form); an unknown token is a 400, as in Salesforce. */
    ApiResponse revoke(ApiRequest request) {
        String token = request.param("token");
        if (token == null || !tokens.isValid(token)) {
            return oauthError("unsupported_token_type", "this token type is not supported");
        }
        tokens.revoke(token);
        return ApiResponse.empty(200);
    }

    static ApiResponse oauthError(String error, String description) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("error_description", description);
        return ApiResponse.json(400, SalesforceJson.bytes(body));
    }

    /** Salesforce's token signature: Base64 HMAC-SHA256 of id + issued_at keyed with the client secret. */
    private static String signature(String data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
