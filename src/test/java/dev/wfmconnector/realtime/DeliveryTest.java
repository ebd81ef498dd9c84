package dev.wfmconnector.realtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DeliveryTest {

    private static final Instant CREATED = Instant.parse("2026-11-24T10:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(10);

    private final List<Delivery.Batch> delivered = Collections.synchronizedList(new ArrayList<>());
    private final List<String> outcomes = Collections.synchronizedList(new ArrayList<>());
    private Delivery delivery;

    @AfterEach
    void close() {
        if (delivery != null) {
            delivery.close(WAIT);
        }
    }

    @Test
    void eventsGoOutInReplayOrderAndEachBatchCheckpointsItsLastEvent() {
        delivery = delivery(100, 500, delivered::add);

        announceAndOffer("r1", "r2", "r3");

        awaitDelivered(3);
        assertThat(events()).containsExactly("r1", "r2", "r3");
        assertThat(delivered.get(delivered.size() - 1).checkpoint()).isEqualTo("r3");
        delivered.forEach(b -> assertThat(b.checkpoint()).isEqualTo(b.events().get(b.events().size() - 1).replayId()));
    }

    @Test
    void eventsThatGatherWhileABatchGoesOutLeaveTogetherUpToTheBatchSize() throws Exception {
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        delivery = delivery(100, 4, batch -> {
            firstStarted.countDown();
            release.await();
            delivered.add(batch);
        });
        announceAndOffer("r1");
        assertThat(firstStarted.await(5, TimeUnit.SECONDS)).isTrue();

        announceAndOffer("r2", "r3", "r4", "r5", "r6");
        release.countDown();

        awaitDelivered(6);
        assertThat(delivered).extracting(b -> b.events().size()).containsExactly(1, 4, 1);
        assertThat(delivered).extracting(Delivery.Batch::checkpoint).containsExactly("r1", "r5", "r6");
    }

    @Test
    void aFailedBatchIsRetriedInPlaceAndNothingBehindItGoesOutFirst() {
        AtomicInteger calls = new AtomicInteger();
        delivery = delivery(100, 1, batch -> {
            if (calls.incrementAndGet() <= 3) {
                throw new IllegalStateException("broker down");
            }
            delivered.add(batch);
        });

        announceAndOffer("r1", "r2");

        awaitDelivered(2);
        assertThat(delivered).extracting(Delivery.Batch::checkpoint).containsExactly("r1", "r2");
        assertThat(outcomes).containsExactly("failed r1 attempt 1: broker down", "failed r1 attempt 2: broker down",
                "failed r1 attempt 3: broker down", "delivered r1 after 3 failures", "delivered r2 after 0 failures");
    }

    @Test
    void aKeepAliveBecomesTheCheckpointOnceEverythingBeforeItWentOut() {
        delivery = delivery(100, 500, delivered::add);

        delivery.answered(List.of(), "k0");
        await().atMost(WAIT).until(() -> !delivered.isEmpty());
        assertThat(delivered.get(0)).as("a keep-alive before any event").isEqualTo(new Delivery.Batch(List.of(), "k0"));

        announceAndOffer("r1", "r2");
        delivery.answered(List.of(), "k1");

        await().atMost(WAIT).until(() -> delivered.stream().anyMatch(b -> b.checkpoint().equals("k1")));
        assertThat(events()).containsExactly("r1", "r2");
        assertThat(delivered.get(delivered.size() - 1).checkpoint()).isEqualTo("k1");
    }

    @Test
    void anEventTheClientDroppedBreaksTheDeliveryAndNothingAfterItGoesOut() {
        delivery = delivery(100, 500, delivered::add);

        delivery.answered(List.of("r1", "r2", "r3"), "r3");
        delivery.offer(event("r1"));
        delivery.offer(event("r3"));
        delivery.answered(List.of("r4"), "r4");
        delivery.offer(event("r4"));

        awaitDelivered(1);
        assertThat(delivery.broken()).contains("r3").contains("r2");
        await().during(Duration.ofMillis(500)).atMost(WAIT).until(() -> events().equals(List.of("r1")));
    }

    @Test
    void aResponseWhoseEventsWereNotAllHandedOverBreaksTheDelivery() {
        delivery = delivery(100, 500, delivered::add);

        delivery.answered(List.of("r1", "r2"), "r2");
        delivery.offer(event("r1"));
        delivery.answered(List.of(), "r2");

        assertThat(delivery.broken()).contains("[r2]");
    }

    @Test
    void aStreamThatEndsBeforeItsEventsWereHandedOverBreaksTheDelivery() {
        delivery = delivery(100, 500, delivered::add);
        delivery.answered(List.of("r1"), "r1");
        delivery.streamClosed();
        assertThat(delivery.broken()).contains("[r1]");

        Delivery whole = delivery(100, 500, delivered::add);
        whole.answered(List.of("r1"), "r1");
        whole.offer(event("r1"));
        whole.streamClosed();
        assertThat(whole.broken()).isNull();
        whole.close(WAIT);
    }

    @Test
    void aFullBufferHoldsTheStreamUntilTheSenderCatchesUp() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        delivery = delivery(2, 1, batch -> {
            started.countDown();
            release.await();
            delivered.add(batch);
        });
        announceAndOffer("r1");
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
        announceAndOffer("r2", "r3");
        Thread stream = new Thread(() -> announceAndOffer("r4"));
        stream.start();

        stream.join(500);
        assertThat(stream.isAlive()).as("the stream waits while the buffer is full").isTrue();
        assertThat(delivery.idle()).isFalse();
        release.countDown();
        stream.join(5_000);

        awaitDelivered(4);
        assertThat(events()).containsExactly("r1", "r2", "r3", "r4");
        await().atMost(WAIT).until(delivery::idle);
    }

    @Test
    void closingGivesAFailingBatchNoMoreAttemptsAndDropsWhatIsBuffered() {
        AtomicInteger calls = new AtomicInteger();
        delivery = delivery(100, 1, batch -> {
            calls.incrementAndGet();
            throw new IllegalStateException("broker down");
        });
        announceAndOffer("r1", "r2", "r3");
        await().atMost(WAIT).until(() -> calls.get() >= 1);

        assertThat(delivery.close(WAIT)).isTrue();

        int attempts = calls.get();
        announceAndOffer("r4");
        await().during(Duration.ofMillis(300)).atMost(WAIT).until(() -> calls.get() == attempts);
        assertThat(delivered).isEmpty();
        assertThat(delivery.idle()).isTrue();
    }

    private Delivery delivery(int capacity, int maxBatch, Delivery.Batches batches) {
        return new Delivery("delivery-test", capacity, maxBatch, Duration.ofMillis(20), Duration.ofMillis(80),
                Clock.systemUTC(), batches, new Delivery.Outcomes() {
                    @Override
                    public void delivered(Delivery.Batch batch, int failedAttempts) {
                        outcomes.add("delivered " + batch.checkpoint() + " after " + failedAttempts + " failures");
                    }

                    @Override
                    public void failed(Delivery.Batch batch, int attempt, Exception failure) {
                        outcomes.add("failed " + batch.checkpoint() + " attempt " + attempt + ": " + failure.getMessage());
                    }
                });
    }

    private void announceAndOffer(String... replayIds) {
        for (String replayId : replayIds) {
            delivery.answered(List.of(replayId), replayId);
            delivery.offer(event(replayId));
        }
    }

    private List<String> events() {
        synchronized (delivered) {
            return delivered.stream().flatMap(b -> b.events().stream()).map(AgentStateEvent::replayId).toList();
        }
    }

    private void awaitDelivered(int count) {
        await().atMost(WAIT).until(() -> events().size() >= count);
    }

    private static AgentStateEvent event(String replayId) {
        return new AgentStateEvent("005Hs00000AbCdEIAV", "Ready", null, CREATED, replayId);
    }

}
