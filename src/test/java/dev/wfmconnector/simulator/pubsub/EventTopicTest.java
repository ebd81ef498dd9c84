package dev.wfmconnector.simulator.pubsub;

import dev.wfmconnector.simulator.MutableClock;

import com.salesforce.eventbus.protobuf.ConsumerEvent;
import com.salesforce.eventbus.protobuf.ProducerEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class EventTopicTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-24T10:00:00Z"));
    private final EventTopic topic = new EventTopic(PlatformEventSchemas.AGENT_STATE_TOPIC,
            PlatformEventSchemas.AGENT_STATE, Duration.ofHours(72), clock, new SplittableRandom(7));

    @Test
    void positionsIncreaseWithGapsSoReplayIdsAreNotContiguous() {
        List<Long> positions = publish(200);

        assertThat(positions).isSorted().doesNotHaveDuplicates();
        long gaps = 0;
        for (int i = 1; i < positions.size(); i++) {
            gaps += positions.get(i) - positions.get(i - 1) > 1 ? 1 : 0;
        }
        assertThat(gaps).isGreaterThan(100);
    }

    @Test
    void eventsAreStoredWithTheirReplayIdsInOrder() {
        List<Long> positions = publish(5);

        List<ConsumerEvent> all = topic.after(topic.earliest(), 100);

        assertThat(all).extracting(e -> ReplayIds.decode(e.getReplayId()).getAsLong()).containsExactlyElementsOf(positions);
        assertThat(all).extracting(e -> e.getEvent().getId()).containsExactly("e0", "e1", "e2", "e3", "e4");
    }

    @Test
    void afterAPositionComeExactlyTheLaterEventsUpToTheMaximum() {
        List<Long> positions = publish(10);

        assertThat(topic.after(positions.get(3), 100)).extracting(e -> e.getEvent().getId())
                .containsExactly("e4", "e5", "e6", "e7", "e8", "e9");
        assertThat(topic.after(positions.get(3), 2)).extracting(e -> e.getEvent().getId()).containsExactly("e4", "e5");
        assertThat(topic.after(positions.get(3) + 1, 100)).hasSize(6);
        assertThat(topic.after(positions.get(9), 100)).isEmpty();
    }

    @Test
    void latestStartsAtTheNewestEventAndAnEmptyTopicHasAnOrigin() {
        long origin = topic.tip();
        assertThat(topic.earliest()).isEqualTo(origin);
        assertThat(topic.accepts(origin)).isTrue();

        List<Long> positions = publish(3);

        assertThat(topic.tip()).isEqualTo(positions.get(2));
        assertThat(topic.after(topic.tip(), 100)).isEmpty();
        assertThat(topic.after(topic.earliest(), 100)).hasSize(3);
    }

    @Test
    void acceptsIssuedPositionsAndRefusesFuturePositions() {
        long origin = topic.tip();
        List<Long> positions = publish(3);

        assertThat(topic.accepts(origin)).isTrue();
        assertThat(positions).allMatch(topic::accepts);
        assertThat(topic.accepts(origin - 1)).isFalse();
        assertThat(topic.accepts(positions.get(2) + 1)).isFalse();
    }

    @Test
    void eventsOlderThanTheRetentionAreDroppedAndTheirReplayIdsRefused() {
        List<Long> old = publish(3);
        clock.advance(Duration.ofHours(48));
        List<Long> recent = publish(2);
        clock.advance(Duration.ofHours(25));

        assertThat(topic.accepts(old.get(0))).isFalse();
        assertThat(topic.accepts(old.get(2))).isFalse();
        assertThat(topic.accepts(recent.get(0))).isTrue();
        assertThat(topic.after(topic.earliest(), 100)).extracting(e -> e.getEvent().getId()).containsExactly("e3", "e4");
        assertThat(topic.after(old.get(0), 100)).hasSize(2);
    }

    @Test
    void whenEverythingExpiredEarliestIsTheNewestPosition() {
        List<Long> positions = publish(3);
        clock.advance(Duration.ofHours(73));

        assertThat(topic.after(topic.earliest(), 100)).isEmpty();
        assertThat(topic.earliest()).isEqualTo(positions.get(2));
        assertThat(topic.accepts(positions.get(2))).isFalse();
    }

    @Test
    void manyExpiredEventsAreCompactedWithoutLosingRetainedOnes() {
        publish(3000);
        clock.advance(Duration.ofHours(73));
        List<Long> kept = publish(5);

        assertThat(topic.after(topic.earliest(), 100)).extracting(e -> ReplayIds.decode(e.getReplayId()).getAsLong())
                .containsExactlyElementsOf(kept);
    }

    private List<Long> publish(int count) {
        List<Long> positions = new ArrayList<>();
        int offset = topic.after(topic.earliest(), Integer.MAX_VALUE).size();
        for (int i = 0; i < count; i++) {
            positions.add(topic.append(ProducerEvent.newBuilder().setId("e" + (offset + i)).setSchemaId(topic.schemaId()).build()));
        }
        return positions;
    }
}
