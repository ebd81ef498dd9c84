package dev.wfmconnector.store;

import dev.wfmconnector.config.IntegrationType;
import java.time.Instant;

/**
 * What an integration was last reported doing by the pod that runs it.
 *
 * @param type   the integration type
 * @param group  the group, as stored (trimmed, lower case)
 * @param state  the state's name (DISABLED, WAITING_FOR_HISTORICAL, RUNNING, FAILED)
 * @param reason why it FAILED; null in other states
 * @param since  when it entered the state
 */
public record ReportedState(IntegrationType type, String group, String state, String reason, Instant since) {
}
