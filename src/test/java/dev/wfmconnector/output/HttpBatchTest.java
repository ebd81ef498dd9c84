package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class HttpBatchTest {
    private final Envelope agent = TestEnvelopes.agent("emea", "005Hs00000AbCdEIAX");
    private final Envelope other = TestEnvelopes.agent("emea", "005Hs00000AbCdFIAX");

    @Test
    void idempotencyKeyIsTheHexSha256OfTheKeyRevisionListJoinedByNewlines() {
        // printf 'emea|agent|005Hs00000AbCdEIAX|2\nemea|agent|005Hs00000AbCdFIAX|2' | sha256sum
        assertThat(new HttpBatch("agent", List.of(agent, other)).idempotencyKey())
                .isEqualTo("e6f75fc303572d5f12a9f1a800c0f35ccd8a649656c86400db2962c3acbd11eb");
    }

    @Test
    void theSameBatchHasTheSameKeyAndAnyChangeOfRecordRevisionOrOrderChangesIt() {
        String key = new HttpBatch("agent", List.of(agent, other)).idempotencyKey();
        Envelope revised = new Envelope(agent.type(), 1, agent.group(), agent.key(), 3, agent.producedAt(), agent.data());

        assertThat(new HttpBatch("agent", List.of(agent, other)).idempotencyKey()).isEqualTo(key);
        assertThat(new HttpBatch("agent", List.of(other, agent)).idempotencyKey()).isNotEqualTo(key);
        assertThat(new HttpBatch("agent", List.of(revised, other)).idempotencyKey()).isNotEqualTo(key);
        assertThat(new HttpBatch("agent", List.of(agent)).idempotencyKey()).isNotEqualTo(key);
    }
}
