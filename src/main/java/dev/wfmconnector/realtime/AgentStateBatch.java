package dev.wfmconnector.realtime;

import dev.wfmconnector.historical.ActivityCategories;
import java.util.List;

/**
 * One group's batch of agent-state events on its way through the {@code realtime-delivery} route
 * (routes/realtime.camel.yaml): events in replay order, mapped to records, published, then checkpointed.
 */
public final class AgentStateBatch {

    private final String group;
    private final String topic;
    private final ActivityCategories activities;
    private final Delivery.Batch batch;
    private AgentStateMapper.Mapped mapped;

    AgentStateBatch(String group, String topic, ActivityCategories activities, Delivery.Batch batch) {
        this.group = group;
        this.topic = topic;
        this.activities = activities;
        this.batch = batch;
    }

    /** The group, as configured. */
    public String group() {
        return group;
    }

    /** The Pub/Sub topic, e.g. {@code /event/WFM_Agent_State__e}. */
    public String topic() {
        return topic;
    }

    /** The activity lists of the group's historical integration. */
    public ActivityCategories activities() {
        return activities;
    }

    public List<AgentStateEvent> events() {
        return batch.events();
    }

    /** The replay id (base64) to resume after once the batch is published. */
    public String checkpoint() {
        return batch.checkpoint();
    }

    /** What mapping made of the batch; null before. */
    AgentStateMapper.Mapped mapped() {
        return mapped;
    }

    void mapped(AgentStateMapper.Mapped result) {
        this.mapped = result;
    }
}
