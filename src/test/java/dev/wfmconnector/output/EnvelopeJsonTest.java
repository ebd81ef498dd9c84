package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvelopeJsonTest {

    @Test
    void anEnvelopeIsWrittenInFieldOrderWithUtcInstantsAndExplicitNulls() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", "005Hs00000AbCdEIAX");
        data.put("since", Instant.parse("2026-11-24T10:00:00.123456Z"));
        data.put("serviceLevelPercent", null);
        data.put("averageHandleSeconds", 93.5);
        Envelope envelope = Envelope.of(RecordType.AGENT_STATE, "emea", "emea|agent-state|005Hs00000AbCdEIAX|AAAB", 1,
                Instant.parse("2026-11-24T10:00:01Z"), data);

        assertThat(EnvelopeJson.write(envelope)).isEqualTo("""
                {"type":"agent-state","schemaVersion":1,"group":"emea","key":"emea|agent-state|005Hs00000AbCdEIAX|AAAB",\
                "revision":1,"producedAt":"2026-11-24T10:00:01Z","data":{"agentId":"005Hs00000AbCdEIAX",\
                "since":"2026-11-24T10:00:00.123456Z","serviceLevelPercent":null,"averageHandleSeconds":93.5}}""");
    }

    @Test
    void aBatchIsAJsonArrayOfItsEnvelopesInOrder() {
        Envelope a = TestEnvelopes.agent("emea", "A");
        Envelope b = TestEnvelopes.agent("emea", "B");

        assertThat(EnvelopeJson.writeArray(List.of(a, b)))
                .isEqualTo("[" + EnvelopeJson.write(a) + "," + EnvelopeJson.write(b) + "]");
    }
}
