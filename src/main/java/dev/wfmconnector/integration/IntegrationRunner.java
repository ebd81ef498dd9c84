package dev.wfmconnector.integration;

import dev.wfmconnector.config.IntegrationSettings;
import dev.wfmconnector.config.IntegrationType;
import dev.wfmconnector.salesforce.SalesforceOrg;

/**
 * Starts and stops the routes of one integration type (a Spring bean per type). The {@link IntegrationSupervisor}
 * decides when: on the pod that leads the group, for enabled integrations, realtime only once its gate is open.
 */
public interface IntegrationRunner {

    IntegrationType type();

    /**
     * Adds and starts the integration's routes (from its route template) against its connected org. Throws when it
     * cannot; the supervisor then marks the integration FAILED with the exception's message and retries with backoff.
     */
    void start(IntegrationSettings settings, SalesforceOrg org) throws Exception;

    /** Stops and removes the integration's routes; called before its org is closed. */
    void stop(IntegrationSettings settings) throws Exception;

    /**
     * Takes up the runs another pod queued for the integrations running here (replicas share the run log); called
     * every few seconds. Nothing to do for a type whose runs are not asked for through the API or whose routes
     * read their queue from the run log themselves.
     */
    default void takeUpRunsQueuedElsewhere() {
    }
}
