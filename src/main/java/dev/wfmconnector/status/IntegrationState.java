package dev.wfmconnector.status;

/** What an integration is doing (SPEC §8 "Operation"). */
public enum IntegrationState {
    /** Disabled by configuration or through the API. */
    DISABLED,
    /** A realtime integration whose group has no successful historical run yet (the gate); not a failure. */
    WAITING_FOR_HISTORICAL,
    /** Scheduled (historical, user-import) or subscribed (realtime) and healthy. */
    RUNNING,
    /** Stopped by a problem (see the reason); retried with capped backoff. */
    FAILED
}
