package dev.wfmconnector.historical;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads {@code AgentWork} pages into {@link AgentWorkRow}s: WorkItemId, UserId, OriginalGroupId, OriginalQueueId,
 * RequestDateTime, AcceptDateTime, CancelDateTime, HandleTime, AfterConversationActualTime and Status. The queue is
 * OriginalGroupId, else OriginalQueueId. Id, WorkItemId, UserId and RequestDateTime are required; a field left out of
 * the query (AfterConversationActualTime before API 52.0) counts as 0 or null. Id is only checked for presence, and
 * the other fields the default query selects (ServiceChannelId, CloseDateTime) are skipped unread: the evaluation
 * does not use them, so they cost no decoding and a bad value there does not cost the row. Stateless and thread-safe.
 */
public final class AgentWorkPageParser extends SoqlPageParser<AgentWorkRow> {

    /** The fields read, named as in the API. */
    private enum Field {
        Id, WorkItemId, UserId, OriginalGroupId, OriginalQueueId, RequestDateTime, AcceptDateTime, CancelDateTime,
        HandleTime, AfterConversationActualTime, Status
    }

    private static final Field[] FIELDS = Field.values();

    @Override
    protected AgentWorkRow readRecord(JsonParser p, FieldReader fields) throws IOException {
        boolean hasId = false;
        String workItemId = null;
        String userId = null;
        String groupId = null;
        String queueId = null;
        String status = null;
        long request = SalesforceDateTime.NONE;
        long accept = SalesforceDateTime.NONE;
        long cancel = SalesforceDateTime.NONE;
        long handle = 0;
        long afterConversation = 0;
        for (Field field = fields.next(FIELDS); field != null; field = fields.next(FIELDS)) {
            String name = field.name();
            switch (field) {
                case Id -> hasId = fields.present(name);
                case WorkItemId -> workItemId = fields.text(name);
                case UserId -> userId = fields.sharedText(name);
                case OriginalGroupId -> groupId = fields.sharedText(name);
                case OriginalQueueId -> queueId = fields.sharedText(name);
                case RequestDateTime -> request = fields.dateTime(name);
                case AcceptDateTime -> accept = fields.dateTime(name);
                case CancelDateTime -> cancel = fields.dateTime(name);
                case HandleTime -> handle = fields.secondsAsMillis(name);
                case AfterConversationActualTime -> afterConversation = fields.secondsAsMillis(name);
                case Status -> status = fields.sharedText(name);
            }
        }
        if (!fields.require(hasId, "Id") || !fields.require(workItemId, "WorkItemId")
                || !fields.require(userId, "UserId") || !fields.require(request, "RequestDateTime")) {
            return null;
        }
        return new AgentWorkRow(workItemId, userId, groupId != null ? groupId : queueId, request, accept, cancel,
                handle, afterConversation, status);
    }
}
