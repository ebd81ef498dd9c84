package dev.wfmconnector.status;

import dev.wfmconnector.config.IntegrationType;

/**
 * Published (as a Spring application event) when a status set through the API changes whether an integration is
 * enabled. The integration runtimes listen ({@code @EventListener}) to start or stop it. Listeners run in the API
 * request: hand long work to another thread.
 *
 * @param type    the integration type
 * @param group   the group as configured
 * @param enabled whether it is now enabled
 */
public record IntegrationStatusChanged(IntegrationType type, String group, boolean enabled) {
}
