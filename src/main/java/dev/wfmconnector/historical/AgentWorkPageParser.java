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
    protected AgentWorkRow readRecord(JsonParser p, RecordProblem problem) throws IOException {
        String id = null;
        String workItemId = null;
        String userId = null;
        String groupId = null;
        String queueId = null;
        String channelId = null;
        String status = null;
        long request = SalesforceDateTime.INVALID;
        long accept = SalesforceDateTime.INVALID;
        long cancel = SalesforceDateTime.INVALID;
        long close = SalesforceDateTime.INVALID;
        long handle = 0;
        long afterConversation = 0;
        for (String name = p.nextFieldName(); name != null; name = p.nextFieldName()) {
            p.nextToken();
            switch (name) {
                case "Id" -> id = text(p, name, problem);
                case "WorkItemId" -> workItemId = text(p, name, problem);
                case "UserId" -> userId = text(p, name, problem);
                case "OriginalGroupId" -> groupId = text(p, name, problem);
                case "OriginalQueueId" -> queueId = text(p, name, problem);
                case "ServiceChannelId" -> channelId = text(p, name, problem);
                case "RequestDateTime" -> request = dateTime(p, name, problem);
                case "AcceptDateTime" -> accept = dateTime(p, name, problem);
                case "CancelDateTime" -> cancel = dateTime(p, name, problem);
                case "CloseDateTime" -> close = dateTime(p, name, problem);
                case "HandleTime" -> handle = secondsAsMillis(p, name, problem);
                case "AfterConversationActualTime" -> afterConversation = secondsAsMillis(p, name, problem);
                case "Status" -> status = text(p, name, problem);
                default -> p.skipChildren();
            }
        }
        if (!problem.require(id, "Id") || !problem.require(workItemId, "WorkItemId")
                || !problem.require(userId, "UserId") || !problem.require(instant(request), "RequestDateTime")) {
            return null;
        }
        return new AgentWorkRow(id, workItemId, userId, groupId != null ? groupId : queueId, channelId,
                instant(request), instant(accept), instant(cancel), instant(close), handle, afterConversation, status);
    }
}
