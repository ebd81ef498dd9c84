package dev.wfmconnector.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The fields of a Salesforce {@code User} that the connector publishes, as {@code agent} and {@code user} records.
 *
 * @param id           the 18-character user id
 * @param username     {@code Username}
 * @param firstName    {@code FirstName}
 * @param lastName     {@code LastName}
 * @param name         {@code Name}
 * @param email        {@code Email}
 * @param active       {@code IsActive}
 * @param federationId {@code FederationIdentifier}
 * @param timeZone     {@code TimeZoneSidKey}
 */
public record SalesforceUser(
        String id,
        String username,
        String firstName,
        String lastName,
        String name,
        String email,
        boolean active,
        String federationId,
        String timeZone) {

    /** SHA-256 (hex) of the published fields: equal digests mean nothing to publish. */
    public String digest() {
        String content = Arrays.stream(new Object[] {id, username, firstName, lastName, name, email, active,
                        federationId, timeZone})
                .map(v -> v == null ? "\u0000" : v.toString())
                .collect(Collectors.joining("\u001f"));
        try {
            return HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(content.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The published fields of an {@code agent} or {@code user} record (SPEC §6), its id under {@code idField}. */
    public Map<String, Object> publishedFields(String idField) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put(idField, id());
        data.put("username", username());
        data.put("firstName", firstName());
        data.put("lastName", lastName());
        data.put("name", name());
        data.put("email", email());
        data.put("active", active());
        data.put("federationId", federationId());
        data.put("timeZone", timeZone());
        return data;
    }
}
