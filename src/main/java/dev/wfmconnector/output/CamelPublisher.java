package dev.wfmconnector.output;

import java.util.List;
import org.apache.camel.CamelExchangeException;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.springframework.stereotype.Component;

/** The {@link Publisher}: sends the envelopes, in record order, to {@code direct:publish} (routes/outputs.camel.yaml). */
@Component
public class CamelPublisher implements Publisher {
    static final String ENDPOINT = "direct:publish";

    private final ProducerTemplate producer;

    public CamelPublisher(ProducerTemplate producer) {
        this.producer = producer;
    }

    /** @throws PublishException when an enabled output could not take the envelopes */
    @Override
    public void publish(List<Envelope> envelopes) {
        if (envelopes.isEmpty()) {
            return;
        }
        try {
            producer.sendBody(ENDPOINT, List.copyOf(envelopes));
        } catch (CamelExecutionException e) {
            Throwable cause = outputFailure(e);
            throw new PublishException("publishing " + envelopes.size() + " records failed: " + cause, cause);
        }
    }

    /** The exception an output threw, without Camel's wrappers around it. */
    private static Throwable outputFailure(CamelExecutionException e) {
        Throwable t = e;
        while ((t instanceof CamelExecutionException || t instanceof CamelExchangeException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
