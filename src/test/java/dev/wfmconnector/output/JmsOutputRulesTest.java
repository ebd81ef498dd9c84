package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import jakarta.jms.JMSException;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.apache.activemq.artemis.api.core.ActiveMQTransactionRolledBackException;
import org.junit.jupiter.api.Test;
import org.springframework.jms.UncategorizedJmsException;

class JmsOutputRulesTest {

    @Test
    void aMessageCarriesTypeGroupKeyAndTheDuplicateDetectionIdKeyRevision() {
        Envelope envelope = TestEnvelopes.queueInterval("emea", "00GHs00000XyZaBMAV", 0);

        assertThat(JmsOutput.properties(envelope)).containsExactly(
                entry("wfmType", "queue-interval"),
                entry("wfmGroup", "emea"),
                entry("wfmKey", "emea|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z"),
                entry("_AMQ_DUPL_ID", "emea|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z|1"));
    }

    @Test
    void aTransactionRefusedForADuplicateIsRecognisedThroughSpringAndJmsWrappers() {
        JMSException jms = new JMSException("Duplicate message detected");
        jms.initCause(new ActiveMQDuplicateIdException());

        assertThat(JmsOutput.heldDuplicate(new UncategorizedJmsException(jms))).isTrue();
    }

    @Test
    void otherRefusalsAreNotDuplicates() {
        JMSException jms = new JMSException("rolled back");
        jms.initCause(new ActiveMQTransactionRolledBackException("timeout"));

        assertThat(JmsOutput.heldDuplicate(new UncategorizedJmsException(jms))).isFalse();
        assertThat(JmsOutput.heldDuplicate(new UncategorizedJmsException("no cause"))).isFalse();
    }
}
