package dev.wfmconnector.realtime;

import java.time.Duration;
import java.time.Instant;

/**
 * Decides when the connector steps in for camel-salesforce 4.17's Pub/Sub client, which resubscribes by itself after
 * a dropped stream or an auth error but with an uncapped, growing sleep, and never gives up. Checked every second
 * against what the {@link PubSubTap} and the {@link Delivery} saw of the subscription's current route instance:
 * <ul>
 *   <li>the delivery broke (the client dropped an event): restart from the checkpoint;</li>
 *   <li>no stream has been healthy for {@code failAfter}: the integration FAILED (the supervisor stops it and
 *       retries with capped backoff);</li>
 *   <li>the stream closed and the client has not opened another for {@code reconnectTimeout}: restart (a fresh
 *       client from the checkpoint, so the reconnect delay stays capped);</li>
 *   <li>the stream is open but nothing (event or keep-alive) came for {@code answerTimeout} while nothing was
 *       waiting to be published (Salesforce sends a keep-alive within 270 s): restart.</li>
 * </ul>
 * A stream is healthy once it answered, or stayed open for {@code reconnectTimeout}. Pure.
 */
record SubscriptionWatchdog(Duration reconnectTimeout, Duration answerTimeout, Duration failAfter) {

    /**
     * What is known of the subscription's current route instance.
     *
     * @param open          a Subscribe stream is open
     * @param changedAt     when it opened, or closed (or the route instance started, before its first stream)
     * @param lastAnswerAt  when the open stream last answered; null before its first answer
     * @param closeReason   how the last stream ended (status and error code), or null
     * @param deliveryIdle  nothing is waiting to be published
     * @param lastDelivered when a batch was last published (or the route instance started)
     * @param broken        why the delivery broke, or null
     * @param healthyAt     when a stream of the subscription (any route instance) was last healthy
     */
    record Status(boolean open, Instant changedAt, Instant lastAnswerAt, String closeReason, boolean deliveryIdle,
                  Instant lastDelivered, String broken, Instant healthyAt) {
    }

    /** What to do now. */
    sealed interface Verdict permits Healthy, Waiting, Restart, Fail {
    }

    /** The stream works. */
    record Healthy() implements Verdict {
    }

    /** Not healthy yet, but within what the client may take to (re)connect. */
    record Waiting() implements Verdict {
    }

    /** Replace the route instance by a new one that resumes after the checkpoint. */
    record Restart(String reason) implements Verdict {
    }

    /** Give up: the integration FAILED. */
    record Fail(String reason) implements Verdict {
    }

    Verdict assess(Status status, Instant now) {
        if (status.broken() != null) {
            return new Restart(status.broken());
        }
        if (status.open()) {
            Instant lastHeard = latest(latest(status.changedAt(), status.lastAnswerAt()), status.lastDelivered());
            if (status.deliveryIdle() && !now.isBefore(lastHeard.plus(answerTimeout))) {
                return new Restart("no event or keep-alive came for " + seconds(answerTimeout));
            }
            if (status.lastAnswerAt() != null || !now.isBefore(status.changedAt().plus(reconnectTimeout))) {
                return new Healthy();
            }
        }
        if (!now.isBefore(status.healthyAt().plus(failAfter))) {
            return new Fail("the Pub/Sub subscription has not worked for " + seconds(failAfter)
                    + (status.closeReason() == null ? "" : "; last stream: " + status.closeReason()));
        }
        if (!status.open() && !now.isBefore(status.changedAt().plus(reconnectTimeout))) {
            return new Restart("the stream ended (" + status.closeReason() + ") and the client did not subscribe"
                    + " again within " + seconds(reconnectTimeout));
        }
        return new Waiting();
    }

    private static Instant latest(Instant a, Instant b) {
        return b == null || a.isAfter(b) ? a : b;
    }

    private static String seconds(Duration duration) {
        return duration.toSeconds() + " s";
    }
}
