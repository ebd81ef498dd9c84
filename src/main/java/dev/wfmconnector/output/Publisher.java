package dev.wfmconnector.output;

import java.util.List;

/**
 * Hands envelopes to every enabled output through {@code direct:publish} (routes/outputs.camel.yaml).
 * Returns only when every enabled output has taken them (JMS sent persistently; HTTP delivered or kept in the
 * dead-letter store); throws when an output could not take them, so the caller does not acknowledge its run.
 */
public interface Publisher {
    void publish(List<Envelope> envelopes);
}
