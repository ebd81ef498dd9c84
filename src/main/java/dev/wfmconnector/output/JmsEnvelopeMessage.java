package dev.wfmconnector.output;

import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Handler;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.springframework.stereotype.Component;

/**
 * Turns one envelope into the JMS message of SPEC §6: the envelope's JSON as text, with the properties
 * {@code wfmType}, {@code wfmGroup}, {@code wfmKey} and Artemis' duplicate-detection id {@code _AMQ_DUPL_ID}
 * ({@code key|revision}), so the broker drops the same envelope published again.
 */
@Component("jmsEnvelopeMessage")
public class JmsEnvelopeMessage {
    public static final String TYPE = "wfmType";
    public static final String GROUP = "wfmGroup";
    public static final String KEY = "wfmKey";
    /** Artemis' {@code Message.HDR_DUPLICATE_DETECTION_ID}. */
    public static final String DUPLICATE_ID = "_AMQ_DUPL_ID";

    /** Replaces the {@link Envelope} body by its JSON and sets the message properties. */
    @Handler
    public void toMessage(Message message) throws InvalidPayloadException {
        Envelope envelope = message.getMandatoryBody(Envelope.class);
        message.setBody(EnvelopeJson.write(envelope));
        message.getHeaders().putAll(properties(envelope));
    }

    /** The JMS properties of an envelope's message. */
    public static Map<String, Object> properties(Envelope envelope) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put(TYPE, envelope.type());
        properties.put(GROUP, envelope.group());
        properties.put(KEY, envelope.key());
        properties.put(DUPLICATE_ID, envelope.duplicateId());
        return properties;
    }
}
