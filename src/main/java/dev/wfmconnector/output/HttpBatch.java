package dev.wfmconnector.output;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Envelopes of one record type, in record order, posted together as one JSON array to {@code <url>/<type>}.
 *
 * @param type      the record type's wire name, e.g. {@code queue-interval}
 * @param envelopes at most {@link HttpBatches#MAX_SIZE}, all of {@code type}
 */
public record HttpBatch(String type, List<Envelope> envelopes) {

    public HttpBatch {
        envelopes = List.copyOf(envelopes);
    }

    /**
     * The {@code Idempotency-Key}: hex SHA-256 of the envelopes' {@code key|revision} list joined by a newline.
     * The same batch always has the same key, so a receiver can drop a retry, or a re-publish after a crash of the
     * same records cut into the same batch.
     */
    public String idempotencyKey() {
        String ids = envelopes.stream().map(Envelope::duplicateId).collect(Collectors.joining("\n"));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
