package dev.wfmconnector.users;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.store.SalesforceUser;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads a page of a {@code User} query answer ({@code {totalSize, done, nextRecordsUrl?, records: [...]}}) with
 * Jackson's streaming parser, one record at a time. A record without an 18-character {@code Id}, without a
 * {@code Username}, without a true/false {@code IsActive}, or with a text field that is not text is skipped and
 * described in {@link UserPage#badRecords()}; a page that is not JSON of that shape fails the read.
 */
public final class UserPageReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9]{18}");

    private UserPageReader() {
    }

    public static UserPage read(InputStream page) throws IOException {
        List<SalesforceUser> users = new ArrayList<>();
        List<String> badRecords = new ArrayList<>();
        String nextRecordsUrl = null;
        try (JsonParser json = JSON.createParser(page)) {
            expect(json.nextToken(), JsonToken.START_OBJECT, "a query answer");
            while (json.nextToken() == JsonToken.FIELD_NAME) {
                String field = json.currentName();
                JsonToken value = json.nextToken();
                if ("records".equals(field)) {
                    expect(value, JsonToken.START_ARRAY, "records");
                    int index = 0;
                    while (json.nextToken() != JsonToken.END_ARRAY) {
                        index++;
                        JsonNode record = json.readValueAsTree();
                        try {
                            users.add(user(record));
                        } catch (IllegalArgumentException bad) {
                            badRecords.add("record " + index + idOf(record) + ": " + bad.getMessage());
                        }
                    }
                } else if ("nextRecordsUrl".equals(field)) {
                    nextRecordsUrl = value == JsonToken.VALUE_NULL ? null : json.getValueAsString();
                } else {
                    json.skipChildren();
                }
            }
        }
        return new UserPage(users, badRecords, nextRecordsUrl);
    }

    private static SalesforceUser user(JsonNode record) {
        if (!record.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
        }
        String id = text(record, "Id");
        if (id == null || !USER_ID.matcher(id).matches()) {
            throw new IllegalArgumentException("Id is not an 18-character Salesforce id");
        }
        String username = text(record, "Username");
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("Username is missing");
        }
        JsonNode active = record.path("IsActive");
        if (!active.isBoolean()) {
            throw new IllegalArgumentException("IsActive is not true or false");
        }
        return new SalesforceUser(id, username, text(record, "FirstName"), text(record, "LastName"),
                text(record, "Name"), text(record, "Email"), active.booleanValue(),
                text(record, "FederationIdentifier"), text(record, "TimeZoneSidKey"));
    }

    /** The field's text; null when absent or null; not text fails the record. */
    private static String text(JsonNode record, String field) {
        JsonNode value = record.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            throw new IllegalArgumentException(field + " is not text");
        }
        return value.textValue();
    }

    private static String idOf(JsonNode record) {
        JsonNode id = record.path("Id");
        return id.isTextual() ? " (Id " + id.textValue() + ")" : "";
    }

    private static void expect(JsonToken actual, JsonToken expected, String what) throws IOException {
        if (actual != expected) {
            throw new IOException("not a query answer page: expected " + what + " to start with " + expected
                    + " but found " + actual);
        }
    }
}
