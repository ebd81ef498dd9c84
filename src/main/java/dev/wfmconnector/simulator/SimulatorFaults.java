package dev.wfmconnector.simulator;

import dev.wfmconnector.simulator.pubsub.PubSubFaults;

import dev.wfmconnector.simulator.auth.AccessTokens;
import dev.wfmconnector.simulator.rest.RestFaults;
import java.time.Duration;

/**
 * Fault injection for tests and the demo, also reachable over HTTP under {@code /__admin/faults/}:
 * expire every token, fail the next REST calls, slow every answer, and (when a Pub/Sub server is connected)
 * drop its streams or corrupt the next subscribe.
 */
public final class SimulatorFaults {

    private final AccessTokens tokens;
    private final RestFaults rest;
    private volatile PubSubFaults pubSub;

    SimulatorFaults(AccessTokens tokens, RestFaults rest) {
        this.tokens = tokens;
        this.rest = rest;
    }

    /** Every token issued so far stops working: REST answers 401 INVALID_SESSION_ID, Pub/Sub UNAUTHENTICATED. */
    public void expireTokens() {
        tokens.expireAll();
    }

    /** The next {@code count} REST API calls answer 503 SERVER_UNAVAILABLE. */
    public void serverUnavailable(int count) {
        rest.failNext(count, RestFaults.Failure.SERVER_UNAVAILABLE);
    }

    /** The next {@code count} REST API calls whose path contains {@code pathContains} answer 503 SERVER_UNAVAILABLE. */
    public void serverUnavailable(int count, String pathContains) {
        rest.failNext(count, RestFaults.Failure.SERVER_UNAVAILABLE, pathContains);
    }

    /** The next {@code count} REST API calls answer 403 REQUEST_LIMIT_EXCEEDED. */
    public void requestLimitExceeded(int count) {
        rest.failNext(count, RestFaults.Failure.REQUEST_LIMIT_EXCEEDED);
    }

    /** Every REST and OAuth answer waits {@code delay} first; {@link Duration#ZERO} turns it off. */
    public void slowResponses(Duration delay) {
        rest.delay(delay);
    }

    /** Ends every open Pub/Sub stream. */
    public void dropPubSubStreams() {
        pubSub().dropAllStreams();
    }

    /** The next Pub/Sub subscribe gets the corrupted-replay-id error. */
    public void corruptNextSubscribe() {
        pubSub().failNextSubscribeWithCorruptedReplayId();
    }

    /** Clears pending REST failures and the delay. */
    public void clear() {
        rest.clear();
    }

    public int pendingRestFailures() {
        return rest.failuresLeft();
    }

    public Duration responseDelay() {
        return rest.delay();
    }

    public boolean pubSubConnected() {
        return pubSub != null;
    }

    void connectPubSub(PubSubFaults faults) {
        this.pubSub = faults;
    }

    private PubSubFaults pubSub() {
        PubSubFaults faults = pubSub;
        if (faults == null) {
            throw new IllegalStateException("no Pub/Sub server is connected to this simulator");
        }
        return faults;
    }
}
