package dev.wfmconnector.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jms.core.JmsTemplate;

/** The JMS output on the embedded broker, through direct:publish. */
class JmsOutputTest extends OutputsContextTest {
    private static final String AGENT_ID = "005Hs00000AbCdEIAX";
    private static final String QUEUE_ID = "00GHs00000XyZaBMAV";

    @Autowired
    ConnectionFactory connectionFactory;

    @Autowired
    MeterRegistry meters;

    private JmsTemplate consumer;

    @BeforeEach
    void consumer() {
        consumer = new JmsTemplate(connectionFactory);
        consumer.setReceiveTimeout(2_000);
    }

    @Test
    void anEnvelopeIsAPersistentTextMessageOnTheQueueOfItsTypeWithItsProperties() throws JMSException {
        publisher.publish(List.of(TestEnvelopes.queueInterval("jms-one", QUEUE_ID, 0)));

        Message message = consumer.receiveSelected("wfm.queue-interval", "wfmGroup = 'jms-one'");

        assertThat(message).isInstanceOf(TextMessage.class);
        assertThat(((TextMessage) message).getText()).isEqualTo("""
                {"type":"queue-interval","schemaVersion":1,"group":"jms-one",\
                "key":"jms-one|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z","revision":1,\
                "producedAt":"2026-11-24T10:17:03.250Z","data":{"queueId":"00GHs00000XyZaBMAV",\
                "queueName":"Chat Support","intervalStart":"2026-11-24T10:00:00Z","intervalMinutes":15,\
                "offered":12,"serviceLevelPercent":null}}""");
        assertThat(message.getStringProperty("wfmType")).isEqualTo("queue-interval");
        assertThat(message.getStringProperty("wfmGroup")).isEqualTo("jms-one");
        assertThat(message.getStringProperty("wfmKey")).isEqualTo("jms-one|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z");
        assertThat(message.getStringProperty("_AMQ_DUPL_ID")).isEqualTo("jms-one|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z|1");
        assertThat(message.getJMSDeliveryMode()).isEqualTo(jakarta.jms.DeliveryMode.PERSISTENT);
    }

    @Test
    void envelopesArriveInRecordOrderOnTheQueueOfEachType() throws JMSException {
        publisher.publish(List.of(
                TestEnvelopes.queueInterval("jms-order", QUEUE_ID, 0),
                TestEnvelopes.agent("jms-order", AGENT_ID),
                TestEnvelopes.queueInterval("jms-order", QUEUE_ID, 1),
                TestEnvelopes.queueInterval("jms-order", QUEUE_ID, 2)));

        assertThat(keys("wfm.queue-interval", "jms-order", 3)).containsExactly(
                "jms-order|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:00:00Z",
                "jms-order|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:15:00Z",
                "jms-order|queue-interval|00GHs00000XyZaBMAV|2026-11-24T10:30:00Z");
        assertThat(keys("wfm.agent", "jms-order", 1)).containsExactly("jms-order|agent|005Hs00000AbCdEIAX");
    }

    @Test
    void theSameEnvelopePublishedTwiceIsDeliveredOnce() throws JMSException {
        Envelope first = TestEnvelopes.queueInterval("jms-twice", QUEUE_ID, 0);
        Envelope next = TestEnvelopes.queueInterval("jms-twice", QUEUE_ID, 1);

        publisher.publish(List.of(first));
        publisher.publish(List.of(first));  // e.g. a run re-published after a crash before its watermark was committed
        publisher.publish(List.of(next));

        // FIFO queue: the message after the first is the next envelope, so the second copy was dropped by the broker
        assertThat(keys("wfm.queue-interval", "jms-twice", 2)).containsExactly(first.key(), next.key());
        consumer.setReceiveTimeout(300);
        assertThat(consumer.receiveSelected("wfm.queue-interval", "wfmGroup = 'jms-twice'")).isNull();
    }

    @Test
    void aRepublishedRunDeliversOnlyItsNewRecordsInOrder() throws JMSException {
        Envelope a = TestEnvelopes.queueInterval("jms-rerun", QUEUE_ID, 0);
        Envelope b = TestEnvelopes.queueInterval("jms-rerun", QUEUE_ID, 1);
        Envelope c = TestEnvelopes.queueInterval("jms-rerun", QUEUE_ID, 2);
        Envelope d = TestEnvelopes.queueInterval("jms-rerun", QUEUE_ID, 3);

        publisher.publish(List.of(a, b));
        publisher.publish(List.of(a, c, b, d));  // the run again after a crash before its watermark, plus new records

        assertThat(keys("wfm.queue-interval", "jms-rerun", 4)).containsExactly(a.key(), b.key(), c.key(), d.key());
        consumer.setReceiveTimeout(300);
        assertThat(consumer.receiveSelected("wfm.queue-interval", "wfmGroup = 'jms-rerun'")).isNull();
    }

    @Test
    void aNewRevisionOfARecordIsDeliveredAgain() throws JMSException {
        Envelope first = TestEnvelopes.queueInterval("jms-revision", QUEUE_ID, 0);
        Envelope revised = new Envelope(first.type(), first.schemaVersion(), first.group(), first.key(), 2,
                first.producedAt(), first.data());

        publisher.publish(List.of(first, revised));

        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            ids.add(consumer.receiveSelected("wfm.queue-interval", "wfmGroup = 'jms-revision'").getStringProperty("_AMQ_DUPL_ID"));
        }
        assertThat(ids).containsExactly(first.duplicateId(), revised.duplicateId());
    }

    @Test
    void anEnvelopeTheJmsOutputCannotTakeFailsThePublishAndIsCounted() {
        double failures = meters.counter("wfm.output.jms.send.failures").count();
        Envelope unwritable = Envelope.of(RecordType.AGENT, "jms-fail", "jms-fail|agent|x", 1, TestEnvelopes.PRODUCED_AT,
                Map.of("agentId", new Object()));

        assertThatThrownBy(() -> publisher.publish(List.of(unwritable)))
                .isInstanceOf(PublishException.class)
                .hasMessageContaining("publishing 1 records failed");
        assertThat(meters.counter("wfm.output.jms.send.failures").count()).isEqualTo(failures + 1);
    }

    @Test
    void publishedRecordsAreCountedPerOutputAndType() {
        double before = meters.counter("wfm.records.published", "output", "jms", "type", "agent").count();

        publisher.publish(List.of(TestEnvelopes.agent("jms-count", AGENT_ID), TestEnvelopes.agent("jms-count", "005Hs00000AbCdFIAX")));

        assertThat(meters.counter("wfm.records.published", "output", "jms", "type", "agent").count()).isEqualTo(before + 2);
    }

    private List<String> keys(String queue, String group, int count) throws JMSException {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Message message = consumer.receiveSelected(queue, "wfmGroup = '" + group + "'");
            assertThat(message).as("message %d of %d on %s", i + 1, count, queue).isNotNull();
            keys.add(message.getStringProperty("wfmKey"));
        }
        return keys;
    }
}
