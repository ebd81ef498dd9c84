package dev.wfmconnector.integration;

import dev.wfmconnector.config.IntegrationType;

/**
 * Published by a running integration that cannot go on (e.g. a subscription that keeps failing): the supervisor stops
 * it, marks it FAILED with the reason and starts it again after a capped backoff.
 */
public record IntegrationFailed(IntegrationType type, String group, String reason) {
}
