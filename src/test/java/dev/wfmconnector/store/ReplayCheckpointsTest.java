package dev.wfmconnector.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Base64;

class ReplayCheckpointsTest {

    private static final String TOPIC = "/event/WFM_Agent_State__e";
    private static final byte[] FIRST = {0, 0, 0, 0, 0, 0, 0x1f, (byte) 0xff, 0x7f, (byte) 0x80};
    private static final byte[] LATER = {0, 0, 0, 0, 0, 0, 0x20, 0x01};
    private static final Instant GAP_AT = Instant.parse("2026-11-24T10:00:00Z");

    @OnBothDatabases
    void aSubscriptionHasNoCheckpointBeforeItsFirstAnswer(TestDatabase db) {
        assertThat(new ReplayCheckpoints(db.jdbc()).find("emea", TOPIC)).isEmpty();
    }

    @OnBothDatabases
    void theLastSavedReplayIdIsKeptAsItsBytes(TestDatabase db) {
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(db.jdbc());

        checkpoints.save("EMEA", TOPIC, FIRST);
        ReplayCheckpoint first = checkpoints.find("emea", TOPIC).orElseThrow();
        assertThat(first.replayId()).isEqualTo(FIRST);
        assertThat(first.replayIdBase64()).isEqualTo(Base64.getEncoder().encodeToString(FIRST));
        assertThat(first.group()).isEqualTo("emea");
        assertThat(first.topic()).isEqualTo(TOPIC);
        assertThat(first.updatedAt()).isNotNull();

        checkpoints.save("emea", TOPIC, LATER);
        assertThat(checkpoints.find("emea", TOPIC).orElseThrow().replayId()).isEqualTo(LATER);
        assertThat(checkpoints.find("emea", "/event/Other__e")).isEmpty();
        assertThat(checkpoints.find("apac", TOPIC)).isEmpty();
    }

    @OnBothDatabases
    void aReportedGapStaysWithTheCheckpoint(TestDatabase db) {
        ReplayCheckpoints checkpoints = new ReplayCheckpoints(db.jdbc());
        assertThat(checkpoints.reportGap("emea", TOPIC, "replay id refused", GAP_AT)).isFalse();

        checkpoints.save("emea", TOPIC, FIRST);
        assertThat(checkpoints.reportGap("emea", TOPIC, "replay id older than the retention; resubscribed at EARLIEST",
                GAP_AT)).isTrue();
        checkpoints.save("emea", TOPIC, LATER);

        ReplayCheckpoint checkpoint = checkpoints.find("emea", TOPIC).orElseThrow();
        assertThat(checkpoint.replayId()).isEqualTo(LATER);
        assertThat(checkpoint.gapReportedAt()).isEqualTo(GAP_AT);
        assertThat(checkpoint.gapReason()).isEqualTo("replay id older than the retention; resubscribed at EARLIEST");
    }
}
