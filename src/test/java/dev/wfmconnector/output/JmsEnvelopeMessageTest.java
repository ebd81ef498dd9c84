package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.Message;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;

class JmsEnvelopeMessageTest {

    @Test
    void anEnvelopeBecomesItsJsonTextWithTypeGroupKeyAndDuplicateDetectionId() throws Exception {
        Envelope envelope = TestEnvelopes.queueInterval("emea", "00GHs00000XyZaBMAV", 0);
        Message message = new DefaultExchange(new DefaultCamelContext()).getMessage();
        message.setBody(envelope);

        new JmsEnvelopeMessage().toMessage(message);

        assertThat(message.getBody()).isEqualTo(EnvelopeJson.write(envelope));
        assertThat(message.getHeaders()).containsEntry("wfmType", "queue-interval")
                .containsEntry("wfmGroup", "emea")
                .containsEntry("wfmKey", "emea|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z")
                .containsEntry("_AMQ_DUPL_ID", "emea|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z|1");
    }
}
