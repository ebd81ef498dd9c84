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

    @Override
    protected PresenceRow readRecord(JsonParser p, RecordProblem problem) throws IOException {
        String id = null;
        String userId = null;
        String label = null;
        String apiName = null;
        long start = SalesforceDateTime.INVALID;
        long end = SalesforceDateTime.INVALID;
        boolean current = false;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            JsonToken token = p.nextToken();
            switch (name) {
                case "Id" -> id = text(p, name, problem);
                case "UserId" -> userId = text(p, name, problem);
                case "StatusStartDate" -> start = dateTime(p, name, problem);
                case "StatusEndDate" -> end = dateTime(p, name, problem);
                case "IsCurrentState" -> current = bool(p, name, problem);
                case "ServicePresenceStatus" -> {
                    if (token == JsonToken.START_OBJECT) {
                        for (String field = p.nextFieldName(); field != null; field = p.nextFieldName()) {
                            p.nextToken();
                            switch (field) {
                                case "MasterLabel" -> label = text(p, "ServicePresenceStatus.MasterLabel", problem);
                                case "DeveloperName" ->
                                        apiName = text(p, "ServicePresenceStatus.DeveloperName", problem);
                                default -> p.skipChildren();
                            }
                        }
                    } else if (token != JsonToken.VALUE_NULL) {
                        problem.note("ServicePresenceStatus: not an object");
                        p.skipChildren();
                    }
                }
                default -> p.skipChildren();
            }
        }
        if (!problem.require(id, "Id") || !problem.require(userId, "UserId")
                || !problem.require(instant(start), "StatusStartDate")) {
            return null;
        }
        return new PresenceRow(id, userId, label, apiName, instant(start), instant(end), current);
    }
}
