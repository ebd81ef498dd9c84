package dev.wfmconnector.store;

import dev.wfmconnector.config.IntegrationType;
import java.time.Instant;

/**
 * A status set through the management API; it overrides the configured status until set again.
 *
 * @param type    the integration type
 * @param group   the group, as stored (trimmed, lower case)
 * @param enabled the status set
 * @param setAt   when it was set
 */
public record StatusToggle(IntegrationType type, String group, boolean enabled, Instant setAt) {
}
