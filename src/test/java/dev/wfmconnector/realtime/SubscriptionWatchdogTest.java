package dev.wfmconnector.realtime;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wfmconnector.realtime.SubscriptionWatchdog.Fail;
import dev.wfmconnector.realtime.SubscriptionWatchdog.Healthy;
import dev.wfmconnector.realtime.SubscriptionWatchdog.Restart;
import dev.wfmconnector.realtime.SubscriptionWatchdog.Status;
import dev.wfmconnector.realtime.SubscriptionWatchdog.Waiting;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SubscriptionWatchdogTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");
    private static final String DROPPED = "UNAVAILABLE";

    private final SubscriptionWatchdog watchdog = new SubscriptionWatchdog(Duration.ofSeconds(10),
            Duration.ofMinutes(5), Duration.ofMinutes(2));

    @Test
    void anOpenStreamThatAnsweredIsHealthy() {
        Status status = open(T0, T0.plusSeconds(1));
        assertThat(watchdog.assess(status, T0.plusSeconds(2))).isEqualTo(new Healthy());
    }

    @Test
    void anOpenStreamWithoutAnswerIsWaitingThenHealthyOnceItStayedOpenForTheReconnectTimeout() {
        Status status = open(T0, null);
        assertThat(watchdog.assess(status, T0.plusSeconds(9))).isEqualTo(new Waiting());
        assertThat(watchdog.assess(status, T0.plusSeconds(10))).isEqualTo(new Healthy());
    }

    @Test
    void aClosedStreamIsLeftToTheClientForTheReconnectTimeoutThenRestarted() {
        Status status = closed(T0, T0.minusSeconds(1));
        assertThat(watchdog.assess(status, T0.plusSeconds(9))).isEqualTo(new Waiting());
        assertThat(watchdog.assess(status, T0.plusSeconds(10))).isInstanceOf(Restart.class)
                .extracting(v -> ((Restart) v).reason()).asString()
                .contains(DROPPED).contains("did not subscribe again within 10 s");
    }

    @Test
    void anOpenStreamSilentForTheAnswerTimeoutWhileNothingWaitsIsRestarted() {
        Status silent = open(T0, T0.plusSeconds(1));
        assertThat(watchdog.assess(silent, T0.plusSeconds(300))).isEqualTo(new Healthy());
        assertThat(watchdog.assess(silent, T0.plusSeconds(301))).isEqualTo(new Restart("no event or keep-alive came for 300 s"));
    }

    @Test
    void aStreamPausedBecauseRecordsWaitToBePublishedIsNotRestarted() {
        Status paused = new Status(true, T0, T0.plusSeconds(1), null, false, T0, null, T0);
        assertThat(watchdog.assess(paused, T0.plusSeconds(900))).isEqualTo(new Healthy());

        Status drainedJustNow = new Status(true, T0, T0.plusSeconds(1), null, true, T0.plusSeconds(900), null, T0);
        assertThat(watchdog.assess(drainedJustNow, T0.plusSeconds(901))).isEqualTo(new Healthy());
    }

    @Test
    void aBrokenDeliveryIsRestartedAtOnce() {
        Status broken = new Status(true, T0, T0, null, true, T0, "event r2 missing", T0);
        assertThat(watchdog.assess(broken, T0)).isEqualTo(new Restart("event r2 missing"));
    }

    @Test
    void aSubscriptionWithNoHealthyStreamForFailAfterFails() {
        Status closed = closed(T0.plusSeconds(115), T0);
        assertThat(watchdog.assess(closed, T0.plusSeconds(119))).isEqualTo(new Waiting());
        assertThat(watchdog.assess(closed, T0.plusSeconds(120))).isInstanceOf(Fail.class)
                .extracting(v -> ((Fail) v).reason()).asString()
                .isEqualTo("the Pub/Sub subscription has not worked for 120 s; last stream: " + DROPPED);

        Status reopening = new Status(true, T0.plusSeconds(118), null, DROPPED, true, T0, null, T0);
        assertThat(watchdog.assess(reopening, T0.plusSeconds(120))).isInstanceOf(Fail.class);
    }

    private static Status open(Instant openedAt, Instant lastAnswer) {
        return new Status(true, openedAt, lastAnswer, null, true, openedAt, null, openedAt);
    }

    private static Status closed(Instant closedAt, Instant healthyAt) {
        return new Status(false, closedAt, null, DROPPED, true, closedAt, null, healthyAt);
    }
}
