package dev.wfmconnector.simulator.pubsub;

import java.time.Duration;

/** Faults of the simulated Pub/Sub API, for tests and the simulator's admin endpoint. */
public interface PubSubFaults {

    /** Ends every open Subscribe stream with UNAVAILABLE ("RST_STREAM closed stream"), as a network drop looks. */
    void dropAllStreams();

    /**
     * Refuses the next Subscribe call, whatever its replay preset, with INVALID_ARGUMENT and
     * {@code error-code: sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted}.
     */
    void failNextSubscribeWithCorruptedReplayId();

    /** Holds every delivery of events back by {@code delay}; {@link Duration#ZERO} turns the delay off. */
    void delayDeliveries(Duration delay);
}
