package dev.wfmconnector.historical;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads {@code AgentWork} pages into {@link AgentWorkRow}s (fields: Id, WorkItemId, UserId, OriginalGroupId,
 * OriginalQueueId, ServiceChannelId, RequestDateTime, AcceptDateTime, CancelDateTime, CloseDateTime, HandleTime,
 * AfterConversationActualTime, Status). The queue is OriginalGroupId, else OriginalQueueId. Id, WorkItemId, UserId
 * and RequestDateTime are required; a field left out of the query (AfterConversationActualTime before API 52.0)
 * counts as 0 or null. Stateless and thread-safe.
 */
public final class AgentWorkPageParser extends SoqlPageParser<AgentWorkRow> {

    @Override
    protected AgentWorkRow readRecord(JsonParser p, FieldReader fields) throws IOException {
        String id = null;
        String workItemId = null;
        String userId = null;
        String groupId = null;
        String queueId = null;
        String channelId = null;
        String status = null;
        long request = SalesforceDateTime.NONE;
        long accept = SalesforceDateTime.NONE;
        long cancel = SalesforceDateTime.NONE;
        long close = SalesforceDateTime.NONE;
        long handle = 0;
        long afterConversation = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "Id" -> id = fields.text(name);
                case "WorkItemId" -> workItemId = fields.text(name);
                case "UserId" -> userId = fields.sharedText(name);
                case "OriginalGroupId" -> groupId = fields.sharedText(name);
                case "OriginalQueueId" -> queueId = fields.sharedText(name);
                case "ServiceChannelId" -> channelId = fields.sharedText(name);
                case "RequestDateTime" -> request = fields.dateTime(name);
                case "AcceptDateTime" -> accept = fields.dateTime(name);
                case "CancelDateTime" -> cancel = fields.dateTime(name);
                case "CloseDateTime" -> close = fields.dateTime(name);
                case "HandleTime" -> handle = fields.secondsAsMillis(name);
                case "AfterConversationActualTime" -> afterConversation = fields.secondsAsMillis(name);
                case "Status" -> status = fields.sharedText(name);
                default -> p.skipChildren();
            }
        }
        if (!fields.require(id, "Id") || !fields.require(workItemId, "WorkItemId")
                || !fields.require(userId, "UserId") || !fields.require(request, "RequestDateTime")) {
            return null;
        }
        return new AgentWorkRow(id, workItemId, userId, groupId != null ? groupId : queueId, channelId,
                request, accept, cancel, close, handle, afterConversation, status);
    }
}
