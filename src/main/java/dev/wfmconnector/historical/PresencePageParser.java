package dev.wfmconnector.historical;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * Reads {@code UserServicePresence} pages into {@link PresenceRow}s (fields: Id, UserId,
 * ServicePresenceStatus.MasterLabel, ServicePresenceStatus.DeveloperName, StatusStartDate, StatusEndDate,
 * IsCurrentState). Id, UserId and StatusStartDate are required. Stateless and thread-safe.
 */
public final class PresencePageParser extends SoqlPageParser<PresenceRow> {

    /** The fields read, named as in the API. */
    private enum Field {
        Id, UserId, ServicePresenceStatus, StatusStartDate, StatusEndDate, IsCurrentState
    }

    private static final Field[] FIELDS = Field.values();

    @Override
    protected PresenceRow readRecord(JsonParser p, FieldReader fields) throws IOException {
        String id = null;
        String userId = null;
        String label = null;
        String apiName = null;
        long start = SalesforceDateTime.NONE;
        long end = SalesforceDateTime.NONE;
        boolean current = false;
        for (Field field = fields.next(FIELDS); field != null; field = fields.next(FIELDS)) {
            String name = field.name();
            switch (field) {
                case Id -> id = fields.text(name);
                case UserId -> userId = fields.sharedText(name);
                case StatusStartDate -> start = fields.dateTime(name);
                case StatusEndDate -> end = fields.dateTime(name);
                case IsCurrentState -> current = fields.bool(name);
                case ServicePresenceStatus -> {
                    JsonToken token = p.currentToken();
                    if (token == JsonToken.START_OBJECT) {
                        for (String statusField = p.nextFieldName(); statusField != null;
                             statusField = p.nextFieldName()) {
                            p.nextToken();
                            switch (statusField) {
                                case "MasterLabel" -> label = fields.sharedText("ServicePresenceStatus.MasterLabel");
                                case "DeveloperName" ->
                                        apiName = fields.sharedText("ServicePresenceStatus.DeveloperName");
                                default -> p.skipChildren();
                            }
                        }
                    } else if (token != JsonToken.VALUE_NULL) {
                        fields.note("ServicePresenceStatus: not an object");
                        p.skipChildren();
                    }
                }
            }
        }
        if (!fields.require(id, "Id") || !fields.require(userId, "UserId")
                || !fields.require(start, "StatusStartDate")) {
            return null;
        }
        return new PresenceRow(id, userId, label, apiName, start, end, current);
    }
}
