package dev.wfmconnector.realtime;

import dev.wfmconnector.output.Envelope;
import dev.wfmconnector.store.AgentRegistry;
import dev.wfmconnector.store.PresenceStatusCatalog;
import dev.wfmconnector.store.ReplayCheckpoints;
import dev.wfmconnector.store.StoredUser;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The steps of the {@code realtime-delivery} route (routes/realtime.camel.yaml) that compute: a batch's records,
 * with the agents' names from the registry and categories through the presence status catalog (both read once per
 * batch), and, once every output took them, its checkpoint.
 */
@Component("realtimeRecords")
public class RealtimeRecords {

    private final AgentRegistry agents;
    private final PresenceStatusCatalog catalog;
    private final ReplayCheckpoints checkpoints;
    private final RealtimeMetrics metrics;
    private final Clock clock = Clock.systemUTC();

    public RealtimeRecords(AgentRegistry agents, PresenceStatusCatalog catalog, ReplayCheckpoints checkpoints,
                           RealtimeMetrics metrics) {
        this.agents = agents;
        this.catalog = catalog;
        this.checkpoints = checkpoints;
        this.metrics = metrics;
    }

    /** The batch's agent-state records, in replay order. */
    public List<Envelope> map(AgentStateBatch batch) {
        Set<String> agentIds = batch.events().stream().map(AgentStateMapper::agentId).flatMap(Optional::stream)
                .collect(Collectors.toSet());
        Map<String, StoredUser> known = agentIds.isEmpty() ? Map.of() : agents.find(batch.group(), agentIds);
        AgentStateMapper mapper = new AgentStateMapper(batch.group(), batch.activities(), catalog.statuses(batch.group()));
        AgentStateMapper.Mapped mapped = mapper.mapAll(batch.events(), known, clock.instant());
        batch.mapped(mapped);
        return mapped.records();
    }

    /** The batch was published: stores its checkpoint and counts it. */
    public void checkpoint(AgentStateBatch batch) {
        checkpoints.save(batch.group(), batch.topic(), Base64.getDecoder().decode(batch.checkpoint()));
        metrics.published(batch.group(), batch.events(), batch.mapped(), clock.instant());
    }
}
