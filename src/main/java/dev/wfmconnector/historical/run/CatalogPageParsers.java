package dev.wfmconnector.historical.run;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wfmconnector.historical.SoqlPageParser;
import dev.wfmconnector.store.PresenceStatus;
import dev.wfmconnector.store.SalesforceUser;
import java.io.IOException;
import java.util.function.Function;

/**
 * Streaming readers of the small objects a run reads beside presence and work: {@code ServicePresenceStatus} (the
 * catalog), {@code Group} (queue names) and {@code User} (agent sync). A record missing its Id is skipped and counted.
 */
final class CatalogPageParsers {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A queue: {@code Group} with {@code Type = 'Queue'}. */
    record Queue(String id, String name) {
    }

    static final SoqlPageParser<PresenceStatus> PRESENCE_STATUSES = parser(r -> new PresenceStatus(
            text(r, "Id"), text(r, "MasterLabel"), text(r, "DeveloperName")));

    static final SoqlPageParser<Queue> QUEUES = parser(r -> new Queue(text(r, "Id"), text(r, "Name")));

    static final SoqlPageParser<SalesforceUser> USERS = parser(r -> new SalesforceUser(text(r, "Id"),
            text(r, "Username"), text(r, "FirstName"), text(r, "LastName"), text(r, "Name"), text(r, "Email"),
            r.path("IsActive").asBoolean(false), text(r, "FederationIdentifier"), text(r, "TimeZoneSidKey")));

    private CatalogPageParsers() {
    }

    private static <R> SoqlPageParser<R> parser(Function<JsonNode, R> row) {
        return new SoqlPageParser<>() {
            @Override
            protected R readRecord(JsonParser p, FieldReader fields) throws IOException {
                JsonNode record = JSON.readTree(p);
                // a record without Id cannot be a row: returning null counts it as unreadable
                return CatalogPageParsers.text(record, "Id") == null ? null : row.apply(record);
            }
        };
    }

    private static String text(JsonNode record, String field) {
        JsonNode value = record.get(field);
        return value == null || value.isNull() || value.asText().isEmpty() ? null : value.asText();
    }
}
