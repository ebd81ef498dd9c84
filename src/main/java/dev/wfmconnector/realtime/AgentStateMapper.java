package dev.wfmconnector.realtime;

import dev.wfmconnector.historical.ActivityCategories;
import dev.wfmconnector.historical.Category;
import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.output.RecordKeys;
import dev.wfmconnector.output.RecordType;
import dev.wfmconnector.salesforce.SalesforceIds;
import dev.wfmconnector.store.PresenceStatus;
import dev.wfmconnector.store.StoredUser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a group's agent-state events into {@code agent-state} records (SPEC §4, §6): the agent's 18-character id,
 * its name from the agent registry ({@code agentKnown: false} when not synced yet), the activity and its category
 * from the historical integration's activity lists, {@code since}, {@code eventTime} and the replay id. The
 * category is found as the historical integration finds it: the event names a status by its label, the presence
 * status catalog gives the status's API name, and the lists match either ({@code Offline} is always OFFLINE, an
 * activity in no list UNMAPPED). Pure: no I/O.
 */
public final class AgentStateMapper {

    private final String group;
    private final ActivityCategories categories;
    private final Map<String, PresenceStatus> byLabel = new HashMap<>();
    private final Map<String, PresenceStatus> byApiName = new HashMap<>();

    /**
     * @param group      the group, as published in envelopes and keys
     * @param categories the activity lists of the group's historical integration
     * @param catalog    the group's presence statuses (label and API name), as the historical integration read them
     */
    public AgentStateMapper(String group, ActivityCategories categories, List<PresenceStatus> catalog) {
        this.group = group;
        this.categories = categories;
        for (PresenceStatus status : catalog) {
            byLabel.putIfAbsent(key(status.label()), status);
            byApiName.putIfAbsent(key(status.apiName()), status);
        }
    }

    /** What {@link #mapAll} made of a batch of events. */
    public record Mapped(List<Envelope> records, int skipped, int unknownAgents) {
    }

    /**
     * Maps events in order. An event with no usable user id gives no record and is counted as skipped; an event of
     * an agent missing from {@code agents} gives a record with {@code agentKnown: false} and is counted.
     *
     * @param agents the synced agents among the events' agent ids ({@link #agentId}), by id
     */
    public Mapped mapAll(List<AgentStateEvent> events, Map<String, StoredUser> agents, Instant producedAt) {
        List<Envelope> records = new ArrayList<>(events.size());
        int skipped = 0;
        int unknown = 0;
        for (AgentStateEvent event : events) {
            Optional<String> agentId = agentId(event);
            if (agentId.isEmpty()) {
                skipped++;
                continue;
            }
            StoredUser agent = agents.get(agentId.get());
            if (agent == null) {
                unknown++;
            }
            records.add(map(event, agentId.get(), agent, producedAt));
        }
        return new Mapped(records, skipped, unknown);
    }

    /**
     * The 18-character agent id of an event: a 15-character {@code UserId__c} widened, an 18-character one with
     * its letters' case restored; empty when the event has no user id or one that is no Salesforce id.
     */
    public static Optional<String> agentId(AgentStateEvent event) {
        String userId = event.userId();
        return userId != null && SalesforceIds.isValid(userId) ? Optional.of(SalesforceIds.to18(userId)) : Optional.empty();
    }

    /** The record of an event of agent {@code agentId}; {@code agent} is null when the agent is not synced yet. */
    public Envelope map(AgentStateEvent event, String agentId, StoredUser agent, Instant producedAt) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("agentId", agentId);
        data.put("agentName", agent == null ? null : agent.user().name());
        data.put("agentKnown", agent != null);
        data.put("activity", event.activity());
        data.put("category", category(event.activity()).name());
        data.put("since", event.sinceOrCreated());
        data.put("eventTime", event.createdAt());
        data.put("replayId", event.replayId());
        return Envelope.of(RecordType.AGENT_STATE, group, RecordKeys.agentState(group, agentId, event.replayId()), 1,
                producedAt, data);
    }

    /** The category of an activity named by its label (or API name); null and unknown activities are UNMAPPED. */
    public Category category(String activity) {
        if (activity == null) {
            return Category.UNMAPPED;
        }
        PresenceStatus status = byLabel.get(key(activity));
        if (status == null) {
            status = byApiName.get(key(activity));
        }
        return status == null ? categories.categoryOf(activity, null) : categories.categoryOf(status.label(), status.apiName());
    }

    private static String key(String name) {
        return name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
    }
}
