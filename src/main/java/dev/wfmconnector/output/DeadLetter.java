package dev.wfmconnector.output;

import java.time.Instant;

/**
 * A batch an output could not deliver, kept with everything needed to deliver it again: POST {@code body} to
 * {@code url} with {@code Content-Type: application/json} and {@code Idempotency-Key: idempotencyKey}.
 *
 * @param id             store id ({@code null} before it is stored)
 * @param output         the output that gave up, e.g. {@code http}
 * @param type           record type of the envelopes
 * @param url            where the batch was posted
 * @param idempotencyKey the Idempotency-Key sent on every attempt
 * @param records        number of envelopes in {@code body}
 * @param body           the JSON array exactly as posted
 * @param lastStatus     HTTP status of the last attempt; null when the receiver did not answer
 * @param reason         why it was given up, e.g. {@code HTTP 400: ... (not retried)}
 * @param attempts       attempts made
 * @param createdAt      when it was given up
 */
public record DeadLetter(
        Long id,
        String output,
        String type,
        String url,
        String idempotencyKey,
        int records,
        String body,
        Integer lastStatus,
        String reason,
        int attempts,
        Instant createdAt) {
}
