package dev.wfmconnector.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.util.List;

/**
 * The JSON every output writes: one envelope as a JSON object (JMS), a batch as a JSON array (HTTP).
 * Instants are written as {@code Instant.toString()} (UTC, {@code Z}); nulls in {@code data} are written as {@code null}.
 */
public final class EnvelopeJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .build();

    private EnvelopeJson() {
    }

    public static String write(Envelope envelope) {
        return toJson(envelope);
    }

    public static String writeArray(List<Envelope> envelopes) {
        return toJson(envelopes);
    }

    private static String toJson(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write envelope JSON: " + e.getOriginalMessage(), e);
        }
    }
}
