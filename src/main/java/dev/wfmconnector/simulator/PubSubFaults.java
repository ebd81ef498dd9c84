package dev.wfmconnector.simulator;

/**
 * Faults of the simulated Pub/Sub API, implemented by its gRPC server and triggered through
 * {@link SimulatorFaults} (Java) or the admin endpoint ({@code POST /__admin/faults/drop-streams},
 * {@code POST /__admin/faults/corrupt-next-subscribe}).
 */
public interface PubSubFaults {

    /** Ends every open Subscribe stream with an error, as a dropped connection does; clients resubscribe. */
    void dropStreams();

    /**
     * Answers the next Subscribe with Salesforce's corrupted-replay-id error (status INVALID_ARGUMENT with the
     * {@code error-code} trailer {@code sfdc.platform.eventbus.grpc.subscription.fetch.replayid.corrupted}).
     */
    void corruptNextSubscribe();
}
