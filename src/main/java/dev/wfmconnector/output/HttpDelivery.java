package dev.wfmconnector.output;

import dev.wfmconnector.config.OutputSettings;
import dev.wfmconnector.output.HttpRetryPolicy.Attempt;
import dev.wfmconnector.output.HttpRetryPolicy.Decision;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Delivers one {@link HttpBatch} to the HTTP output: POST of its JSON array to {@code <url>/<type>} with the
 * batch's {@code Idempotency-Key} on every attempt, retried as {@link HttpRetryPolicy} decides. A batch that cannot
 * be delivered goes to the {@link DeadLetterStore}; either way it has been taken when this returns. Throws only when
 * even the dead-letter store fails (or the thread is interrupted), so nothing is lost.
 * Every wait is bounded by {@code max-backoff}, every attempt by {@value #REQUEST_TIMEOUT_SECONDS} s.
 */
@Component("httpDelivery")
public class HttpDelivery {
    static final long REQUEST_TIMEOUT_SECONDS = 30;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DETAIL_LENGTH = 300;
    private static final Logger log = LoggerFactory.getLogger(HttpDelivery.class);

    private final String baseUrl;
    private final HttpRetryPolicy policy;
    private final DeadLetterStore deadLetters;
    private final OutputMetrics metrics;
    private final HttpClient client;

    public HttpDelivery(OutputSettings settings, DeadLetterStore deadLetters, OutputMetrics metrics) {
        this.baseUrl = settings.httpEnabled() ? settings.httpUrl().replaceAll("/+$", "") : null;
        this.policy = HttpRetryPolicy.of(settings);
        this.deadLetters = deadLetters;
        this.metrics = metrics;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** Delivers the batch, or stores it as a dead letter. */
    public void deliver(HttpBatch batch) {
        if (baseUrl == null) {
            throw new IllegalStateException("the HTTP output is off (connector.outputs.http.url is not set)");
        }
        String url = baseUrl + "/" + batch.type();
        String body = EnvelopeJson.writeArray(batch.envelopes());
        String key = batch.idempotencyKey();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(REQUEST_TIMEOUT_SECONDS))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        for (int attempt = 1; ; attempt++) {
            Attempt result = send(request);
            metrics.httpAttempt(batch.type());
            Decision decision = policy.decide(attempt, result, Instant.now());
            switch (decision.action()) {
                case DELIVERED -> {
                    metrics.published(OutputMetrics.HTTP, batch.envelopes());
                    return;
                }
                case RETRY -> {
                    metrics.httpRetry(batch.type());
                    log.debug("{} batch of {} records: attempt {} failed ({}), retrying in {}",
                            batch.type(), batch.envelopes().size(), attempt, result.describe(), decision.delay());
                    pause(decision.delay());
                }
                case DEAD_LETTER -> {
                    long id = deadLetters.add(new DeadLetter(null, OutputMetrics.HTTP, batch.type(), url, key,
                            batch.envelopes().size(), body, result.status(), decision.reason(), attempt, Instant.now()));
                    metrics.deadLetter(OutputMetrics.HTTP, batch.type());
                    log.warn("{} batch of {} records (Idempotency-Key {}) is dead letter {}: {}",
                            batch.type(), batch.envelopes().size(), key, id, decision.reason());
                    return;
                }
            }
        }
    }

    private Attempt send(HttpRequest request) {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return Attempt.answered(response.statusCode(), response.headers().firstValue("Retry-After").orElse(null),
                    abbreviate(response.body()));
        } catch (IOException e) {
            return Attempt.unanswered(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()));
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static void pause(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            throw interrupted(e);
        }
    }

    private static IllegalStateException interrupted(InterruptedException e) {
        Thread.currentThread().interrupt();
        return new IllegalStateException("interrupted before the HTTP batch was delivered or dead-lettered", e);
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= MAX_DETAIL_LENGTH ? text : text.substring(0, MAX_DETAIL_LENGTH) + "…";
    }
}
