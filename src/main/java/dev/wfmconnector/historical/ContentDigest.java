package dev.wfmconnector.historical;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * A stable digest of a record's published content: SHA-256 (hex) of its {@code data} written as JSON in field order.
 * Equal digests mean an unchanged record, so a re-computed interval is re-published only when its content changed.
 */
public final class ContentDigest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ContentDigest() {
    }

    public static String of(Map<String, Object> data) {
        try {
            byte[] json = JSON.writeValueAsBytes(data);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot digest record data " + data, e);
        }
    }
}
