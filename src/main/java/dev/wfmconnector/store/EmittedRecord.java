package dev.wfmconnector.store;

import java.time.Instant;

/**
 * The digest of a published record, to re-emit it only when its content changed, with a higher revision.
 *
 * @param key           the record key, e.g. {@code emea|queue-interval|00G...|2026-11-24T10:00:00Z}
 * @param revision      the revision it was published with (1 for the first)
 * @param digest        digest of its content (computed by the producer; at most 64 characters, e.g. SHA-256 hex)
 * @param intervalStart the start of its interval; null for records that have none
 * @param publishedAt   when it was published
 */
public record EmittedRecord(String key, long revision, String digest, Instant intervalStart, Instant publishedAt) {
}
