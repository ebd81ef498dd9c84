package dev.wfmconnector.config;

import java.time.Duration;

/**
 * {@code connector.outputs.*}.
 *
 * @param jmsEnabled         connector.outputs.jms.enabled (default true)
 * @param jmsQueuePrefix     connector.outputs.jms.queue-prefix (default {@code wfm.})
 * @param httpUrl            connector.outputs.http.url; null: HTTP output off
 * @param httpMaxAttempts    connector.outputs.http.max-attempts (default 8), counting every attempt
 * @param httpInitialBackoff connector.outputs.http.initial-backoff (default PT1S)
 * @param httpMaxBackoff     connector.outputs.http.max-backoff (default PT1M)
 */
public record OutputSettings(
        boolean jmsEnabled,
        String jmsQueuePrefix,
        String httpUrl,
        int httpMaxAttempts,
        Duration httpInitialBackoff,
        Duration httpMaxBackoff) {

    public static final OutputSettings DEFAULT =
            new OutputSettings(true, "wfm.", null, 8, Duration.ofSeconds(1), Duration.ofMinutes(1));

    public boolean httpEnabled() {
        return httpUrl != null && !httpUrl.isBlank();
    }
}
