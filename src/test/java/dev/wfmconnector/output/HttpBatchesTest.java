package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpBatchesTest {
    private final HttpBatches batches = new HttpBatches();

    @Test
    void envelopesAreGroupedByTypeInTheOrderTypesFirstAppearKeepingRecordOrder() {
        Envelope q0 = TestEnvelopes.queueInterval("g", "Q", 0);
        Envelope a1 = TestEnvelopes.agent("g", "A1");
        Envelope q1 = TestEnvelopes.queueInterval("g", "Q", 1);
        Envelope a2 = TestEnvelopes.agent("g", "A2");
        Envelope q2 = TestEnvelopes.queueInterval("g", "Q", 2);

        assertThat(batches.split(List.of(q0, a1, q1, a2, q2))).containsExactly(
                new HttpBatch("queue-interval", List.of(q0, q1, q2)),
                new HttpBatch("agent", List.of(a1, a2)));
    }

    @Test
    void aTypeIsCutIntoBatchesOfAtMost500() {
        List<Envelope> envelopes = queueIntervals(1_001);

        List<HttpBatch> split = batches.split(envelopes);

        assertThat(split).extracting(b -> b.envelopes().size()).containsExactly(500, 500, 1);
        assertThat(split.get(0).envelopes()).isEqualTo(envelopes.subList(0, 500));
        assertThat(split.get(1).envelopes()).isEqualTo(envelopes.subList(500, 1_000));
        assertThat(split.get(2).envelopes()).containsExactly(envelopes.get(1_000));
    }

    @Test
    void exactly500MakeOneBatch() {
        assertThat(batches.split(queueIntervals(500))).hasSize(1);
    }

    @Test
    void nothingMakesNoBatch() {
        assertThat(batches.split(List.of())).isEmpty();
    }

    private static List<Envelope> queueIntervals(int count) {
        List<Envelope> envelopes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            envelopes.add(TestEnvelopes.queueInterval("g", "Q", i));
        }
        return envelopes;
    }
}
