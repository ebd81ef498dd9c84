package dev.wfmconnector.simulator.auth;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The simulated org's access tokens, shared by its REST (OAuth, query) and Pub/Sub servers.
 * Tokens look like Salesforce's ({@code 00D...!...}) and expire after a configurable time-to-live.
 */
public final class AccessTokens {

    private final String orgId;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Instant> expiries = new ConcurrentHashMap<>();
    private volatile Duration timeToLive;

    public AccessTokens(String orgId, Duration timeToLive, Clock clock) {
        this.orgId = orgId;
        this.timeToLive = timeToLive;
        this.clock = clock;
    }

    /** Issues a new token valid for the current time-to-live. */
    public String issue() {
        byte[] bytes = new byte[48];
        random.nextBytes(bytes);
        String token = orgId.substring(0, 15) + "!" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        expiries.put(token, clock.instant().plus(timeToLive));
        return token;
    }

    public boolean isValid(String token) {
        if (token == null) {
            return false;
        }
        Instant expiry = expiries.get(token);
        return expiry != null && clock.instant().isBefore(expiry);
    }

    public void revoke(String token) {
        if (token != null) {
            expiries.remove(token);
        }
    }

    /** Fault: every token issued so far stops working (callers then get 401 INVALID_SESSION_ID / UNAUTHENTICATED). */
    public void expireAll() {
        expiries.clear();
    }

    public void setTimeToLive(Duration timeToLive) {
        this.timeToLive = timeToLive;
    }

    public String orgId() {
        return orgId;
    }
}
