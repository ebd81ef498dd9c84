package dev.wfmconnector.status;

import dev.wfmconnector.config.IntegrationType;
import java.time.Instant;

/**
 * An integration's status at one moment: configured and effective status, and its state.
 *
 * @param type              the integration type
 * @param group             the group as configured
 * @param configuredEnabled [Status] in the configuration
 * @param toggledEnabled    the status set through the API, which overrides the configuration; null if none
 * @param toggledAt         when it was set through the API; null if never
 * @param state             what it is doing
 * @param reason            why it FAILED (never a secret); null in other states
 * @param since             when it entered {@code state}
 */
public record IntegrationStatus(
        IntegrationType type,
        String group,
        boolean configuredEnabled,
        Boolean toggledEnabled,
        Instant toggledAt,
        IntegrationState state,
        String reason,
        Instant since) {

    /** The status in force: the one set through the API, else the configured one. */
    public boolean enabled() {
        return toggledEnabled != null ? toggledEnabled : configuredEnabled;
    }

    IntegrationStatus withState(IntegrationState newState, String newReason, Instant at) {
        return new IntegrationStatus(type, group, configuredEnabled, toggledEnabled, toggledAt, newState, newReason, at);
    }

    IntegrationStatus withToggle(boolean enabled, Instant at) {
        return new IntegrationStatus(type, group, configuredEnabled, enabled, at, state, reason, since);
    }
}
