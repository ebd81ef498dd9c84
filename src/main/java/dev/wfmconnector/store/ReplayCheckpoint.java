package dev.wfmconnector.store;

import java.time.Instant;
import java.util.Base64;

/**
 * Where a realtime subscription resumes (SPEC §4): the replay id of the last processed event (or the
 * {@code latest_replay_id} of a keep-alive), and the last possible gap reported for it.
 *
 * @param group         the group, as stored (trimmed, lower case)
 * @param topic         the Pub/Sub topic, e.g. {@code /event/WFM_Agent_State__e}
 * @param replayIdBase64 the opaque replay id, base64-encoded (as published in {@code agent-state} records)
 * @param updatedAt     when the checkpoint was last saved
 * @param gapReportedAt when a refused checkpoint last made the subscription restart at EARLIEST; null if never
 * @param gapReason     why; null if never
 */
public record ReplayCheckpoint(
        String group,
        String topic,
        String replayIdBase64,
        Instant updatedAt,
        Instant gapReportedAt,
        String gapReason) {

    /** The opaque replay id bytes, to resume a subscription after (CUSTOM). */
    public byte[] replayId() {
        return Base64.getDecoder().decode(replayIdBase64);
    }
}
