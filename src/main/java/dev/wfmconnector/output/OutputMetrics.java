package dev.wfmconnector.output;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Output metrics:
 * {@code wfm.records.published{output,type}} records an output took (JMS: stored by the broker, or dropped by it as
 * a duplicate; HTTP: answered 2xx),
 * {@code wfm.output.http.attempts{type}} and {@code wfm.output.http.retries{type}} POSTs made and repeated,
 * {@code wfm.output.dead.letters{output,type}} batches put in the dead-letter store,
 * {@code wfm.output.jms.send.failures} publish calls the JMS output failed.
 */
@Component
public class OutputMetrics {
    public static final String JMS = "jms";
    public static final String HTTP = "http";

    private final MeterRegistry registry;

    public OutputMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Counts the envelopes an output took, per record type. */
    public void published(String output, List<Envelope> envelopes) {
        Map<String, Long> perType = new LinkedHashMap<>();
        envelopes.forEach(e -> perType.merge(e.type(), 1L, Long::sum));
        perType.forEach((type, count) -> counter("wfm.records.published", "output", output, "type", type).increment(count));
    }

    public void httpAttempt(String type) {
        counter("wfm.output.http.attempts", "type", type).increment();
    }

    public void httpRetry(String type) {
        counter("wfm.output.http.retries", "type", type).increment();
    }

    public void deadLetter(String output, String type) {
        counter("wfm.output.dead.letters", "output", output, "type", type).increment();
    }

    public void jmsSendFailed() {
        counter("wfm.output.jms.send.failures").increment();
    }

    private Counter counter(String name, String... tags) {
        return registry.counter(name, tags);
    }
}
