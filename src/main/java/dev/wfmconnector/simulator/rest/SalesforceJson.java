package dev.wfmconnector.simulator.rest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** JSON as Salesforce writes it: datetimes like {@code 2026-11-24T10:00:00.000+0000}, errors as arrays. */
final class SalesforceJson {

    static final ObjectMapper MAPPER = new ObjectMapper();
    static final JsonFactory FACTORY = MAPPER.getFactory();

    private static final DateTimeFormatter DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ")
            .withZone(ZoneOffset.UTC);

    private SalesforceJson() {
    }

    static String datetime(Instant instant) {
        return DATETIME.format(instant);
    }

    static byte[] bytes(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] errors(String errorCode, String message) {
        Map<String, String> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("errorCode", errorCode);
        return bytes(List.of(error));
    }
}
