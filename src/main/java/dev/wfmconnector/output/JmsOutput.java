package dev.wfmconnector.output;

import dev.wfmconnector.config.OutputSettings;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.MessageProducer;
import jakarta.jms.Queue;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.activemq.artemis.api.core.ActiveMQDuplicateIdException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jms.JmsException;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.jms.core.SessionCallback;
import org.springframework.stereotype.Component;

/**
 * The JMS output: one persistent text message per envelope on the queue of its record type,
 * {@code <queue-prefix><type>}, in record order: the envelope's JSON as text, with the properties {@code wfmType},
 * {@code wfmGroup}, {@code wfmKey} and Artemis' duplicate-detection id {@code _AMQ_DUPL_ID} ({@code key|revision}),
 * so the broker drops an envelope published again. {@link #send} returns once the broker has stored every message.
 *
 * <p>The messages go in transactions of up to {@value #TRANSACTION_SIZE}, one disk sync per transaction instead of
 * one per message. Artemis rolls back a whole transaction that holds a duplicate ({@code _AMQ_DUPL_ID} seen before,
 * i.e. a re-published run); such a transaction's messages are then sent again one by one, without a transaction, and
 * the broker drops just the duplicates.
 */
@Component("jmsOutput")
public class JmsOutput {
    public static final String TYPE = "wfmType";
    public static final String GROUP = "wfmGroup";
    public static final String KEY = "wfmKey";
    /** Artemis' {@code Message.HDR_DUPLICATE_DETECTION_ID}. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";
    static final int TRANSACTION_SIZE = 1_000;
    private static final Logger log = LoggerFactory.getLogger(JmsOutput.class);

    private final JmsTemplate transacted;
    private final JmsTemplate oneByOne;
    private final String queuePrefix;
    private final OutputMetrics metrics;
    private final Map<String, Queue> queues = new ConcurrentHashMap<>();

    public JmsOutput(ConnectionFactory connectionFactory, OutputSettings settings, OutputMetrics metrics) {
        this.transacted = new JmsTemplate(connectionFactory);
        this.transacted.setSessionTransacted(true);
        this.oneByOne = new JmsTemplate(connectionFactory);
        this.queuePrefix = settings.jmsQueuePrefix();
        this.metrics = metrics;
    }

    /** Sends the envelopes in record order and returns once the broker has stored them all. */
    public void send(List<Envelope> envelopes) {
        try {
            for (int from = 0; from < envelopes.size(); from += TRANSACTION_SIZE) {
                List<Envelope> part = envelopes.subList(from, Math.min(from + TRANSACTION_SIZE, envelopes.size()));
                try {
                    transacted.execute(sendAll(part), false);
                } catch (JmsException e) {
                    if (!heldDuplicate(e)) {
                        throw e;
                    }
                    log.info("a transaction of {} records holds records published before; sending them one by one"
                            + " so the broker drops just the duplicates", part.size());
                    oneByOne.execute(sendAll(part), false);
                }
            }
        } catch (RuntimeException e) {
            metrics.jmsSendFailed();
            throw e;
        }
        metrics.published(OutputMetrics.JMS, envelopes);
    }

    /** Whether Artemis refused the transaction because it held a message with a duplicate-detection id seen before. */
    static boolean heldDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ActiveMQDuplicateIdException) {
                return true;
            }
        }
        return false;
    }

    private SessionCallback<Void> sendAll(List<Envelope> envelopes) {
        return session -> {
            try (MessageProducer producer = session.createProducer(null)) {
                producer.setDeliveryMode(DeliveryMode.PERSISTENT);
                for (Envelope envelope : envelopes) {
                    producer.send(queue(session, queuePrefix + envelope.type()), message(session, envelope));
                }
                if (session.getTransacted()) {
                    session.commit();
                }
            } catch (JMSException | RuntimeException e) {
                rollback(session, e);
                throw e;
            }
            return null;
        };
    }

    /**
     * The queue of that name, created once and reused: Artemis checks a destination with the broker (a blocking round
     * trip) the first time it is used and marks it checked, so a new destination object per message costs a round
     * trip per message.
     */
    private Queue queue(Session session, String name) throws JMSException {
        Queue queue = queues.get(name);
        if (queue == null) {
            queue = session.createQueue(name);
            queues.put(name, queue);
        }
        return queue;
    }

    /** Ends a failed transaction, keeping the failure that ended it. */
    private static void rollback(Session session, Exception failure) {
        try {
            if (session.getTransacted()) {
                session.rollback();
            }
        } catch (JMSException e) {
            failure.addSuppressed(e);
        }
    }

    private static TextMessage message(Session session, Envelope envelope) throws JMSException {
        TextMessage message = session.createTextMessage(EnvelopeJson.write(envelope));
        for (Map.Entry<String, String> property : properties(envelope).entrySet()) {
            message.setStringProperty(property.getKey(), property.getValue());
        }
        return message;
    }

    /** The JMS properties of an envelope's message. */
    static Map<String, String> properties(Envelope envelope) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put(TYPE, envelope.type());
        properties.put(GROUP, envelope.group());
        properties.put(KEY, envelope.key());
        properties.put(DUPLICATE_ID, envelope.duplicateId());
        return properties;
    }
}
