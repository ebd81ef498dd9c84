package dev.wfmconnector.store;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The agent registry of each group (SPEC §3 "Agent sync"): every Salesforce user seen in the historical
 * integration's presence or work rows, as last published in an {@code agent} record. The realtime integration reads
 * agent names from it. Save agents after publishing them, through {@link StateCommits#historicalRunSucceeded}.
 */
@Repository
public class AgentRegistry {

    private final UserTable agents;

    public AgentRegistry(JdbcTemplate jdbc) {
        this.agents = new UserTable(jdbc, "agents", "agent_id");
    }

    /** The agent with this user id; empty when not yet synced. */
    public Optional<StoredUser> find(String group, String agentId) {
        return agents.find(group, agentId);
    }

    /** The synced agents among {@code agentIds}, by id; ids not in the result are unknown. */
    public Map<String, StoredUser> find(String group, Collection<String> agentIds) {
        return agents.find(group, agentIds);
    }

    /** Records published agent records (new agents and changed ones, each with its revision). */
    public void save(String group, List<StoredUser> publishedAgents) {
        agents.save(group, publishedAgents);
    }
}
