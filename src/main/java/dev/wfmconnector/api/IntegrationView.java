package dev.wfmconnector.api;

import dev.wfmconnector.status.IntegrationState;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * An integration as {@code GET /api/integrations[/{type}/{group}]} shows it.
 *
 * @param type             historical, realtime or user-import
 * @param group            the group as configured
 * @param configuredStatus enabled or disabled, as configured
 * @param effectiveStatus  enabled or disabled in force: the status set through the API, else the configured one
 * @param statusSetAt      when a status was last set through the API; null if never
 * @param state            DISABLED, WAITING_FOR_HISTORICAL, RUNNING or FAILED
 * @param reason           why it FAILED; null otherwise
 * @param since            when it entered its state
 * @param settings         its settings, the client secret masked
 * @param watermark        the group's historical watermark; null before its first successful run
 * @param gateOpenedAt     when the group's first historical run succeeded (the realtime gate); null until then
 * @param replayCheckpoint realtime only: where its subscription resumes, and the last reported gap; else null
 * @param lastRuns         historical and user-import: the latest runs, newest first
 */
public record IntegrationView(
        String type,
        String group,
        String configuredStatus,
        String effectiveStatus,
        Instant statusSetAt,
        IntegrationState state,
        String reason,
        Instant since,
        Map<String, Object> settings,
        Instant watermark,
        Instant gateOpenedAt,
        ReplayCheckpointView replayCheckpoint,
        List<RunView> lastRuns) {

    /**
     * A realtime subscription's checkpoint.
     *
     * @param replayId      base64 of the last processed replay id
     * @param updatedAt     when it was saved
     * @param gapReportedAt when a refused checkpoint last restarted the subscription at EARLIEST; null if never
     * @param gapReason     why; null if never
     */
    public record ReplayCheckpointView(String replayId, Instant updatedAt, Instant gapReportedAt, String gapReason) {
    }
}
