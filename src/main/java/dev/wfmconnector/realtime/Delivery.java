package dev.wfmconnector.realtime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Takes the agent-state events of one route instance of a realtime subscription to the outputs, in replay order,
 * and moves the checkpoint only past what was published.
 *
 * <p>The route hands over each event ({@link #offer}); while the buffer is full it waits, which holds the client's
 * gRPC thread and so pauses the stream (flow control). A sender thread takes whatever has gathered as one batch (at
 * most {@code maxBatch} events: one JMS transaction instead of one per event) and hands it to {@link Batches}, which
 * publishes it and then stores its checkpoint. A batch that fails is retried in place with capped exponential
 * backoff and nothing behind it goes out first.
 *
 * <p>The {@link PubSubTap} announces the replay ids of each response before the client hands its events to the
 * route ({@link #answered}). The 4.17 client logs and skips an event it could not process (e.g. its schema could not
 * be fetched); such a missing event <em>breaks</em> the delivery: later events are dropped unpublished, the
 * checkpoint stays before the missing one and the subscription restarts from it. A keep-alive's
 * {@code latest_replay_id} joins the buffer as a position and becomes the checkpoint once everything before it
 * was published.
 */
final class Delivery {

    private static final Logger LOG = LoggerFactory.getLogger(Delivery.class);
    private static final long POLL_MILLIS = 200;

    /** Publishes a batch and then stores its checkpoint; throws when either failed. */
    @FunctionalInterface
    interface Batches {
        void deliver(Batch batch) throws Exception;
    }

    /** Told how batches fared; called on the sender thread. */
    interface Outcomes {
        /** The batch went out after {@code failedAttempts} failed attempts. */
        void delivered(Batch batch, int failedAttempts);

        /** Attempt {@code attempt} of the batch failed; it is retried after a backoff unless the delivery closes. */
        void failed(Batch batch, int attempt, Exception failure);
    }

    /**
     * Events in replay order and the replay id to resume after once they are published: the last event's, or the
     * position of a keep-alive that came after them. Events may be empty (keep-alives only).
     */
    record Batch(List<AgentStateEvent> events, String checkpoint) {
    }

    private sealed interface Item permits Event, Position {
        String replayId();
    }

    private record Event(AgentStateEvent event) implements Item {
        @Override
        public String replayId() {
            return event.replayId();
        }
    }

    private record Position(String replayId) implements Item {
    }

    private final BlockingQueue<Item> buffer;
    private final int maxBatch;
    private final Batches batches;
    private final Outcomes outcomes;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final Clock clock;
    private final Thread sender;
    private final CountDownLatch closing = new CountDownLatch(1);
    private final Deque<String> announced = new ArrayDeque<>();
    private volatile boolean sending;
    private volatile String broken;
    private volatile Instant lastDelivered;

    Delivery(String name, int capacity, int maxBatch, Duration initialBackoff, Duration maxBackoff, Clock clock,
             Batches batches, Outcomes outcomes) {
        this.buffer = new ArrayBlockingQueue<>(capacity);
        this.maxBatch = maxBatch;
        this.batches = batches;
        this.outcomes = outcomes;
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.clock = clock;
        this.lastDelivered = clock.instant();
        this.sender = new Thread(this::send, name);
        this.sender.setDaemon(true);
        this.sender.start();
    }

    /**
     * A response arrived with events of these replay ids (in order) and {@code latestReplayId}; called by the tap
     * before the client hands the events to the route. A keep-alive (no events) queues its position.
     */
    void answered(List<String> replayIds, String latestReplayId) {
        synchronized (announced) {
            if (!announced.isEmpty()) {
                breakAt("the Pub/Sub client did not hand over the events " + announced + " it received");
                return;
            }
            announced.addAll(replayIds);
        }
        if (replayIds.isEmpty() && latestReplayId != null && !latestReplayId.isEmpty()) {
            put(new Position(latestReplayId));
        }
    }

    /** A stream ended: every event it announced must have been handed over. */
    void streamClosed() {
        synchronized (announced) {
            if (!announced.isEmpty()) {
                breakAt("the Pub/Sub client did not hand over the events " + announced + " it received");
            }
        }
    }

    /**
     * The route hands over the next event; waits while the buffer is full. An event after a break, or offered once
     * the delivery is closed, is dropped: it is not checkpointed, so the next subscription receives it again.
     */
    void offer(AgentStateEvent event) {
        synchronized (announced) {
            String expected = announced.poll();
            if (expected != null && !expected.equals(event.replayId())) {
                breakAt("the Pub/Sub client handed over event " + event.replayId() + " where " + expected
                        + " was expected");
            }
        }
        put(new Event(event));
    }

    private void put(Item item) {
        try {
            while (broken == null && closing.getCount() > 0) {
                if (buffer.offer(item, POLL_MILLIS, TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void breakAt(String reason) {
        if (broken == null) {
            broken = reason;
            LOG.warn("{}: {}; nothing after it is published, the subscription restarts from the checkpoint",
                    sender.getName(), reason);
        }
    }

    /** Why the delivery broke (an event the client dropped), or null. */
    String broken() {
        return broken;
    }

    /** Nothing is waiting to be published. */
    boolean idle() {
        return !sending && buffer.isEmpty();
    }

    /** When a batch last went out (or the delivery started). */
    Instant lastDelivered() {
        return lastDelivered;
    }

    /**
     * Stops taking events and waits up to {@code wait} for the sender to finish: the batch going out is published
     * and checkpointed (a failing one gets no more attempts); what is still buffered is dropped, unpublished and not
     * checkpointed, for the next subscription to receive again. Returns false when the sender did not end in time.
     */
    boolean close(Duration wait) {
        closing.countDown();
        try {
            sender.join(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        buffer.clear();
        return !sender.isAlive();
    }

    private void send() {
        List<Item> items = new ArrayList<>(maxBatch);
        try {
            while (closing.getCount() > 0) {
                Item first = buffer.poll(POLL_MILLIS, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                sending = true;
                items.clear();
                items.add(first);
                buffer.drainTo(items, maxBatch - 1);
                deliver(batch(items));
                sending = false;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            sending = false;
        }
    }

    private static Batch batch(List<Item> items) {
        List<AgentStateEvent> events = new ArrayList<>(items.size());
        for (Item item : items) {
            if (item instanceof Event e) {
                events.add(e.event());
            }
        }
        return new Batch(List.copyOf(events), items.get(items.size() - 1).replayId());
    }

    private void deliver(Batch batch) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                batches.deliver(batch);
                lastDelivered = clock.instant();
                outcomes.delivered(batch, attempt - 1);
                return;
            } catch (Exception e) {
                outcomes.failed(batch, attempt, e);
                if (closing.await(backoff(attempt).toMillis(), TimeUnit.MILLISECONDS)) {
                    return;
                }
            }
        }
    }

    private Duration backoff(int attempt) {
        Duration delay = initialBackoff.multipliedBy(1L << Math.min(attempt - 1, 20));
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
